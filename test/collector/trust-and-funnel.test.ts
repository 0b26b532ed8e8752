// Issue #25 on the collector: impressions (shown and dismissed events) stored once per id, the
// funnel shown → started → completed with its rates and the answers per question, margins of error
// on every score, groups under 10 answers marked and never ranked, and journey points named by
// their labels. Every figure below is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_BATCH } from '../../examples/collector/limits.mjs';
import { npsMargin } from '../../examples/collector/margins.mjs';
import { scoreNps } from '../../examples/collector/scoring.mjs';
import { makeResponse } from '../support/responses';
import { useDemo } from './demo';
import { clean, partOf, resultsOf, surveySection, tableCaptioned, tableRows } from './support/results-dom';

const demo = useDemo({ postsPerMinute: 0 });
const openResults = resultsOf(demo);

const SURVEY = 'cart-ease';
const QUESTIONS = [
  { id: 'score', type: 'nps', text: 'Recommend?' },
  { id: 'reason', type: 'text', text: 'Why?' },
];
const CHECKOUT = { event: 'checkout_completed' };
const MANUAL = { manual: true };
const now = () => new Date().toISOString();

let events = 0;
function event(type: 'shown' | 'dismissed', trigger: object, extra: Record<string, unknown> = {}) {
  return { id: `ev-${++events}`, type, surveyId: SURVEY, at: now(), trigger, ...extra };
}
function response(id: string, answers: Record<string, unknown>, trigger: object, extra: Record<string, unknown> = {}) {
  return makeResponse({ id, surveyId: SURVEY, answers, questions: QUESTIONS, completed: 'reason' in answers, trigger, ...extra });
}
const batch = (responses: unknown[], impressions: unknown[] = []) => ({ sentAt: now(), responses, events: impressions });

describe('margins of error', () => {
  it('gives an NPS the standard error of the promoter-minus-detractor difference (worked example)', () => {
    // Eight answers: 10, 9, 10, 9 (4 promoters), 8, 7 (2 passives), 3, 6 (2 detractors).
    // NPS = 100 × (4/8 − 2/8) = +25. Each answer scores +1, 0 or −1; the variance of one answer is
    // pP + pD − (pP − pD)² = 0.5 + 0.25 − 0.0625 = 0.6875, so the standard error of the mean is
    // √(0.6875 / 8) = 0.29315 and the 95 % margin is 1.96 × 0.29315 × 100 = 57.46 NPS points.
    const result = scoreNps([10, 9, 10, 9, 8, 7, 3, 6]);
    expect(result.score).toBe(25);
    expect(result.margin).toBeCloseTo(57.46, 2);
    expect(npsMargin(4, 2, 8)).toBeCloseTo(1.96 * Math.sqrt(0.6875 / 8) * 100, 10);
    // All promoters: no spread, a margin of 0; one answer: none at all.
    expect(scoreNps([10, 9, 9]).margin).toBe(0);
    expect(scoreNps([10]).margin).toBeNull();
  });
});

