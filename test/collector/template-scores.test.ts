// The standard score of each survey template, against fixtures worked out by hand, and the same
// figures from GET /api/earshot/scores and on the results page.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { scorePmf, scoreSus, scoreUmuxLite, susOf, umuxLiteOf } from '../../examples/collector/scoring.mjs';
import { SMALL_SAMPLE, scoreTemplates } from '../../examples/collector/template-scores.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();

/** Ten SUS answers as sus1…sus10 (undefined leaves an item out). */
const sus = (...items: (number | undefined)[]) => Object.fromEntries(items.map((v, i) => [`sus${i + 1}`, v]).filter(([, v]) => v !== undefined));
/** A stored response from `template` with these answers. */
const from = (template: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  makeResponse({ surveyId: `${template}-survey`, template, answers, questions: Object.keys(answers).map((id) => ({ id, type: 'rating', text: id })), ...extra });

const SUS_75 = [4, 2, 4, 2, 4, 2, 4, 2, 4, 2]; // (3 × 5 + 3 × 5) × 2.5
const SUS_100 = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1]; // (4 × 5 + 4 × 5) × 2.5
const SUS_50 = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]; // (2 × 5 + 2 × 5) × 2.5

describe('SUS', () => {
  it('scores one response as (Σ(odd − 1) + Σ(5 − even)) × 2.5', () => {
    expect(susOf(SUS_75)).toBe(75);
    expect(susOf(SUS_100)).toBe(100);
    expect(susOf(SUS_50)).toBe(50);
    // Odd items 4 5 4 4 5 give 3+4+3+3+4 = 17; even items 2 1 2 3 2 give 3+4+3+2+3 = 15; 32 × 2.5 = 80.
    expect(susOf([4, 2, 5, 1, 4, 2, 4, 3, 5, 2])).toBe(80);
  });

  it('averages responses: 75, 100 and 50 give 75', () => {
    // 95 % margin: s = 25 (deviations −0, +25, −25: √(1250 / 2)), 1.96 × 25 / √3 = 28.29.
    expect(scoreSus([SUS_75, SUS_100, SUS_50])).toEqual({ responses: 3, unscored: 0, mean: 75, margin: expect.closeTo(28.29, 2) });
  });

  it('gives 50 for identical answers on every item, whichever they are', () => {
    for (const answer of [1, 2, 3, 4, 5]) expect(susOf(Array(10).fill(answer))).toBe(50);
  });

  it('leaves out and counts a response missing an item or with one off the 1–5 scale', () => {
    const missing = [...SUS_100];
    missing[6] = undefined as unknown as number;
    expect(susOf(missing)).toBeNull();
    expect(susOf([...SUS_100.slice(0, 9), 6])).toBeNull();
    expect(scoreSus([SUS_75, missing, [...SUS_50.slice(0, 9), 0]])).toEqual({ responses: 1, unscored: 2, mean: 75, margin: null });
  });

  it('has a mean for a single response and none without scored responses', () => {
    // One response has no spread to measure: no margin.
    expect(scoreSus([SUS_75])).toEqual({ responses: 1, unscored: 0, mean: 75, margin: null });
    expect(scoreSus([])).toEqual({ responses: 0, unscored: 0, mean: null, margin: null });
  });
});

