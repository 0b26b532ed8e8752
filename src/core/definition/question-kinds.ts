import { boolean, checkObject, expect, fail, httpUrl, identifier, integer, isRecord, localized, number, oneOf, text, type Check, type Fields, type Report } from './checks.js';
import type { ChoiceOption, LocalizedText, Question, QuestionRecord, QuestionType, TextFormat } from '../types.js';

export const DEFAULT_TEXT_MAX_LENGTH = 1000;
export const LABEL_MAX_LENGTH = 200;
export const MAX_OPTIONS = 30;
export const RATING_SCALES = [3, 5, 7, 10] as const;
export const DEFAULT_RATING_SCALE = 5;
export const CSAT_POINTS = 5;
export const CES_POINTS = 7;
export const TEXT_FORMATS: readonly TextFormat[] = ['email', 'url', 'phone', 'number', 'date'];
export const MAX_RANKED = 10;
export const MAX_MATRIX_ROWS = 20;
export const MATRIX_COLUMNS = { fewest: 2, most: 11 };
/** A slider's ends stay well inside what a number field shows exactly. */
const SLIDER_LIMIT = 1e9;
export const DEFAULT_SLIDER_STEP = 1;

const plainLabel = text(LABEL_MAX_LENGTH);
/** Labels may come in several locales; a string option may not, being its own answer. */
const label = localized(plainLabel);

const labels =
  (count: number): Check =>
  (value, path, report) => {
    if (!Array.isArray(value) || value.length !== count) return fail(report, path, `expected a list of ${count} labels, lowest first`, value);
    value.forEach((item, index) => label(item, `${path}[${index}]`, report));
  };

/** A picture's address: https:, or a path relative to the page (never http:, data: or javascript:). */
const imageUrl: Check = (value, path, report) => {
  let secure = false;
  try {
    const given = typeof value === 'string' && value.length <= 2000 && value === value.trim() ? value : '';
    secure = /^[a-z][a-z\d+.-]*:/i.test(given) ? new URL(given).protocol === 'https:' : !!given && !/^[/\\]{2}/.test(given) && !!new URL(given, 'https://x.invalid/');
  } catch {
    // Not a URL at all.
  }
  if (!secure) fail(report, path, 'expected an https: URL, or a path relative to the page', value);
};

/** An option: its label (also its answer), or `{ "id", "label" }`; a choice's may show a picture (`image` with `alt`). */
const option =
  (pictures: boolean): Check =>
  (value, path, report) => {
    if (typeof value === 'string') return plainLabel(value, path, report);
    if (!isRecord(value)) return fail(report, path, 'expected a label, or { "id", "label" }', value);
    checkObject(value, path, report, { id: identifier, label, ...(pictures && { image: imageUrl, alt: label }) }, ['id', 'label', ...(value.image !== undefined ? ['alt'] : [])]);
    if (pictures && value.alt !== undefined && value.image === undefined) fail(report, `${path}.alt`, 'applies only with "image"');
  };

const optionsOf = (most: number, pictures = false): Check => listOf([2, most, 'option'], option(pictures), (item) => optionValue(item as ChoiceOption));

/** What a choice option stands for in the answer. */
export const optionValue = (option: ChoiceOption): string => (typeof option === 'string' ? option : option?.id);

/** What a choice option shows. */
export const optionLabel = (option: ChoiceOption): LocalizedText => (typeof option === 'string' ? option : option.label);

/** A list of `fewest` to `most` of `what`, each checked by `item`, with no two alike in `key`. */
function listOf([fewest, most, what]: [number, number, string], item: Check, key: (item: unknown) => unknown): Check {
  return (value, path, report) => {
    if (!Array.isArray(value) || value.length < fewest || value.length > most) return fail(report, path, `expected a list of ${fewest} to ${most} ${what}s`, value);
    const seen = new Set<unknown>();
    value.forEach((one, index) => {
      item(one, `${path}[${index}]`, report);
      const mark = key(one);
      if (mark !== undefined && seen.has(mark)) fail(report, `${path}[${index}]`, `duplicate ${what} ${JSON.stringify(mark)}`);
      seen.add(mark);
    });
  };
}

