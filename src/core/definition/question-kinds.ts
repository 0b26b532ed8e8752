import { boolean, fail, identifier, integer, isRecord, localized, oneOf, text, type Check, type Fields, type Report } from './checks.js';
import type { ChoiceOption, LocalizedText, Question, QuestionRecord, QuestionType } from '../types.js';

export const DEFAULT_TEXT_MAX_LENGTH = 1000;
export const LABEL_MAX_LENGTH = 200;
export const MAX_OPTIONS = 30;
export const RATING_SCALES = [3, 5, 7, 10] as const;
export const DEFAULT_RATING_SCALE = 5;
export const CSAT_POINTS = 5;
export const CES_POINTS = 7;

const plainLabel = text(LABEL_MAX_LENGTH);
/** Labels may come in several locales; a string option may not, being its own answer. */
const label = localized(plainLabel);

const labels =
  (count: number): Check =>
  (value, path, report) => {
    if (!Array.isArray(value) || value.length !== count) return fail(report, path, `expected a list of ${count} labels, lowest first`, value);
    value.forEach((item, index) => label(item, `${path}[${index}]`, report));
  };

const option: Check = (value, path, report) => {
  if (typeof value === 'string') return plainLabel(value, path, report);
  if (!isRecord(value)) return fail(report, path, 'expected a label, or { "id", "label" }', value);
  identifier(value.id, `${path}.id`, report);
  label(value.label, `${path}.label`, report);
};

const options: Check = (value, path, report) => {
  if (!Array.isArray(value) || value.length < 2 || value.length > MAX_OPTIONS) return fail(report, path, `expected a list of 2 to ${MAX_OPTIONS} options`, value);
  const seen = new Set<unknown>();
  value.forEach((item, index) => {
    option(item, `${path}[${index}]`, report);
    const answer = optionValue(item);
    if (seen.has(answer)) fail(report, `${path}[${index}]`, `duplicate option "${answer}"`);
    seen.add(answer);
  });
};

/** What a choice option stands for in the answer. */
export const optionValue = (option: ChoiceOption): string => (typeof option === 'string' ? option : option?.id);

/** What a choice option shows. */
export const optionLabel = (option: ChoiceOption): LocalizedText => (typeof option === 'string' ? option : option.label);

/** What the SDK knows of one question kind, beside its type in types.ts. */
export interface QuestionKind<Q extends Question> {
  /** The fields it adds to those every question has, each with its check. */
  fields: Fields;
  /** Of those, the ones it must have. */
  required?: string[];
  /** Checks across its fields, run once each field is valid on its own. */
  check?: (question: Q, path: string, report: Report) => void;
  /** What a response's `questions` says of it beyond id, type and text (docs/architecture.md §3). */
  record?: (question: Q) => Omit<QuestionRecord, 'id' | 'type' | 'text'>;
}

type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;

/**
 * Every question kind, one row each: the validator and the payload read it here, the builder
 * (src/builder/question-kinds.ts) and the UI (src/ui/questions/registry.ts) keep a row per kind
 * of their own; docs/contributing.md lists every place a new kind goes.
 */
export const QUESTION_KINDS: { [K in QuestionType]: QuestionKind<QuestionOf<K>> } = {
  nps: { fields: { lowLabel: label, highLabel: label } },
  rating: {
    fields: { scale: oneOf(RATING_SCALES), style: oneOf(['stars', 'emoji', 'numbers']), lowLabel: label, highLabel: label },
    check: ({ style, scale = DEFAULT_RATING_SCALE }, path, report) => {
      if (style === 'emoji' && ![3, 5].includes(scale)) fail(report, `${path}.style`, '"emoji" exists for scales of 3 and 5 only', scale);
    },
    // A rating's meaning depends on its scale and look; other kinds have fixed ones.
    record: ({ scale = DEFAULT_RATING_SCALE, style = 'numbers' }) => ({ scale, style }),
  },
  csat: { fields: { labels: labels(CSAT_POINTS) } },
  ces: { fields: { labels: labels(CES_POINTS) } },
  thumbs: { fields: {} },
  choice: {
    fields: {
      options,
      multiple: boolean,
      other: boolean,
      shuffle: boolean,
      min: integer(1, MAX_OPTIONS),
      max: integer(1, MAX_OPTIONS),
    },
    required: ['options'],
    check: ({ min, max, multiple, options: choices, other }, path, report) => {
      const available = (choices?.length ?? 0) + (other ? 1 : 0);
      if (!multiple && (min !== undefined || max !== undefined)) fail(report, `${path}.${min === undefined ? 'max' : 'min'}`, 'applies only with "multiple": true');
      else if (max !== undefined && max > available) fail(report, `${path}.max`, `expected at most the number of options (${available})`, max);
      else if (min !== undefined && min > (max ?? available))
        fail(report, `${path}.min`, `expected at most ${max === undefined ? 'the number of options' : '"max"'} (${max ?? available})`, min);
    },
  },
  text: { fields: { maxLength: integer(1, 10_000), placeholder: label, multiline: boolean } },
};

export const QUESTION_TYPES = Object.keys(QUESTION_KINDS) as QuestionType[];

/** The row of a question's kind, typed for that question. */
export const kindOf = <Q extends Question>(question: Q): QuestionKind<Q> => QUESTION_KINDS[question.type] as unknown as QuestionKind<Q>;

// The UI imports what follows alone: it is no part of the table, whose checks stay out of the UI's bundle.
/** Why an answer cannot be accepted yet, for the visitor: missing, or too few or too many choices. */
export type AnswerProblem = { required: true } | { min: number } | { max: number };

export function answerProblem(question: Question, value: unknown): AnswerProblem | null {
  if (value === undefined) return question.optional ? null : { required: true };
  if (question.type === 'choice' && Array.isArray(value)) {
    if (question.min !== undefined && value.length < question.min) return { min: question.min };
    if (question.max !== undefined && value.length > question.max) return { max: question.max };
  }
  return null;
}
