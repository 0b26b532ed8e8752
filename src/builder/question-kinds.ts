import { html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../core/definition/checks.js';
import { CES_POINTS, CSAT_POINTS, DEFAULT_RATING_SCALE, DEFAULT_SLIDER_STEP, DEFAULT_TEXT_MAX_LENGTH, RATING_SCALES } from '../core/definition/question-kinds.js';
import type { ChoiceQuestion, CesQuestion, CsatQuestion, Question, QuestionType } from '../core/types.js';
import { checkField, localizedField, textArea, textField, selectField } from './form/field.js';
import type { Path } from './model/paths.js';
import type { Problem } from './model/problems.js';
import { parseNumber } from './model/values.js';

/** What the question editor hands a kind's own fields: the question, and how to change it. */
export interface KindFields<Q extends Question> {
  question: Q;
  /** The question's number in the survey, 1 first, for labels. */
  number: number;
  problems: readonly Problem[];
  /** The path of one of the question's fields. */
  at(name: string): Path;
  /** Sets a value in the definition; `undefined` removes it. */
  edit(path: Path, value: unknown): void;
  /** Sets an optional text; empty removes it. */
  editText(path: Path, value: string): void;
}

/** What the builder knows of one question kind. */
export interface BuilderKind<Q extends Question> {
  /** Its name in the kind pickers. */
  label: string;
  /** What a new question of the kind starts with, besides its id, kind and empty text. */
  starting: Partial<Q>;
  /** Its answers are numbers, so a rule on them compares numbers. */
  numericAnswers: boolean;
  /** The fields of its own in the question editor (none without it). */
  fields?(editor: KindFields<Q>): TemplateResult;
}

type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;

/** Two labels at the ends of a scale. */
const endLabels = ({ question, problems, at, editText }: KindFields<Question & { lowLabel?: unknown; highLabel?: unknown }>, low: string, high: string) =>
  html`<div class="row">
    ${localizedField({ path: at('lowLabel'), label: low, problems, value: question.lowLabel, onInput: editText })}
    ${localizedField({ path: at('highLabel'), label: high, problems, value: question.highLabel, onInput: editText })}
  </div>`;

/** A label for each point of a labelled scale, one per line, replacing the built-in ones. */
const pointLabels =
  (points: number) =>
  ({ question, problems, at, edit }: KindFields<CsatQuestion | CesQuestion>): TemplateResult => {
    const { labels } = question;
    // Labels by locale are objects a line of text cannot hold; they stay as they are, edited in the JSON.
    if (labels?.some(isRecord)) return html`<p class="hint">This question's labels come in several languages; edit them in the JSON file.</p>`;
    return textArea({
      path: at('labels'),
      label: `Own labels, one per line (${points}, lowest first)`,
      hint: 'Leave empty for the built-in labels.',
      deep: true,
      problems,
      rows: points,
      value: (labels ?? []).join('\n'),
      onInput: (value) => edit(at('labels'), value.trim() ? value.split('\n') : undefined),
    });
  };

function choiceFields({ question, number, problems, at, edit }: KindFields<ChoiceQuestion>): TemplateResult {
  const flag = (name: 'multiple' | 'other' | 'shuffle', text: string) =>
    checkField({ path: at(name), label: text, problems, checked: question[name] ?? false, onChange: (checked) => edit(at(name), checked || undefined) });
  const count = (name: 'min' | 'max', text: string) =>
    textField({ path: at(name), label: text, type: 'number', problems, value: String(question[name] ?? ''), onInput: (value) => edit(at(name), parseNumber(value)) });
  return html`<builder-options-editor .problems=${problems} .path=${at('options')} .options=${question.options} .number=${number} pictures></builder-options-editor>
    ${flag('multiple', 'Several answers allowed (checkboxes)')} ${flag('other', 'An “Other” option with a text field')} ${flag('shuffle', 'Show the options in a random order')}
    ${
      question.multiple || question.min !== undefined || question.max !== undefined
        ? html`<div class="row">${count('min', 'Fewest options to pick')} ${count('max', 'Most options to pick')}</div>`
        : nothing
    }`;
}

/** A text's formats as the builder names them; none is any text. */
const TEXT_FORMAT_CHOICES = [
  ['', 'Any text'],
  ['email', 'An email address'],
  ['url', 'A web address'],
  ['phone', 'A phone number'],
  ['number', 'A number'],
  ['date', 'A date'],
] as const;

/** A number field of a question, written as a number (text that is none stays, for the validator to name). */
const numberField = ({ question, problems, at, edit }: KindFields<Question & Record<string, unknown>>, name: string, label: string, placeholder?: string) =>
  textField({
    path: at(name),
    label,
    type: 'number',
    step: 'any',
    placeholder,
    problems,
    value: String(question[name] ?? ''),
    onInput: (value) => edit(at(name), parseNumber(value)),
  });

/** The kinds of issue #22, as the builder shows them. */
const ISSUE_22_KINDS = {
  matrix: {
    label: 'Matrix (statements on one scale)',
    starting: {
      rows: [
        { id: 'row1', label: 'Statement 1' },
        { id: 'row2', label: 'Statement 2' },
      ],
      columns: [
        { value: 1, label: 'Disagree' },
        { value: 2, label: 'Neutral' },
        { value: 3, label: 'Agree' },
      ],
    },
    numericAnswers: false,
    fields: ({ question, number, problems, at }) =>
      html`<builder-matrix-editor .problems=${problems} .rowsPath=${at('rows')} .columnsPath=${at('columns')} .rows=${question.rows} .columns=${question.columns} .number=${number}></builder-matrix-editor>`,
  },
  ranking: {
    label: 'Ranking (put options in order)',
    starting: { options: ['Option 1', 'Option 2', 'Option 3'] },
    numericAnswers: false,
    fields: ({ question, number, problems, at, edit }) =>
      html`<builder-options-editor .problems=${problems} .path=${at('options')} .options=${question.options} .number=${number}></builder-options-editor>
        ${checkField({ path: at('shuffle'), label: 'Start from a random order', problems, checked: question.shuffle ?? false, onChange: (checked) => edit(at('shuffle'), checked || undefined) })}`,
  },
  slider: {
    label: 'Slider (a number)',
    starting: { min: 0, max: 10 },
    numericAnswers: true,
    fields: (editor) => {
      const { question, number, problems, at, editText } = editor;
      const fields = editor as unknown as KindFields<Question & Record<string, unknown>>;
      return html`<div class="row">
          ${numberField(fields, 'min', `Question ${number} lowest value`)} ${numberField(fields, 'max', `Question ${number} highest value`)}
          ${numberField(fields, 'step', `Question ${number} step`, String(DEFAULT_SLIDER_STEP))}
        </div>
        <div class="row">
          ${localizedField({ path: [...at('labels'), 'min'], label: 'Label at the lowest end', problems, value: question.labels?.min, onInput: editText })}
          ${localizedField({ path: [...at('labels'), 'max'], label: 'Label at the highest end', problems, value: question.labels?.max, onInput: editText })}
        </div>`;
    },
  },
  cta: {
    label: 'Call to action (text and a button)',
    starting: { button: { label: 'Learn more' } },
    numericAnswers: false,
    fields: ({ question, number, problems, at, edit, editText }) =>
      html`${localizedField({ path: at('body'), label: `Question ${number} body text`, problems, value: question.body, onInput: editText })}
        <div class="row">
          ${localizedField({ path: [...at('button'), 'label'], label: `Question ${number} button label`, required: true, problems, value: question.button?.label, onInput: (where, value) => edit(where, value) })}
          ${textField({
            path: [...at('button'), 'url'],
            label: `Question ${number} button link`,
            type: 'url',
            hint: 'Optional: an http(s) page opened in a new tab; without it, the button goes to the next step.',
            problems,
            value: question.button?.url ?? '',
            onInput: (value) => editText([...at('button'), 'url'], value),
          })}
        </div>`,
  },
} satisfies { [K in 'matrix' | 'ranking' | 'slider' | 'cta']: BuilderKind<QuestionOf<K>> };

/**
 * Every question kind as the builder shows it, one row each (the SDK's own row per kind is in
 * src/core/definition/question-kinds.ts; docs/contributing.md lists every place a new kind goes).
 */
export const BUILDER_KINDS: { [K in QuestionType]: BuilderKind<QuestionOf<K>> } = {
  nps: {
    label: 'NPS (0–10)',
    starting: {},
    numericAnswers: true,
    fields: (editor) => endLabels(editor, 'Label under 0', 'Label under 10'),
  },
  rating: {
    label: 'Rating (stars, emoji or numbers)',
    starting: { scale: DEFAULT_RATING_SCALE, style: 'stars' },
    numericAnswers: true,
    fields: (editor) => {
      const { question, number, problems, at, edit } = editor;
      return html`<div class="row">
          ${selectField({
            path: at('scale'),
            label: `Question ${number} scale`,
            problems,
            value: String(question.scale ?? DEFAULT_RATING_SCALE),
            choices: RATING_SCALES.map((scale) => [String(scale), `1 to ${scale}`] as const),
            onChange: (value) => edit(at('scale'), Number(value)),
          })}
          ${selectField({
            path: at('style'),
            label: `Question ${number} style`,
            problems,
            value: question.style ?? 'numbers',
            choices: [
              ['numbers', 'Numbers'],
              ['stars', 'Stars'],
              ['emoji', 'Emoji (scales of 3 and 5)'],
            ],
            onChange: (value) => edit(at('style'), value),
          })}
        </div>
        ${endLabels(editor, 'Low-end label', 'High-end label')}`;
    },
  },
  csat: { label: 'CSAT (1–5, labelled)', starting: {}, numericAnswers: true, fields: pointLabels(CSAT_POINTS) },
  ces: { label: 'CES (1–7, labelled)', starting: {}, numericAnswers: true, fields: pointLabels(CES_POINTS) },
  thumbs: { label: 'Thumbs up or down', starting: {}, numericAnswers: true },
  choice: { label: 'Choice (pictures allowed)', starting: { options: ['Option 1', 'Option 2'] }, numericAnswers: false, fields: choiceFields },
  text: {
    label: 'Text',
    starting: {},
    numericAnswers: false,
    fields: ({ question, number, problems, at, edit, editText }) =>
      html`${selectField({
        path: at('format'),
        label: `Question ${number} format`,
        problems,
        value: question.format ?? '',
        choices: TEXT_FORMAT_CHOICES,
        onChange: (value) => edit(at('format'), value || undefined),
      })}
      ${
        question.format
          ? nothing
          : checkField({
              path: at('multiline'),
              label: 'Several lines',
              problems,
              checked: question.multiline ?? true,
              // Several lines is the default, so only a single line is written down.
              onChange: (checked) => edit(at('multiline'), checked ? undefined : false),
            })
      }
        <div class="row">
          ${textField({ path: at('maxLength'), label: `Question ${number} longest answer (characters)`, type: 'number', placeholder: String(DEFAULT_TEXT_MAX_LENGTH), problems, value: String(question.maxLength ?? ''), onInput: (value) => edit(at('maxLength'), parseNumber(value)) })}
          ${localizedField({ path: at('placeholder'), label: `Question ${number} placeholder`, problems, value: question.placeholder, onInput: editText })}
        </div>`,
  },
  ...ISSUE_22_KINDS,
};

/** The builder's row for `question`'s kind; none for a kind it does not know (a typo in imported JSON). */
export const builderKindOf = <Q extends Question>(question: Q): BuilderKind<Q> | undefined =>
  Object.hasOwn(BUILDER_KINDS, question.type) ? (BUILDER_KINDS[question.type] as unknown as BuilderKind<Q>) : undefined;