const keyOf = (name: string) => (item: unknown) => (isRecord(item) ? item[name] : undefined);
/** Keys that tell other answers apart from a matrix's (batch.schema.json reads an object answer by them). */
const ANSWER_KEYS = ['other', 'clicked'];
const matrixRow: Check = (value, path, report) => {
  if (!checkObject(value, path, report, { id: identifier, label }, ['id', 'label'])) return;
  if (ANSWER_KEYS.includes(value.id as string)) fail(report, `${path}.id`, `"${value.id}" keys another kind of answer; choose another id`);
};
const matrixRows = listOf([1, MAX_MATRIX_ROWS, 'row'], matrixRow, keyOf('id'));
const matrixColumns = listOf(
  [MATRIX_COLUMNS.fewest, MATRIX_COLUMNS.most, 'column'],
  (value, path, report) => checkObject(value, path, report, { value: number(-SLIDER_LIMIT, SLIDER_LIMIT), label }, ['value', 'label']),
  keyOf('value'),
);

/** Whether `max - min` is a whole number of steps, so that both ends can be reached. */
const wholeSteps = (min: number, max: number, step: number) => Math.abs((max - min) / step - Math.round((max - min) / step)) < 1e-9;

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
  /** `false`: its answer is a list of every option or an object, so a rule on it may only ask whether it was `answered`. */
  comparable?: false;
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
      options: optionsOf(MAX_OPTIONS, true),
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
  text: {
    fields: { maxLength: integer(1, 10_000), placeholder: label, multiline: boolean, format: oneOf(TEXT_FORMATS) },
    check: ({ format, multiline }, path, report) => {
      if (format && multiline) fail(report, `${path}.multiline`, 'a text with a "format" is one line');
    },
    // A collector keeps contact details out of word clouds.
    record: ({ format }) => (format ? { format } : {}),
  },
  // Kinds of issue #22.
  matrix: {
    fields: { rows: matrixRows, columns: matrixColumns },
    required: ['rows', 'columns'],
    record: ({ rows, columns }) => ({
      rows: rows.map(({ id, label }) => ({ id, label: label as string })),
      columns: columns.map(({ value, label }) => ({ value, label: label as string })),
    }),
    comparable: false,
  },
  ranking: {
    fields: { options: optionsOf(MAX_RANKED), shuffle: boolean },
    required: ['options'],
    record: ({ options }) => ({ options: options.map((option) => ({ id: optionValue(option), label: optionLabel(option) as string })) }),
    comparable: false,
  },
  slider: {
    fields: {
      min: number(-SLIDER_LIMIT, SLIDER_LIMIT),
      max: number(-SLIDER_LIMIT, SLIDER_LIMIT),
      step: expect((value) => typeof value === 'number' && value > 0 && value <= 2 * SLIDER_LIMIT, 'expected a number above 0'),
      labels: (value, path, report) => checkObject(value, path, report, { min: label, max: label }),
    },
    required: ['min', 'max'],
    check: ({ min, max, step = DEFAULT_SLIDER_STEP }, path, report) => {
      if (max <= min) fail(report, `${path}.max`, 'expected a number above "min"', max);
      else if (!wholeSteps(min, max, step)) fail(report, `${path}.step`, `expected a step that divides max - min (${max - min})`, step);
    },
    record: ({ min, max, step = DEFAULT_SLIDER_STEP }) => ({ min, max, step }),
  },
  cta: {
    fields: {
      body: localized(text(2000)),
      button: (value, path, report) => checkObject(value, path, report, { label, url: httpUrl }, ['label']),
    },
    required: ['button'],
    comparable: false,
  },
};

export const QUESTION_TYPES = Object.keys(QUESTION_KINDS) as QuestionType[];

/** The row of a question's kind, typed for that question. */
export const kindOf = <Q extends Question>(question: Q): QuestionKind<Q> => QUESTION_KINDS[question.type] as unknown as QuestionKind<Q>;

// The UI imports what follows alone: it is no part of the table, whose checks stay out of the UI's bundle.
/**
 * Why an answer cannot be accepted yet, for the visitor: missing, too few or too many choices, a
 * matrix row left out, or (found by the element asking it) a text that is not of its format.
 */
export type AnswerProblem = { required: true } | { min: number } | { max: number } | { everyRow: true } | { format: TextFormat };

export function answerProblem(question: Question, value: unknown): AnswerProblem | null {
  // A call to action is there to be skipped: moving on is the answer "not clicked".
  if (question.type === 'cta') return null;
  if (value === undefined) return question.optional ? null : { required: true };
  if (question.type === 'choice' && Array.isArray(value)) {
    if (question.min !== undefined && value.length < question.min) return { min: question.min };
    if (question.max !== undefined && value.length > question.max) return { max: question.max };
  }
  // Optional, a matrix keeps the rows answered; required, it needs them all.
  if (question.type === 'matrix' && !question.optional && question.rows.some((row) => (value as Record<string, unknown>)[row.id] === undefined)) return { everyRow: true };
  return null;
}