describe('impressions', () => {
  it('are stored once per id: a batch sent again adds none', async () => {
    const shown = [event('shown', CHECKOUT), event('shown', CHECKOUT)];
    const first = await demo.post(batch([], shown));
    expect(await first.json()).toEqual({ ok: true, stored: 0, kept: 0, events: 2 });
    const again = await demo.post(batch([], shown));
    expect(await again.json()).toEqual({ ok: true, stored: 0, kept: 0, events: 0 });
    const [{ n }] = await demo.server.collector.store.query('SELECT COUNT(*) AS n FROM impressions');
    expect(Number(n)).toBe(2);
  });

  it.each([
    ['an unknown type', { type: 'clicked' }, 'events[0].type: must be one of "shown", "dismissed"'],
    ['a bad id', { id: 'has space' }, 'events[0].id: must be 1–64 letters'],
    ['a bad response id', { responseId: 'x'.repeat(65) }, 'events[0].responseId: must be 1–64 letters'],
    ['no time', { at: undefined }, 'events[0].at: is required'],
  ])('refuse %s with 400 naming the field, storing nothing of the batch', async (_name, fields, problem) => {
    const bad = { ...event('shown', CHECKOUT), ...fields };
    const res = await demo.post(batch([response('r-ok', { score: 9 }, CHECKOUT)], [JSON.parse(JSON.stringify(bad))]));
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
    expect(await demo.server.collector.storedResponses()).toEqual([]);
  });

  it(`are capped at ${MAX_EVENTS_PER_BATCH} a batch`, async () => {
    const res = await demo.post(
      batch(
        [],
        Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event('shown', CHECKOUT)),
      ),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(`events: must hold at most ${MAX_EVENTS_PER_BATCH} events (got ${MAX_EVENTS_PER_BATCH + 1})`);
  });
});

describe('funnel', () => {
  it('shows a visitor who sees, dismisses, then answers on a second visit as shown 2 → started 1 → completed 1', async () => {
    await demo.post(batch([], [event('shown', CHECKOUT), event('dismissed', CHECKOUT)]));
    await demo.post(batch([response('second-visit', { score: 9, reason: 'Quick' }, CHECKOUT)], [event('shown', CHECKOUT)]));
    const { document } = await openResults(`/results?survey=${SURVEY}`);
    const funnel = partOf(surveySection(document, SURVEY), 'Funnel');
    expect(clean(funnel.querySelector('.funnel-line')?.textContent)).toBe('shown 2 → started 1 → completed 1');
    expect(tableRows(funnel.querySelector('details table'))).toEqual([
      ['Step', 'Visitors', 'Rate'],
      ['Shown', '2', ''],
      ['Started (first answer)', '1', '50% of shown'],
      ['Completed', '1', '100% of started'],
    ]);
    expect(clean(funnel.textContent)).toContain('1 dismissal (closed without finishing).');
  });

  // Checkout: shown 3, started 2 (r1 complete, r2 answered the score only); manual: shown 1, started 1, completed.
  // Overall: shown 4 → started 3 (75 %) → completed 2 (2/3 = 67 %). Per question: score 3 of 3 started
  // (100 %, none lost), reason 2 (67 %, 1 lost). Checkout: 2/3 = 67 % started, 1/2 = 50 % completed.
  const FUNNEL = batch(
    [response('r1', { score: 10, reason: 'Fast' }, CHECKOUT), response('r2', { score: 4 }, CHECKOUT), response('r3', { score: 9, reason: 'Easy' }, MANUAL)],
    [event('shown', CHECKOUT), event('shown', CHECKOUT), event('shown', CHECKOUT), event('shown', MANUAL)],
  );

  it('gives each step its rate, the answers per question and the same per journey point, on the page and as JSON', async () => {
    await demo.post(FUNNEL);
    const { document } = await openResults(`/results?survey=${SURVEY}`);
    const funnel = partOf(surveySection(document, SURVEY), 'Funnel');
    expect(tableRows(funnel.querySelector('details table')).slice(1)).toEqual([
      ['Shown', '4', ''],
      ['Started (first answer)', '3', '75% of shown'],
      ['Completed', '2', '67% of started'],
    ]);
    expect(tableRows(tableCaptioned(funnel, 'Answers per question, in survey order'))).toEqual([
      ['Question', 'Answered', 'Share of started', 'Lost since the step before'],
      ['Recommend? (score)', '3', '100%', '0'],
      ['Why? (reason)', '2', '67%', '1'],
    ]);
    expect(tableRows(tableCaptioned(funnel, 'Per journey point'))).toEqual([
      ['Journey point', 'Shown', 'Started', 'Start rate', 'Completed', 'Completion rate'],
      ['event: checkout_completed', '3', '2', '67%', '1', '50%'],
      ['manual: show(), feedback tab or embed', '1', '1', '100%', '1', '100%'],
    ]);
    const summary = await demo.getJson(`/api/earshot/summary?survey=${SURVEY}`);
    expect(summary.funnel).toMatchObject({ comparable: true, shown: 4, dismissed: 0, started: 3, completed: 2, startRate: 75 });
    expect(summary.funnel.completionRate).toBeCloseTo(200 / 3, 10);
    expect(summary.funnel.questions.map((q: { id: string; answered: number; dropped: number }) => [q.id, q.answered, q.dropped])).toEqual([
      ['score', 3, 0],
      ['reason', 2, 1],
    ]);
  });

  it('follows a journey-point filter, and leaves the shown step out under a filter impressions cannot follow', async () => {
    await demo.post(FUNNEL);
    const byPoint = await demo.getJson(`/api/earshot/summary?survey=${SURVEY}&journey=${encodeURIComponent('event: checkout_completed')}`);
    expect(byPoint.funnel).toMatchObject({ shown: 3, started: 2, completed: 1 });
    const byPage = await demo.getJson(`/api/earshot/summary?survey=${SURVEY}&page=${encodeURIComponent('/shop/done.html')}`);
    expect(byPage.funnel).toMatchObject({ comparable: false, shown: null, started: 3 });
  });
});

