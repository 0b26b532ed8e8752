// Responses as CSV (RFC 4180, by csv-stringify) for spreadsheets: one row per response, fixed
// columns first, then one column per question (`answers.<question id>`) in the order questions
// first appear (csv-columns.mjs). Rows are written as they are read, so an export never holds the table in memory.
import { stringify } from 'csv-stringify';
import { journeyPointOf } from './journey-point.mjs';

/** Past this many question columns, the remaining answers share one `moreAnswers` column (as JSON). */
export const MAX_ANSWER_COLUMNS = 500;
export const MORE_ANSWERS_COLUMN = 'moreAnswers';
/** Past this many context keys, the remaining values share one `moreContext` column (as JSON). */
export const MAX_CONTEXT_COLUMNS = 200;
export const MORE_CONTEXT_COLUMN = 'moreContext';

const FIXED_COLUMNS = [
  ['id', (r) => r.id],
  ['surveyId', (r) => r.surveyId],
  ['completed', (r) => r.completed],
  ['createdAt', (r) => r.createdAt],
  ['updatedAt', (r) => r.updatedAt],
  ['receivedAt', (r) => r.receivedAt],
  ['journeyPoint', (r) => journeyPointOf(r)],
  ['pageUrl', (r) => r.page?.url],
  ['referrer', (r) => r.page?.referrer],
  ['locale', (r) => r.locale],
  ['userId', (r) => r.user?.id],
  ['userTraits', (r) => (r.user?.traits ? JSON.stringify(r.user.traits) : '')],
  ['sdkVersion', (r) => r.sdk?.version],
  ['trigger', (r) => JSON.stringify(r.trigger ?? null)],
  ['firedBy', (r) => (r.firedBy ? JSON.stringify(r.firedBy) : '')],
  ['label', (r) => r.label ?? ''],
  ['event', (r) => r.event?.name ?? ''],
  ['eventProperties', (r) => (r.event?.properties ? JSON.stringify(r.event.properties) : '')],
];

/**
 * Spreadsheets run a cell that starts like a formula (= + - @, or their full-width forms), and in
 * locales whose list separator is `;` they also split a cell at `;`, or at `,` or a tab when asked
 * to: so every place a spreadsheet might start a cell (the start, or after , ; tab | or a line
 * break, past any spaces) gets an apostrophe before such a sign. Cells holding a separator are
 * also quoted, so a reader that honours quotes sees one cell.
 */
const FORMULA_START = /(^|[,;\t|\r\n])(\s*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
export const guardFormulas = (text) => text.replace(FORMULA_START, "$1$2'");

/**
 * An answer as one cell: lists (a multiple choice, a ranking in its order) joined with "; ", the
 * Other option as `Other: text`, a call to action clicked as `clicked`, a matrix as `row: value`
 * pairs joined with "; ".
 */
function answerCell(answer) {
  if (answer === undefined) return '';
  if (Array.isArray(answer)) return answer.map(answerCell).join('; ');
  if (typeof answer === 'object' && answer !== null) {
    if (typeof answer.other === 'string') return `Other: ${answer.other}`;
    if (answer.clicked === true) return 'clicked';
    return Object.entries(answer)
      .map(([row, value]) => `${row}: ${value}`)
      .join('; ');
  }
  return answer;
}

/** A context value as a cell: text as it is, numbers and booleans as written, null as `null`. */
const contextCell = (value) => (value === undefined ? '' : value === null ? 'null' : typeof value === 'string' ? value : JSON.stringify(value));

/** The header row. Question columns are prefixed so a question called "id" cannot pass for a fixed column. */
export function headerRow({ ids, overflow, contextKeys = [], contextOverflow = false }) {
  return [
    ...FIXED_COLUMNS.map(([name]) => name),
    ...ids.map((id) => `answers.${id}`),
    ...(overflow ? [MORE_ANSWERS_COLUMN] : []),
    ...contextKeys.map((key) => `context.${key}`),
    ...(contextOverflow ? [MORE_CONTEXT_COLUMN] : []),
  ];
}

/** One response's row under `columns` (from csv-columns.mjs). */
export function responseRow(response, { ids, overflow, contextKeys = [], contextOverflow = false }) {
  const answered = (id) => (Object.hasOwn(response.answers, id) ? response.answers[id] : undefined);
  const row = [...FIXED_COLUMNS.map(([, valueOf]) => valueOf(response)), ...ids.map((id) => answerCell(answered(id)))];
  if (overflow) {
    const shown = new Set(ids);
    const more = Object.fromEntries(Object.entries(response.answers).filter(([id]) => !shown.has(id)));
    row.push(Object.keys(more).length > 0 ? JSON.stringify(more) : '');
  }
  const context = typeof response.context === 'object' && response.context !== null ? response.context : {};
  row.push(...contextKeys.map((key) => contextCell(Object.hasOwn(context, key) ? context[key] : undefined)));
  if (contextOverflow) {
    const shown = new Set(contextKeys);
    const more = Object.fromEntries(Object.entries(context).filter(([key]) => !shown.has(key)));
    row.push(Object.keys(more).length > 0 ? JSON.stringify(more) : '');
  }
  return row;
}

/** A stream turning rows (arrays) into CSV text, with a byte order mark so spreadsheet apps read it as UTF-8. */
export function createCsvStream() {
  return stringify({
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[;\t|]/,
    cast: { string: guardFormulas, boolean: String },
  });
}
