import { DEFAULT_RATING_SCALE, DEFAULT_SLIDER_STEP, optionLabel, optionValue } from './question-kinds.js';
import type { Question, QuestionRecord, QuestionType } from '../types.js';

type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;

/**
 * What a response's `questions` says of each kind beyond id, type and text (docs/architecture.md
 * §3), for the kinds that say more. Apart from QUESTION_KINDS, whose checks load on demand: every
 * page that shows a survey builds responses.
 */
export const QUESTION_RECORDS: { [K in QuestionType]?: (question: QuestionOf<K>) => Omit<QuestionRecord, 'id' | 'type' | 'text'> } = {
  // A rating's meaning depends on its scale and look; other kinds have fixed ones.
  rating: ({ scale = DEFAULT_RATING_SCALE, style = 'numbers' }) => ({ scale, style }),
  // A collector keeps contact details out of word clouds.
  text: ({ format }) => (format ? { format } : {}),
  matrix: ({ rows, columns }) => ({
    rows: rows.map(({ id, label }) => ({ id, label: label as string })),
    columns: columns.map(({ value, label }) => ({ value, label: label as string })),
  }),
  ranking: ({ options }) => ({ options: options.map((option) => ({ id: optionValue(option), label: optionLabel(option) as string })) }),
  slider: ({ min, max, step = DEFAULT_SLIDER_STEP }) => ({ min, max, step }),
};

/** What a response says of `question` beyond id, type and text. */
export const recordOf = (question: Question): Omit<QuestionRecord, 'id' | 'type' | 'text'> =>
  (QUESTION_RECORDS[question.type] as ((question: Question) => Omit<QuestionRecord, 'id' | 'type' | 'text'>) | undefined)?.(question) ?? {};
