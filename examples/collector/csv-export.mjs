// Responses as CSV (RFC 4180) for spreadsheets: one row per response, fixed columns first, then
// one column per question (`answers.<question id>`) in the order questions first appear.
import { describeTrigger } from './journey-point.mjs';

const FIXED_COLUMNS = [
  ['id', (r) => r.id],
  ['surveyId', (r) => r.surveyId],
  ['completed', (r) => r.completed],
  ['createdAt', (r) => r.createdAt],
  ['updatedAt', (r) => r.updatedAt],
  ['journeyPoint', (r) => describeTrigger(r.trigger)],
  ['pageUrl', (r) => r.page?.url],
  ['referrer', (r) => r.page?.referrer],
  ['locale', (r) => r.locale],
  ['userId', (r) => r.user?.id],
  ['userTraits', (r) => (r.user?.traits ? JSON.stringify(r.user.traits) : '')],
  ['sdkVersion', (r) => r.sdk?.version],
];

/** An answer as one cell: lists joined with "; ", the Other option as `Other: text`. */
function answerCell(answer) {
  if (answer === undefined) return '';
  if (Array.isArray(answer)) return answer.map(answerCell).join('; ');
  if (typeof answer === 'object' && answer !== null) return `Other: ${answer.other}`;
  return answer;
}

/**
 * Quotes a cell when needed. A text that starts like a formula (=, +, -, an at sign, tab or
 * return) gets a leading apostrophe: answers are typed by strangers, and a spreadsheet would run them.
 */
function cell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text, with a byte order mark so spreadsheet apps read it as UTF-8. */
export function toCsv(responses) {
  const questionIds = [];
  for (const response of responses) {
    for (const id of [...response.questions.map((q) => q.id), ...Object.keys(response.answers)]) {
      if (!questionIds.includes(id)) questionIds.push(id);
    }
  }
  // Prefixed so a question called "id" or "locale" cannot be mistaken for a fixed column.
  const header = [...FIXED_COLUMNS.map(([name]) => name), ...questionIds.map((id) => `answers.${id}`)];
  const rows = responses.map((response) => [
    ...FIXED_COLUMNS.map(([, valueOf]) => valueOf(response)),
    ...questionIds.map((id) => answerCell(response.answers[id])),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
