// What the results page does with each question kind (the `type` in a response's `questions`):
// how answers are summarised, which single number stands for the kind when segments are compared,
// and, for kinds with a clear good and bad end, which answers count as unhappy or happy.
import { formatAverage, formatNps, formatPercent } from './format.mjs';
import { CES_SCALE_MAX, CSAT_SCALE_MAX, DEFAULT_RATING_SCALE, countChoices, scoreCes, scoreCsat, scoreNps, scoreRating, scoreThumbs } from './scoring.mjs';

const RATING_SCALES = [3, 5, 7, 10];

/** The scale a rating question was asked on: its own `scale`, else the smallest that fits the answers. */
export function ratingScaleOf(question, answers) {
  if (RATING_SCALES.includes(question.scale)) return question.scale;
  // A loop, not Math.max(...answers): spreading 100,000 answers overflows the call stack.
  let highest = 0;
  for (const answer of answers) if (Number.isInteger(answer) && answer > highest) highest = answer;
  return RATING_SCALES.find((scale) => scale >= highest && scale >= DEFAULT_RATING_SCALE) ?? DEFAULT_RATING_SCALE;
}

export const QUESTION_KINDS = {
  nps: {
    name: 'NPS',
    summarize: (answers) => scoreNps(answers),
    headline: { label: 'NPS', value: (result) => result.score, format: formatNps, domain: () => [-100, 100] },
    sentiment: {
      basis: 'NPS',
      low: { label: 'Detractors (0–6)', holds: (score) => score <= 6 },
      high: { label: 'Promoters (9–10)', holds: (score) => score >= 9 },
    },
    describeAnswer: (score) => `NPS ${score}`,
  },
  csat: {
    name: 'CSAT',
    summarize: (answers) => scoreCsat(answers),
    headline: { label: 'CSAT, % satisfied', value: (result) => result.percentSatisfied, format: formatPercent, domain: () => [0, 100] },
    sentiment: {
      basis: 'CSAT',
      low: { label: 'Dissatisfied (1–2)', holds: (score) => score <= 2 },
      high: { label: 'Satisfied (4–5)', holds: (score) => score >= 4 },
    },
    describeAnswer: (score) => `CSAT ${score}/${CSAT_SCALE_MAX}`,
  },
  ces: {
    name: 'CES',
    summarize: (answers) => scoreCes(answers),
    headline: { label: 'CES, average', value: (result) => result.average, format: formatAverage, domain: () => [1, CES_SCALE_MAX] },
    describeAnswer: (score) => `CES ${score}/${CES_SCALE_MAX}`,
  },
  rating: {
    name: 'Rating',
    summarize: (answers, question) => scoreRating(answers, ratingScaleOf(question, answers)),
    headline: {
      label: 'Rating, average',
      value: (result) => result.average,
      format: formatAverage,
      domain: (result) => [1, result.scale],
    },
    describeAnswer: (score, result) => `rating ${score}/${result.scale}`,
  },
  thumbs: {
    name: 'Thumbs',
    summarize: (answers) => scoreThumbs(answers),
    headline: { label: '% thumbs up', value: (result) => result.percentUp, format: formatPercent, domain: () => [0, 100] },
    sentiment: {
      basis: 'thumbs',
      low: { label: 'Thumbs down', holds: (vote) => vote === 0 },
      high: { label: 'Thumbs up', holds: (vote) => vote === 1 },
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
};

/** The question that stands for a survey (trend line, score beside text answers): the first of these kinds. */
export const KEY_KIND_PRIORITY = ['nps', 'csat', 'thumbs', 'ces', 'rating'];
