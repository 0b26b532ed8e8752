// How the standard score of each template shows on the results page: the score, what it is made
// of (sample size, shares), and a mark on scores over too few responses to compare with benchmarks.
import { countOf, formatAverage, formatMarginOf, formatNps, formatPercent } from './format.mjs';
import { html } from './html.mjs';
import { part } from './page-parts.mjs';
import { SMALL_SAMPLE } from './template-scores.mjs';
import { benchmarkBar } from './svg-charts.mjs';

const unscoredNote = (score) => (score.unscored > 0 ? html`<p class="note">${countOf(score.unscored, 'response')} with an item unanswered, not scored.</p>` : '');

/** Per template: the headline value, what it means, and the lines under it. */
const VIEWS = {
  nps: (s) => ({
    value: formatNps(s.score),
    margin: formatMarginOf(s.margin, 0),
    meaning: '% promoters (9–10) − % detractors (0–6)',
    sample: countOf(s.sampleSize, 'answer'),
    detail: html`<p class="note">Promoters ${formatPercent(s.percentPromoters)} · Passives ${formatPercent(s.percentPassives)} · Detractors ${formatPercent(s.percentDetractors)}</p>`,
  }),
  csat: (s) => ({
    value: formatPercent(s.percentSatisfied),
    margin: formatMarginOf(s.margin, 0, ' pts'),
    meaning: 'satisfied: answered 4 or 5 of 5',
    sample: countOf(s.sampleSize, 'answer'),
    detail: html`<p class="note">Mean ${formatAverage(s.average)} ${formatMarginOf(s.averageMargin, 1)} of 5</p>`,
  }),
  ces: (s) => ({ value: formatAverage(s.mean), margin: formatMarginOf(s.margin, 1), meaning: 'mean agreement, 1–7 (7: easiest)', sample: countOf(s.sampleSize, 'answer') }),
  sus: (s) => ({
    value: formatAverage(s.mean),
    margin: formatMarginOf(s.margin, 1),
    meaning: 'mean SUS, 0–100',
    sample: countOf(s.sampleSize, 'scored response'),
    detail: unscoredNote(s),
  }),
  'umux-lite': (s) => ({
    value: formatAverage(s.mean),
    margin: formatMarginOf(s.margin, 1),
    meaning: 'mean UMUX-Lite, 0–100',
    sample: countOf(s.sampleSize, 'scored response'),
    detail: html`<p class="note">SUS-comparable (0.65 × score + 22.9): ${formatAverage(s.susEquivalent)}</p>${unscoredNote(s)}`,
  }),
  pmf: (s, id) => ({
    value: formatPercent(s.percentVeryDisappointed),
    margin: formatMarginOf(s.margin, 0, ' pts'),
    meaning: '"very disappointed" without it',
    sample: countOf(s.sampleSize, 'answer'),
    detail: html`${benchmarkBar({
      id: `${id}-benchmark`,
      title: 'Very disappointed against the 40% benchmark',
      description: `${formatPercent(s.percentVeryDisappointed)} very disappointed; the benchmark for product/market fit is ${s.benchmarkPercent}%.`,
      percent: s.percentVeryDisappointed,
      benchmark: s.benchmarkPercent,
      tone: s.meetsBenchmark ? 'high' : 'low',
    })}<p class="note">Very disappointed ${s.veryDisappointed} · Somewhat ${s.somewhatDisappointed} · Not ${s.notDisappointed}</p>`,
  }),
};

function renderScore(score, id) {
  const view = VIEWS[score.template](score, id);
  return html`<li class="score${score.smallSample ? ' small' : ''}" data-template="${score.template}">
    <h4 id="${id}">${score.instrument}</h4>
    <p class="figure-line"><strong class="score-value">${view.value}</strong>${view.margin ? html` <span class="margin" title="95% margin of error">${view.margin}</span>` : ''} <span class="kind">${view.meaning}</span></p>
    <p class="score-sample">n = ${view.sample}${score.smallSample ? html` <mark class="small-sample">small sample: fewer than ${SMALL_SAMPLE}</mark>` : ''}</p>
    ${view.detail ?? ''}
  </li>`;
}

/** The part listing every template score of a survey, or nothing when its responses came from none. */
export function renderTemplateScores(scores, id) {
  if (scores.length === 0) return '';
  return part(
    id,
    'Standard scores',
    html`<p class="hint">Scored as the instruments prescribe, from the responses that carry the template; docs/survey-definitions.md in the Earshot repository has each formula.</p>
    <ul class="scores">${scores.map((score, i) => renderScore(score, `${id}-${i + 1}`))}</ul>`,
  );
}
