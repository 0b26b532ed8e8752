// The arithmetic behind the results page, one function per question kind. Each takes the answers
// given to one question (as delivered) and ignores values that are not on the kind's scale, so one
// malformed answer cannot skew a score; `ignored` says how many were left out.
//
// Scales are scored from a tally (how many times each whole number was answered, and how many
// answers were not whole numbers): the database counts answers into tallies with GROUP BY
// (survey-summary.mjs), and an array of answers is tallied first, so both give the same figures.
// Each score carries its 95 % margin of error (`margin`, margins.mjs) in the score's own unit.
import { meanMargin, npsMargin, shareMargin } from './margins.mjs';

export const NPS_DETRACTOR_MAX = 6;
export const NPS_PROMOTER_MIN = 9;
export const CSAT_SATISFIED_MIN = 4;
export const CSAT_SCALE_MAX = 5;
export const CES_SCALE_MAX = 7;
export const DEFAULT_RATING_SCALE = 5;

/**
 * `{ counts: Map<integer, count>, other }`: how often each whole number was answered, and how many
 * answers were anything else.
 */
export function tallyOf(answers) {
  const counts = new Map();
  let other = 0;
  for (const answer of answers) {
    if (Number.isInteger(answer)) counts.set(answer, (counts.get(answer) ?? 0) + 1);
    else other++;
  }
  return { counts, other };
}

/** Adds `count` answers of `value` (a whole number, or null for any other answer) to a tally. */
export function addToTally(tally, value, count) {
  if (value === null) tally.other += count;
  else tally.counts.set(value, (tally.counts.get(value) ?? 0) + count);
  return tally;
}

export const emptyTally = () => ({ counts: new Map(), other: 0 });

/** A tally's answers on [min, max]: their count, sum, the count of each point, and how many were not. */
function onScale(tally, min, max) {
  let total = tally.other;
  let valid = 0;
  let sum = 0;
  let sumOfSquares = 0;
  const points = new Map();
  for (let value = min; value <= max; value++) points.set(value, 0);
  for (const [value, count] of tally.counts) {
    total += count;
    if (value < min || value > max) continue;
    valid += count;
    sum += value * count;
    sumOfSquares += value * value * count;
    points.set(value, count);
  }
  return { valid, ignored: total - valid, sum, sumOfSquares, points };
}

const countIn = (points, test) => [...points].reduce((n, [value, count]) => n + (test(value) ? count : 0), 0);
const distribution = (points) => [...points].map(([value, count]) => ({ value, count }));
const isOnScale = (min, max) => (value) => Number.isInteger(value) && value >= min && value <= max;
const percentOf = (part, whole) => (whole === 0 ? null : (part / whole) * 100);

/** The highest whole number answered (at least 0): what a rating without a declared scale was asked on. */
export function highestAnswered(tally) {
  let highest = 0;
  for (const [value, count] of tally.counts) if (count > 0 && value > highest) highest = value;
  return highest;
}

/**
 * Net Promoter Score: % promoters (9–10) minus % detractors (0–6), from −100 to +100; passives
 * (7–8) count in the total only. `score` is exact (null without answers); round it to show it.
 */
export function scoreNpsTally(tally) {
  const { valid, ignored, points } = onScale(tally, 0, 10);
  const detractors = countIn(points, (s) => s <= NPS_DETRACTOR_MAX);
  const promoters = countIn(points, (s) => s >= NPS_PROMOTER_MIN);
  return {
    answers: valid,
    ignored,
    detractors,
    passives: valid - detractors - promoters,
    promoters,
    score: valid === 0 ? null : percentOf(promoters, valid) - percentOf(detractors, valid),
    margin: npsMargin(promoters, detractors, valid),
    distribution: distribution(points),
  };
}
export const scoreNps = (answers) => scoreNpsTally(tallyOf(answers));

/** Customer satisfaction on 1–5: the share of satisfied answers (4–5), the average and the spread. */
export function scoreCsatTally(tally) {
  const { valid, ignored, sum, sumOfSquares, points } = onScale(tally, 1, CSAT_SCALE_MAX);
  const satisfied = countIn(points, (s) => s >= CSAT_SATISFIED_MIN);
  return {
    answers: valid,
    ignored,
    satisfied,
    percentSatisfied: percentOf(satisfied, valid),
    margin: shareMargin(satisfied, valid),
    average: valid === 0 ? null : sum / valid,
    averageMargin: meanMargin(valid, sum, sumOfSquares),
    distribution: distribution(points),
  };
}
export const scoreCsat = (answers) => scoreCsatTally(tallyOf(answers));

