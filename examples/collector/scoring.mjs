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

// The standard instruments a survey template asks (docs/survey-definitions.md, "Templates"): scored per response where
// the instrument says so, then summarised over responses.

export const SUS_ITEMS = 10;
export const SUS_SCALE_MAX = 5;
export const UMUX_LITE_SCALE_MAX = 7;
/** Lewis, Utesch and Maher (2013): UMUX-Lite regressed onto SUS, so the two can be compared. */
export const UMUX_LITE_SUS_SLOPE = 0.65;
export const UMUX_LITE_SUS_INTERCEPT = 22.9;
/** Sean Ellis's line: at 40% "very disappointed" or more, a product has found its market. */
export const PMF_BENCHMARK_PERCENT = 40;
export const PMF_ANSWERS = ['very_disappointed', 'somewhat_disappointed', 'not_disappointed'];

/**
 * One response's SUS, 0–100, from its ten answers in item order: odd items count (answer − 1),
 * even ones (5 − answer), the sum times 2.5. Null unless all ten are on the 1–5 scale.
 */
export function susOf(items) {
  if (items.length !== SUS_ITEMS || !items.every(isOnScale(1, SUS_SCALE_MAX))) return null;
  return items.reduce((sum, answer, i) => sum + (i % 2 === 0 ? answer - 1 : SUS_SCALE_MAX - answer), 0) * 2.5;
}

/** One response's UMUX-Lite, 0–100: ((item 1 − 1) + (item 2 − 1)) × 100 / 12. Null unless both are on 1–7. */
export function umuxLiteOf(items) {
  if (items.length !== 2 || !items.every(isOnScale(1, UMUX_LITE_SCALE_MAX))) return null;
  return ((items[0] - 1 + items[1] - 1) * 100) / 12;
}

/** Scores each response's items with `scoreOf`; a response without a score is counted, not guessed. */
function scorePerResponse(itemLists, scoreOf) {
  const scores = itemLists.map(scoreOf).filter((score) => score !== null);
  return { responses: scores.length, unscored: itemLists.length - scores.length, mean: averageOf(scores) };
}

/** SUS over responses, each given as its ten answers in item order (a missing one as undefined). */
export const scoreSus = (itemLists) => scorePerResponse(itemLists, susOf);

/** UMUX-Lite over responses, each given as its two answers; also the SUS-comparable 0.65 × mean + 22.9. */
export function scoreUmuxLite(itemLists) {
  const result = scorePerResponse(itemLists, umuxLiteOf);
  return { ...result, susEquivalent: result.mean === null ? null : UMUX_LITE_SUS_SLOPE * result.mean + UMUX_LITE_SUS_INTERCEPT };
}

/** Product/market fit: the share answering "very disappointed" (by answer id), against the 40% line. */
export function scorePmf(answers) {
  const valid = answers.filter((answer) => PMF_ANSWERS.includes(answer));
  const [very, somewhat, not] = PMF_ANSWERS.map((id) => valid.filter((answer) => answer === id).length);
  const percentVeryDisappointed = percentOf(very, valid.length);
  return {
    answers: valid.length,
    ignored: answers.length - valid.length,
    veryDisappointed: very,
    somewhatDisappointed: somewhat,
    notDisappointed: not,
    percentVeryDisappointed,
    benchmarkPercent: PMF_BENCHMARK_PERCENT,
    meetsBenchmark: percentVeryDisappointed === null ? null : percentVeryDisappointed >= PMF_BENCHMARK_PERCENT,
  };
}
