// The standard score of each template a survey's responses came from (the `template` a response
// carries), the way the literature computes it. The results page and GET /api/earshot/scores both
// show these figures. A template's items have fixed ids, so no survey definition is needed.
// The database counts the answers (survey-summary.mjs gives each scorer its counts); the same
// scorers read an array of responses (scoreTemplates), so both ways give one set of figures.
import {
  PMF_ANSWERS,
  SUS_ITEMS,
  addToTally,
  emptyTally,
  scoreCesTally,
  scoreCsatTally,
  scoreFromTotals,
  scoreNpsTally,
  scorePmfCounts,
  susOf,
  umuxLiteOf,
  withSusEquivalent,
} from './scoring.mjs';
import { integerOf, itemAnswersOf } from './answer-rows.mjs';

/** Below this many responses a score is marked as a small sample: too few to compare with benchmarks. */
export const SMALL_SAMPLE = 10;

const SUS_IDS = Array.from({ length: SUS_ITEMS }, (_, i) => `sus${i + 1}`);
const UMUX_IDS = ['umux1', 'umux2'];

/**
 * What each template is scored as: its instrument's name, and either the one question it reads
 * (`questionId`, scored from a tally of its answers, or from counts of answer ids for `pmf`) or
 * the per-response score it averages (`perResponse`, from its items; stored with each response).
 */
export const TEMPLATE_SCORERS = {
  nps: {
    instrument: 'Net Promoter Score',
    questionId: 'nps',
    fromTally(tally) {
      const { answers, ignored, promoters, passives, detractors, score, margin } = scoreNpsTally(tally);
      const share = (count) => (answers === 0 ? null : (count / answers) * 100);
      return {
        sampleSize: answers,
        ignored,
        score,
        margin,
        promoters,
        passives,
        detractors,
        percentPromoters: share(promoters),
        percentPassives: share(passives),
        percentDetractors: share(detractors),
      };
    },
  },
  csat: {
    instrument: 'Customer Satisfaction (CSAT)',
    questionId: 'csat',
    fromTally(tally) {
      const { answers, ignored, satisfied, percentSatisfied, margin, average, averageMargin } = scoreCsatTally(tally);
      return { sampleSize: answers, ignored, percentSatisfied, margin, satisfied, average, averageMargin };
    },
  },
  ces: {
    instrument: 'Customer Effort Score (CES 2.0)',
    questionId: 'ces',
    fromTally(tally) {
      const { answers, ignored, average, margin } = scoreCesTally(tally);
      return { sampleSize: answers, ignored, mean: average, margin };
    },
  },
  sus: {
    instrument: 'System Usability Scale (SUS)',
    perResponse: (answers) => susOf(SUS_IDS.map((id) => answers[id])),
    fromTotals(totals) {
      const { responses: scored, unscored, mean, margin } = scoreFromTotals(totals);
      return { sampleSize: scored, unscored, mean, margin };
    },
  },
  'umux-lite': {
    instrument: 'UMUX-Lite',
    perResponse: (answers) => umuxLiteOf(UMUX_IDS.map((id) => answers[id])),
    fromTotals(totals) {
      const { responses: scored, unscored, mean, margin, susEquivalent } = withSusEquivalent(scoreFromTotals(totals));
      return { sampleSize: scored, unscored, mean, margin, susEquivalent };
    },
  },
  pmf: {
    instrument: 'Product/market fit (Sean Ellis test)',
    questionId: 'pmf',
    fromAnswerCounts(counts, total) {
      const { answers, ...figures } = scorePmfCounts(counts, total);
      return { sampleSize: answers, ...figures };
    },
  },
};

export const isKnownTemplate = (template) => typeof template === 'string' && Object.hasOwn(TEMPLATE_SCORERS, template);

/** A response's own score on its template's per-response instrument (SUS, UMUX-Lite), or null: stored with the response. */
export function instrumentScoreOf(response) {
  const scorer = isKnownTemplate(response.template) ? TEMPLATE_SCORERS[response.template] : null;
  return scorer?.perResponse && typeof response.answers === 'object' && response.answers !== null ? scorer.perResponse(itemAnswersOf(response.answers)) : null;
}

/** A template's score entry from its figures. */
export const templateScore = (template, figures) => ({ template, instrument: TEMPLATE_SCORERS[template].instrument, ...figures, smallSample: figures.sampleSize < SMALL_SAMPLE });

/**
 * The scores of every known template among `responses` (an array, one survey's), in the order
 * templates were first seen. Each: `{ template, instrument, sampleSize, smallSample, ...figures }`.
 */
export function scoreTemplates(responses) {
  const templates = [...new Set(responses.map((r) => r.template))].filter(isKnownTemplate);
  return templates.map((template) => {
    const scorer = TEMPLATE_SCORERS[template];
    const members = responses.filter((r) => r.template === template);
    if (scorer.perResponse) {
      const scores = members.map((r) => scorer.perResponse(itemAnswersOf(r.answers))).filter((score) => score !== null);
      return templateScore(
        template,
        scorer.fromTotals({ total: members.length, scored: scores.length, sum: scores.reduce((a, b) => a + b, 0), sumOfSquares: scores.reduce((a, b) => a + b * b, 0) }),
      );
    }
    const answers = members.map((r) => r.answers[scorer.questionId]).filter((answer) => answer !== undefined);
    if (scorer.fromAnswerCounts) {
      const counts = new Map();
      for (const answer of answers) if (PMF_ANSWERS.includes(answer)) counts.set(answer, (counts.get(answer) ?? 0) + 1);
      return templateScore(template, scorer.fromAnswerCounts(counts, answers.length));
    }
    const tally = emptyTally();
    for (const answer of answers) addToTally(tally, integerOf(answer), 1);
    return templateScore(template, scorer.fromTally(tally));
  });
}
