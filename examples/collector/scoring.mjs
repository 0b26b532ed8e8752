// The arithmetic behind the results page, one function per question kind. Each takes the answers
// given to one question (as delivered) and ignores values that are not on the kind's scale, so one
// malformed answer cannot skew a score; `ignored` says how many were left out.

export const NPS_DETRACTOR_MAX = 6;
export const NPS_PROMOTER_MIN = 9;
export const CSAT_SATISFIED_MIN = 4;
export const CSAT_SCALE_MAX = 5;
export const CES_SCALE_MAX = 7;
export const DEFAULT_RATING_SCALE = 5;

const isOnScale = (min, max) => (value) => Number.isInteger(value) && value >= min && value <= max;

/** `[{ value, count }]` for every point of the scale, zeros included, in scale order. */
function distributionOf(values, min, max) {
  const counts = new Map();
  for (let value = min; value <= max; value++) counts.set(value, 0);
  for (const value of values) counts.set(value, counts.get(value) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

const averageOf = (values) => (values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length);
const percentOf = (part, whole) => (whole === 0 ? null : (part / whole) * 100);

/**
 * Net Promoter Score: % promoters (9–10) minus % detractors (0–6), from −100 to +100; passives
 * (7–8) count in the total only. `score` is exact (null without answers); round it to show it.
 */
export function scoreNps(answers) {
  const scores = answers.filter(isOnScale(0, 10));
  const detractors = scores.filter((s) => s <= NPS_DETRACTOR_MAX).length;
  const promoters = scores.filter((s) => s >= NPS_PROMOTER_MIN).length;
  return {
    answers: scores.length,
    ignored: answers.length - scores.length,
    detractors,
    passives: scores.length - detractors - promoters,
    promoters,
    score: scores.length === 0 ? null : percentOf(promoters, scores.length) - percentOf(detractors, scores.length),
    distribution: distributionOf(scores, 0, 10),
  };
}

/** Customer satisfaction on 1–5: the share of satisfied answers (4–5), the average and the spread. */
export function scoreCsat(answers) {
  const scores = answers.filter(isOnScale(1, CSAT_SCALE_MAX));
  const satisfied = scores.filter((s) => s >= CSAT_SATISFIED_MIN).length;
  return {
    answers: scores.length,
    ignored: answers.length - scores.length,
    satisfied,
    percentSatisfied: percentOf(satisfied, scores.length),
    average: averageOf(scores),
    distribution: distributionOf(scores, 1, CSAT_SCALE_MAX),
  };
}

/** Customer effort on 1–7: the average and the spread. */
export function scoreCes(answers) {
  const scores = answers.filter(isOnScale(1, CES_SCALE_MAX));
  return {
    answers: scores.length,
    ignored: answers.length - scores.length,
    average: averageOf(scores),
    distribution: distributionOf(scores, 1, CES_SCALE_MAX),
  };
}

/** A rating on 1–`scale` (3, 5, 7 or 10): the average and the spread. */
export function scoreRating(answers, scale = DEFAULT_RATING_SCALE) {
  const scores = answers.filter(isOnScale(1, scale));
  return {
    answers: scores.length,
    ignored: answers.length - scores.length,
    scale,
    average: averageOf(scores),
    distribution: distributionOf(scores, 1, scale),
  };
}

/** Thumbs: 1 is up, 0 is down; `percentUp` is the share of ups. */
export function scoreThumbs(answers) {
  const votes = answers.filter(isOnScale(0, 1));
  const up = votes.filter((v) => v === 1).length;
  return {
    answers: votes.length,
    ignored: answers.length - votes.length,
    up,
    down: votes.length - up,
    percentUp: percentOf(up, votes.length),
  };
}

const isOther = (answer) => typeof answer === 'object' && answer !== null && !Array.isArray(answer) && typeof answer.other === 'string';

/**
 * A single or multiple choice: how many answers picked each option (a multiple choice counts
 * towards every option it holds, so shares can add up to more than 100%), most picked first, and
 * the texts typed into "Other".
 */
export function countChoices(answers) {
  const counts = new Map();
  const otherTexts = [];
  let valid = 0;
  for (const answer of answers) {
    // A multiple choice's list may hold the Other answer among the options.
    const picked = Array.isArray(answer) ? answer : [answer];
    if (!picked.every((item) => typeof item === 'string' || isOther(item))) continue;
    valid++;
    for (const option of new Set(picked.filter((item) => typeof item === 'string'))) counts.set(option, (counts.get(option) ?? 0) + 1);
    otherTexts.push(...picked.filter(isOther).map((item) => item.other));
  }
  // A stable sort keeps the first-seen order among equal counts.
  const options = [...counts].map(([option, count]) => ({ option, count })).sort((a, b) => b.count - a.count);
  return {
    answers: valid,
    ignored: answers.length - valid,
    options: options.map((o) => ({ ...o, percent: percentOf(o.count, valid) })),
    other: { count: otherTexts.length, percent: percentOf(otherTexts.length, valid), texts: otherTexts },
  };
}
