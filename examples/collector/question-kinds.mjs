// What the results page does with each question kind (the `type` in a response's `questions`):
// how answers are summarised, which single number stands for the kind when segments are compared,
// and, for kinds with a clear good and bad end, which answers count as unhappy or happy (a range
// of whole numbers, which SQL can test). Scale kinds are summarised from a tally (scoring.mjs).
import { formatAverage, formatMarginOf, formatNps, formatPercent } from './format.mjs';
import {
  CES_SCALE_MAX,
  CSAT_SCALE_MAX,
  DEFAULT_RATING_SCALE,
  countChoices,
  highestAnswered,
  scoreCesTally,
  scoreCsatTally,
  scoreNpsTally,
  scoreRatingTally,
  scoreThumbsTally,
  tallyOf,
} from './scoring.mjs';

const RATING_SCALES = [3, 5, 7, 10];

/** The scale a rating question was asked on: its own `scale`, else the smallest that fits the answers (a tally). */
export function ratingScaleOfTally(question, tally) {
  if (RATING_SCALES.includes(question.scale)) return question.scale;
  const highest = highestAnswered(tally);
  return RATING_SCALES.find((scale) => scale >= highest && scale >= DEFAULT_RATING_SCALE) ?? DEFAULT_RATING_SCALE;
}

/** The same from an array of answers. */
export const ratingScaleOf = (question, answers) => ratingScaleOfTally(question, tallyOf(answers));

/** Whole numbers at or below this (or above its negative) stand for "no bound" in a sentiment's range. */
const UNBOUNDED = 2_147_483_647;

export const QUESTION_KINDS = {
  nps: {
    name: 'NPS',
    summarizeTally: (tally) => scoreNpsTally(tally),
    headline: { label: 'NPS', value: (result) => result.score, format: formatNps, formatMargin: (m) => formatMarginOf(m, 0), domain: () => [-100, 100] },
    sentiment: {
      basis: 'NPS',
      low: { label: 'Detractors (0–6)', min: -UNBOUNDED, max: 6 },
      high: { label: 'Promoters (9–10)', min: 9, max: UNBOUNDED },
    },
    describeAnswer: (score) => `NPS ${score}`,
  },
  csat: {
    name: 'CSAT',
    summarizeTally: (tally) => scoreCsatTally(tally),
    headline: {
      label: 'CSAT, % satisfied',
      value: (result) => result.percentSatisfied,
      format: formatPercent,
      formatMargin: (m) => formatMarginOf(m, 0, ' pts'),
      domain: () => [0, 100],
    },
    sentiment: {
      basis: 'CSAT',
      low: { label: 'Dissatisfied (1–2)', min: -UNBOUNDED, max: 2 },
      high: { label: 'Satisfied (4–5)', min: 4, max: UNBOUNDED },
    },
    describeAnswer: (score) => `CSAT ${score}/${CSAT_SCALE_MAX}`,
  },
  ces: {
    name: 'CES',
    summarizeTally: (tally) => scoreCesTally(tally),
    headline: { label: 'CES, average', value: (result) => result.average, format: formatAverage, formatMargin: (m) => formatMarginOf(m, 1), domain: () => [1, CES_SCALE_MAX] },
    describeAnswer: (score) => `CES ${score}/${CES_SCALE_MAX}`,
  },
  rating: {
    name: 'Rating',
    summarizeTally: (tally, question) => scoreRatingTally(tally, ratingScaleOfTally(question, tally)),
    headline: {
      label: 'Rating, average',
      value: (result) => result.average,
      format: formatAverage,
      formatMargin: (m) => formatMarginOf(m, 1),
      domain: (result) => [1, result.scale],
    },
    describeAnswer: (score, result) => `rating ${score}/${result.scale}`,
  },
  thumbs: {
    name: 'Thumbs',
    summarizeTally: (tally) => scoreThumbsTally(tally),
    headline: { label: '% thumbs up', value: (result) => result.percentUp, format: formatPercent, formatMargin: (m) => formatMarginOf(m, 0, ' pts'), domain: () => [0, 100] },
    sentiment: {
      basis: 'thumbs',
      low: { label: 'Thumbs down', min: 0, max: 0 },
      high: { label: 'Thumbs up', min: 1, max: 1 },
    },
    describeAnswer: (vote) => (vote === 1 ? 'thumbs up' : 'thumbs down'),
  },
  choice: {
    name: 'Choice',
    summarize: (answers) => countChoices(answers),
  },
  text: {
    name: 'Open text',
  },
  // The kinds of issue #22: summarized by kind-summaries.mjs, not compared across segments.
  matrix: { name: 'Matrix' },
  ranking: { name: 'Ranking' },
  slider: { name: 'Slider' },
  cta: { name: 'Call to action' },
};

/** The question that stands for a survey (trend line, score beside text answers): the first of these kinds. */
export const KEY_KIND_PRIORITY = ['nps', 'csat', 'thumbs', 'ces', 'rating'];

/** A scale kind's summary of an array of answers (what tests and small callers use). */
export const summarizeAnswers = (kind, answers, question = {}) => QUESTION_KINDS[kind].summarizeTally(tallyOf(answers), question);