/** Customer effort on 1–7: the average and the spread. */
export function scoreCesTally(tally) {
  const { valid, ignored, sum, sumOfSquares, points } = onScale(tally, 1, CES_SCALE_MAX);
  return { answers: valid, ignored, average: valid === 0 ? null : sum / valid, margin: meanMargin(valid, sum, sumOfSquares), distribution: distribution(points) };
}
export const scoreCes = (answers) => scoreCesTally(tallyOf(answers));

/** A rating on 1–`scale` (3, 5, 7 or 10): the average and the spread. */
export function scoreRatingTally(tally, scale = DEFAULT_RATING_SCALE) {
  const { valid, ignored, sum, sumOfSquares, points } = onScale(tally, 1, scale);
  return { answers: valid, ignored, scale, average: valid === 0 ? null : sum / valid, margin: meanMargin(valid, sum, sumOfSquares), distribution: distribution(points) };
}
export const scoreRating = (answers, scale = DEFAULT_RATING_SCALE) => scoreRatingTally(tallyOf(answers), scale);

/** Thumbs: 1 is up, 0 is down; `percentUp` is the share of ups. */
export function scoreThumbsTally(tally) {
  const { valid, ignored, points } = onScale(tally, 0, 1);
  const up = points.get(1);
  return { answers: valid, ignored, up, down: valid - up, percentUp: percentOf(up, valid), margin: shareMargin(up, valid) };
}
export const scoreThumbs = (answers) => scoreThumbsTally(tallyOf(answers));

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

/**
 * The figures of a per-response instrument from `total` responses, `scored` of which had a score
 * adding up to `sum`: a response without a score is counted, not guessed.
 */
export const scoreFromTotals = ({ total, scored, sum, sumOfSquares = null }) => ({
  responses: scored,
  unscored: total - scored,
  mean: scored === 0 ? null : sum / scored,
  margin: sumOfSquares === null ? null : meanMargin(scored, sum, sumOfSquares),
});

/** Scores each response's items with `scoreOf`. */
function scorePerResponse(itemLists, scoreOf) {
  const scores = itemLists.map(scoreOf).filter((score) => score !== null);
  return scoreFromTotals({
    total: itemLists.length,
    scored: scores.length,
    sum: scores.reduce((sum, v) => sum + v, 0),
    sumOfSquares: scores.reduce((sum, v) => sum + v * v, 0),
  });
}

/** SUS over responses, each given as its ten answers in item order (a missing one as undefined). */
export const scoreSus = (itemLists) => scorePerResponse(itemLists, susOf);

/** UMUX-Lite over responses, each given as its two answers; also the SUS-comparable 0.65 × mean + 22.9. */
export const scoreUmuxLite = (itemLists) => withSusEquivalent(scorePerResponse(itemLists, umuxLiteOf));

/** UMUX-Lite's figures with the SUS-comparable 0.65 × mean + 22.9. */
export const withSusEquivalent = (result) => ({ ...result, susEquivalent: result.mean === null ? null : UMUX_LITE_SUS_SLOPE * result.mean + UMUX_LITE_SUS_INTERCEPT });

/**
 * Product/market fit from `counts` (how many answers were each of PMF_ANSWERS) out of `total`
 * answers: the share answering "very disappointed", against the 40% line.
 */
export function scorePmfCounts(counts, total) {
  const [very, somewhat, not] = PMF_ANSWERS.map((id) => counts.get(id) ?? 0);
  const valid = very + somewhat + not;
  const percentVeryDisappointed = percentOf(very, valid);
  return {
    answers: valid,
    ignored: total - valid,
    veryDisappointed: very,
    somewhatDisappointed: somewhat,
    notDisappointed: not,
    percentVeryDisappointed,
    margin: shareMargin(very, valid),
    benchmarkPercent: PMF_BENCHMARK_PERCENT,
    meetsBenchmark: percentVeryDisappointed === null ? null : percentVeryDisappointed >= PMF_BENCHMARK_PERCENT,
  };
}

/** Product/market fit over answers (answer ids). */
export function scorePmf(answers) {
  const counts = new Map();
  for (const answer of answers) if (PMF_ANSWERS.includes(answer)) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  return scorePmfCounts(counts, answers.length);
}