describe('journey points', () => {
  it('are named by their label where the survey or the part that fired has one, else by the part that fired', async () => {
    const any = { any: [{ delay: 20 }, { exitIntent: true }] };
    await demo.post(
      batch(
        [
          response('waited', { score: 9 }, any, { firedBy: { delay: 20 } }),
          response('leaving', { score: 3 }, any, { firedBy: { exitIntent: true } }),
          response('labelled', { score: 7 }, { manual: true }, { label: 'Give feedback' }),
        ],
        [event('shown', { manual: true }, { label: 'Give feedback' })],
      ),
    );
    const summary = await demo.getJson(`/api/earshot/summary?survey=${SURVEY}`);
    expect(summary.funnel.journeyPoints.map((p: { label: string; shown: number; started: number }) => [p.label, p.shown, p.started])).toEqual([
      ['Give feedback', 1, 1],
      ['after 20 s on page, in any of (after 20 s on page; exit intent)', 0, 1],
      ['exit intent, in any of (after 20 s on page; exit intent)', 0, 1],
    ]);
  });
});

describe('small groups', () => {
  it('are marked, listed after the ranked ones and never drawn, however low their score', async () => {
    const at = (page: string, score: number, i: number) =>
      makeResponse({ id: `${page.slice(1)}-${i}`, surveyId: 'ranked', answers: { score }, questions: [QUESTIONS[0]], page: { url: `https://shop.example${page}`, referrer: '' } });
    // /happy: 12 × 10 → +100 (±0); /sad: 11 × 0 → −100; /one: 2 × 0 → −100 from 2 answers, not ranked.
    const responses = [
      ...Array.from({ length: 12 }, (_, i) => at('/happy', 10, i)),
      ...Array.from({ length: 11 }, (_, i) => at('/sad', 0, i)),
      ...Array.from({ length: 2 }, (_, i) => at('/one', 0, i)),
    ];
    await demo.post(batch(responses));
    const { document } = await openResults('/results?survey=ranked');
    const pages = partOf(surveySection(document, 'ranked'), 'By page');
    expect(tableRows(pages.querySelector('table'))).toEqual([
      ['Page (path)', 'Responses', 'NPS'],
      ['/sad', '11', '−100 ±0 · 11 answers'],
      ['/happy', '12', '+100 ±0 · 12 answers'],
      ['/one fewer than 10: not ranked', '2', '−100 ±0 · 2 answers'],
    ]);
    expect(clean(pages.querySelector('svg desc')?.textContent)).toBe('/sad: −100 ±0; /happy: +100 ±0.');
  });
});
