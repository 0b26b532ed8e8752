// The standard score of each template a survey's responses came from (the `template` a response
// carries), the way the literature computes it. The results page and GET /api/earshot/scores both
// show these figures. A template's items have fixed ids, so no survey definition is needed.
import { SUS_ITEMS, scoreCes, scoreCsat, scoreNps, scorePmf, scoreSus, scoreUmuxLite } from './scoring.mjs';

/** Below this many responses a score is marked as a small sample: too few to compare with benchmarks. */
export const SMALL_SAMPLE = 10;

const SUS_IDS = Array.from({ length: SUS_ITEMS }, (_, i) => `sus${i + 1}`);

/** The answers to question `id` among `responses` (skipped ones left out). */
const answersTo = (responses, id) => responses.map((r) => r.answers[id]).filter((answer) => answer !== undefined);

/** Each response's answers to `ids`, in order; a skipped item stays as undefined so the response is not scored. */
const itemsOf = (responses, ids) => responses.map((r) => ids.map((id) => r.answers[id]));

/** What each template is scored as: its instrument's name and figures (`sampleSize`: what the score is made of). */
export const TEMPLATE_SCORERS = {
  nps: {
    instrument: 'Net Promoter Score',
    score(responses) {
      const { answers, ignored, promoters, passives, detractors, score } = scoreNps(answersTo(responses, 'nps'));
      const share = (count) => (answers === 0 ? null : (count / answers) * 100);
      return {
        sampleSize: answers,
        ignored,
        score,
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
    score(responses) {
      const { answers, ignored, satisfied, percentSatisfied, average } = scoreCsat(answersTo(responses, 'csat'));
      return { sampleSize: answers, ignored, percentSatisfied, satisfied, average };
    },
  },
  ces: {
    instrument: 'Customer Effort Score (CES 2.0)',
    score(responses) {
      const { answers, ignored, average } = scoreCes(answersTo(responses, 'ces'));
      return { sampleSize: answers, ignored, mean: average };
    },
  },
  sus: {
    instrument: 'System Usability Scale (SUS)',
    score(responses) {
      const { responses: scored, unscored, mean } = scoreSus(itemsOf(responses, SUS_IDS));
      return { sampleSize: scored, unscored, mean };
    },
  },
  'umux-lite': {
    instrument: 'UMUX-Lite',
    score(responses) {
      const ids = ['umux1', 'umux2'];
      const { responses: scored, unscored, mean, susEquivalent } = scoreUmuxLite(itemsOf(responses, ids));
      return { sampleSize: scored, unscored, mean, susEquivalent };
    },
  },
  pmf: {
    instrument: 'Product/market fit (Sean Ellis test)',
    score(responses) {
      const { answers, ...figures } = scorePmf(answersTo(responses, 'pmf'));
      return { sampleSize: answers, ...figures };
    },
  },
};

/**
 * The scores of every known template among `responses` (one survey's), in the order templates
 * were first seen. Each: `{ template, instrument, sampleSize, smallSample, ...figures }`.
 */
export function scoreTemplates(responses) {
  const templates = [...new Set(responses.map((r) => r.template))].filter((template) => Object.hasOwn(TEMPLATE_SCORERS, template));
  return templates.map((template) => {
    const { instrument, score } = TEMPLATE_SCORERS[template];
    const figures = score(responses.filter((r) => r.template === template));
    return { template, instrument, ...figures, smallSample: figures.sampleSize < SMALL_SAMPLE };
  });
}