describe('UMUX-Lite', () => {
  it('scores one response as ((i1 − 1) + (i2 − 1)) × 100 / 12', () => {
    expect(umuxLiteOf([7, 7])).toBe(100);
    expect(umuxLiteOf([1, 1])).toBe(0);
    expect(umuxLiteOf([4, 4])).toBe(50);
    expect(umuxLiteOf([6, 7])).toBeCloseTo(1100 / 12, 10); // 91.67
  });

  it('averages responses and gives the SUS-comparable 0.65 × mean + 22.9', () => {
    // (91.667 + 50) / 2 = 70.833; 0.65 × 70.833 + 22.9 = 68.942
    const result = scoreUmuxLite([
      [6, 7],
      [4, 4],
    ]);
    expect(result.responses).toBe(2);
    expect(result.mean).toBeCloseTo(850 / 12, 10);
    expect(result.susEquivalent).toBeCloseTo(0.65 * (850 / 12) + 22.9, 10);
    expect(result.susEquivalent).toBeCloseTo(68.942, 3);
  });

  it('leaves out and counts a response with one item; a single response is its own mean', () => {
    expect(
      scoreUmuxLite([
        [7, 7],
        [5, undefined],
      ]),
    ).toEqual({ responses: 1, unscored: 1, mean: 100, margin: null, susEquivalent: 87.9 });
    expect(scoreUmuxLite([[1, 1]])).toEqual({ responses: 1, unscored: 0, mean: 0, margin: null, susEquivalent: 22.9 });
  });
});

describe('PMF', () => {
  it('is the share of "very disappointed" against the 40% benchmark: 5 of 12 is 41.7%, above it', () => {
    const answers = [...Array(5).fill('very_disappointed'), ...Array(4).fill('somewhat_disappointed'), ...Array(3).fill('not_disappointed')];
    const result = scorePmf(answers);
    expect(result).toMatchObject({ answers: 12, veryDisappointed: 5, somewhatDisappointed: 4, notDisappointed: 3, benchmarkPercent: 40, meetsBenchmark: true });
    expect(result.percentVeryDisappointed).toBeCloseTo(500 / 12, 10);
  });

  it('falls short with 1 of 3, ignores unknown answers, and has no score without answers', () => {
    expect(scorePmf(['very_disappointed', 'not_disappointed', 'not_disappointed', 'Very disappointed'])).toMatchObject({
      answers: 3,
      ignored: 1,
      meetsBenchmark: false,
    });
    expect(scorePmf([])).toMatchObject({ answers: 0, percentVeryDisappointed: null, meetsBenchmark: null });
  });
});

describe('scoreTemplates', () => {
  it('scores NPS with the three shares: 2 promoters, 1 passive, 1 detractor of 4 give 50 − 25 = +25', () => {
    const responses = [10, 9, 8, 3].map((nps) => from('nps', { nps }));
    expect(scoreTemplates(responses)).toEqual([
      {
        template: 'nps',
        instrument: 'Net Promoter Score',
        sampleSize: 4,
        ignored: 0,
        score: 25,
        // Each answer scores +1, 0 or −1: variance 0.5 + 0.25 − 0.25² = 0.6875; 1.96 × √(0.6875 / 4) × 100 = 81.26.
        margin: expect.closeTo(81.26, 2),
        promoters: 2,
        passives: 1,
        detractors: 1,
        percentPromoters: 50,
        percentPassives: 25,
        percentDetractors: 25,
        smallSample: true,
      },
    ]);
  });

  it('scores CSAT as % of 4–5 and CES as the mean of 1–7', () => {
    const [csat] = scoreTemplates([5, 4, 2, 3].map((csat) => from('csat', { csat })));
    expect(csat).toMatchObject({ template: 'csat', sampleSize: 4, percentSatisfied: 50, average: 3.5 });
    const [ces] = scoreTemplates([7, 5, 6].map((ces) => from('ces', { ces })));
    expect(ces).toMatchObject({ template: 'ces', sampleSize: 3, mean: 6 });
  });

  it('scores SUS per response and counts an unfinished one as not scored', () => {
    const responses = [SUS_75, SUS_100, SUS_50].map((items) => from('sus', sus(...items)));
    responses.push(from('sus', sus(5, 1, 5), { completed: false }));
    expect(scoreTemplates(responses)).toEqual([
      { template: 'sus', instrument: 'System Usability Scale (SUS)', sampleSize: 3, unscored: 1, mean: 75, margin: expect.closeTo(28.29, 2), smallSample: true },
    ]);
  });

  it('marks a score over fewer than 10 as a small sample, and 10 as not', () => {
    expect(SMALL_SAMPLE).toBe(10);
    const nine = Array.from({ length: 9 }, () => from('umux-lite', { umux1: 7, umux2: 7 }));
    expect(scoreTemplates(nine)[0]).toMatchObject({ sampleSize: 9, smallSample: true });
    expect(scoreTemplates([...nine, from('umux-lite', { umux1: 1, umux2: 1 })])[0]).toMatchObject({ sampleSize: 10, smallSample: false, mean: 90 });
  });

  it('scores nothing for responses without a template or with an unknown one', () => {
    expect(scoreTemplates([makeResponse(), from('toString', { x: 1 }), from('nps-classic', { nps: 9 })])).toEqual([]);
  });

  it('scores each template separately when one survey’s responses came from two', () => {
    const scores = scoreTemplates([from('nps', { nps: 10 }), from('pmf', { pmf: 'very_disappointed' })]);
    expect(scores.map((s) => [s.template, s.sampleSize])).toEqual([
      ['nps', 1],
      ['pmf', 1],
    ]);
  });
});

