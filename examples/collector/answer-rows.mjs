// A response's answers as rows the database counts: one per answered question and kind the
// response describes it as (a question it does not describe gets kind ''), so every figure of
// the results page is a GROUP BY over rows instead of a walk over responses. A choice answer also
// gives one pick per option it holds (and per "Other" text).

/**
 * The fields of a described question the summary reads: for the kinds of issue #22 also a text's
 * `format`, a matrix's `rows` and `columns`, a ranking's `options`, a slider's `min`, `max` and
 * `step` (absent fields stay absent, so older question sets keep their hash).
 */
export function questionsDescribed(questions) {
  return (Array.isArray(questions) ? questions : []).map((q) => ({
    id: q.id,
    type: q.type,
    text: q.text,
    scale: q.scale,
    style: q.style,
    format: q.format,
    rows: q.rows,
    columns: q.columns,
    options: q.options,
    min: q.min,
    max: q.max,
    step: q.step,
  }));
}

/** A matrix's row answers are stored as rows of their own, under `matrixId/rowId` (ids hold no `/`). */
export const MATRIX_ROW_KIND = 'matrix-row';
export const matrixRowId = (matrixId, rowId) => `${matrixId}/${rowId}`;

const isMatrixAnswer = (answer) => typeof answer === 'object' && answer !== null && !Array.isArray(answer) && !('other' in answer) && !('clicked' in answer);

/**
 * The answers with a matrix's rows also given as answers of their own (`{ sus: { sus1: 4 } }` →
 * `sus1: 4`), so SUS and UMUX-Lite asked as one matrix step score as their items asked one per step.
 */
export function itemAnswersOf(answers) {
  const items = { ...answers };
  for (const answer of Object.values(answers ?? {}))
    if (isMatrixAnswer(answer)) for (const [rowId, value] of Object.entries(answer)) if (!Object.hasOwn(items, rowId)) items[rowId] = value;
  return items;
}

/** Integers past this are kept at it: only their side of a scale and their sign matter. */
const INTEGER_LIMIT = 2_147_483_647;

/** The integer a scale would count (clamped), or null for anything else (text, 4.5, a list). */
export function integerOf(answer) {
  if (!Number.isInteger(answer)) return null;
  return Math.max(-INTEGER_LIMIT, Math.min(INTEGER_LIMIT, answer));
}

const isOther = (item) => typeof item === 'object' && item !== null && !Array.isArray(item) && typeof item.other === 'string';

/** A slider's value as a pick (its number as text, so any step is kept exactly), or null. */
function sliderPickOf(answer) {
  return typeof answer === 'number' && Number.isFinite(answer) ? { options: [String(answer)], others: [] } : null;
}

/** What a choice answer picked: distinct option strings in order, then the Other texts; null when it is not a choice answer. A ranking's picks are its options in ranked order. */
export function picksOf(answer) {
  const picked = Array.isArray(answer) ? answer : [answer];
  if (!picked.every((item) => typeof item === 'string' || isOther(item))) return null;
  return { options: [...new Set(picked.filter((item) => typeof item === 'string'))], others: picked.filter(isOther).map((item) => item.other) };
}

/**
 * One row per (answered question id, kind describing it): `{ questionId, kind, primary, num,
 * text, hasText, picked, picks }`. `primary` marks one row per question id (what template scores read,
 * whatever describes it); `text` is a string answer; `hasText` says it is not blank; `picked`
 * says a choice question's answer is a valid choice (its `picks`).
 */
export function answerRowsOf(response) {
  const kindsById = new Map();
  for (const question of Array.isArray(response.questions) ? response.questions : []) {
    const kinds = kindsById.get(question.id) ?? [];
    if (!kinds.includes(question.type)) kinds.push(question.type);
    kindsById.set(question.id, kinds);
  }
  const rows = [];
  for (const [questionId, answer] of Object.entries(response.answers ?? {})) {
    if (answer === undefined) continue;
    const kinds = kindsById.get(questionId) ?? [''];
    kinds.forEach((kind, i) => {
      const text = typeof answer === 'string' ? answer : null;
      rows.push({
        questionId,
        kind,
        primary: i === 0 ? 1 : 0,
        num: integerOf(answer),
        text,
        hasText: text !== null && text.trim() !== '' ? 1 : 0,
        picks: kind === 'choice' || kind === 'ranking' ? picksOf(answer) : kind === 'slider' ? sliderPickOf(answer) : null,
      });
      rows.at(-1).picked = rows.at(-1).picks ? 1 : 0;
      if (kind === 'matrix' && isMatrixAnswer(answer)) {
        for (const [rowId, value] of Object.entries(answer)) {
          rows.push({ questionId: matrixRowId(questionId, rowId), kind: MATRIX_ROW_KIND, primary: 0, num: integerOf(value), text: null, hasText: 0, picks: null, picked: 0 });
        }
      }
    });
  }
  return rows;
}
