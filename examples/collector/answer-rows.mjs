// A response's answers as rows the database counts: one per answered question and kind the
// response describes it as (a question it does not describe gets kind ''), so every figure of
// the results page is a GROUP BY over rows instead of a walk over responses. A choice answer also
// gives one pick per option it holds (and per "Other" text).

/** The fields of a described question the summary reads. */
export function questionsDescribed(questions) {
  return (Array.isArray(questions) ? questions : []).map((q) => ({ id: q.id, type: q.type, text: q.text, scale: q.scale, style: q.style }));
}

/** Integers past this are kept at it: only their side of a scale and their sign matter. */
const INTEGER_LIMIT = 2_147_483_647;

/** The integer a scale would count (clamped), or null for anything else (text, 4.5, a list). */
export function integerOf(answer) {
  if (!Number.isInteger(answer)) return null;
  return Math.max(-INTEGER_LIMIT, Math.min(INTEGER_LIMIT, answer));
}

const isOther = (item) => typeof item === 'object' && item !== null && !Array.isArray(item) && typeof item.other === 'string';

/** What a choice answer picked: distinct option strings in order, then the Other texts; null when it is not a choice answer. */
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
        picks: kind === 'choice' ? picksOf(answer) : null,
      });
      rows.at(-1).picked = rows.at(-1).picks ? 1 : 0;
    });
  }
  return rows;
}