describe('GET /api/earshot/scores', () => {
  const storeSus = () => demo.post(batchOf(...[SUS_75, SUS_100, SUS_50].map((items) => from('sus', sus(...items), { surveyId: 'ux-q4' }))));

  it('returns the standard scores of one survey as JSON', async () => {
    await storeSus();
    expect(await demo.getJson('/api/earshot/scores?survey=ux-q4')).toEqual({
      surveyId: 'ux-q4',
      responses: 3,
      previewResponses: 0,
      unreadableResponses: 0,
      smallSampleBelow: 10,
      scores: [{ template: 'sus', instrument: 'System Usability Scale (SUS)', sampleSize: 3, unscored: 0, mean: 75, margin: expect.closeTo(28.29, 2), smallSample: true }],
    });
  });

  it('has no scores for an unknown survey, and needs ?survey=', async () => {
    expect(await demo.getJson('/api/earshot/scores?survey=nope')).toEqual({
      surveyId: 'nope',
      responses: 0,
      previewResponses: 0,
      unreadableResponses: 0,
      smallSampleBelow: 10,
      scores: [],
    });
    const res = await fetch(demo.url('/api/earshot/scores'));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('survey: is required, as in /api/earshot/scores?survey=ID');
  });
});

describe('results page', () => {
  const parser = new new Window().DOMParser();

  it('shows each template’s score with its sample size, and marks small samples', async () => {
    await demo.post(
      batchOf(
        ...[SUS_75, SUS_100, SUS_50].map((items) => from('sus', sus(...items), { surveyId: 'ux' })),
        from('pmf', { pmf: 'very_disappointed' }, { surveyId: 'fit' }),
        from('pmf', { pmf: 'not_disappointed' }, { surveyId: 'fit' }),
      ),
    );
    const document = parser.parseFromString(await (await fetch(demo.url('/results'))).text(), 'text/html');
    const card = (template: string) => {
      const element = document.querySelector(`.score[data-template="${template}"]`);
      return {
        title: element?.querySelector('h4')?.textContent,
        value: element?.querySelector('.score-value')?.textContent,
        sample: element?.querySelector('.score-sample')?.textContent?.replace(/\s+/g, ' ').trim(),
      };
    };
    expect(card('sus')).toEqual({ title: 'System Usability Scale (SUS)', value: '75.0', sample: 'n = 3 scored responses small sample: fewer than 10' });
    expect(card('pmf')).toEqual({ title: 'Product/market fit (Sean Ellis test)', value: '50%', sample: 'n = 2 answers small sample: fewer than 10' });
    expect(document.querySelector('[role="img"][aria-labelledby$="-benchmark-title"] title')?.textContent).toBe('Very disappointed against the 40% benchmark');
  });
});
