// What issue #20 prepares for #21 and #25: a response's `context` and `event` (DESIGN.md §3) are
// checked and stored as queryable columns, and every result reads through one filter object —
// survey and date range from the routes today (`?from=&to=`, whole UTC days), journey point, page
// and a context value at the query level, for the result filters to come.
import { describe, expect, it } from 'vitest';
import { MAX_CONTEXT_KEYS, MAX_CONTEXT_VALUE_LENGTH } from '../../examples/collector/limits.mjs';
import { countResponses, summarizeSurvey } from '../../examples/collector/survey-summary.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo({ postsPerMinute: 0 });
const NPS = [{ id: 'score', type: 'nps', text: 'Recommend?' }];
const DAY_MS = 86_400_000;

/** A response created `daysAgo` whole days before today's noon (UTC), sent now. */
function answeredDaysAgo(id: string, daysAgo: number, score: number, extra: Record<string, unknown> = {}) {
  const at = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 12) - daysAgo * DAY_MS).toISOString();
  return makeResponse({ id, answers: { score }, questions: NPS, createdAt: at, updatedAt: at, ...extra });
}
const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describe('context and event', () => {
  it('stores them as sent and lists them with the response', async () => {
    const response = makeResponse({
      id: 'ctx',
      context: { plan: 'pro', seats: 12, trial: false, coupon: null },
      event: { name: 'checkout_completed', properties: { orderId: 'A1', total: 42 } },
    });
    expect((await demo.post(batchOf(response))).status).toBe(200);
    expect(await demo.server.collector.storedResponses()).toEqual([response]);
    const [row] = await demo.server.collector.store.query("SELECT event_name, context FROM responses WHERE id = 'ctx'");
    expect(row.event_name).toBe('checkout_completed');
    expect(typeof row.context === 'string' ? JSON.parse(row.context) : row.context).toEqual(response.context);
  });

  it.each([
    ['a list as context', { context: ['pro'] }, 'responses[0].context: must be object'],
    ['a nested value', { context: { plan: { tier: 'pro' } } }, 'responses[0].context.plan: must be string, number, boolean or null'],
    ['a key with a space', { context: { 'has space': 1 } }, 'responses[0].context["has space"]: the key must be 1–64 letters'],
    ['a value past the cap', { context: { plan: 'x'.repeat(MAX_CONTEXT_VALUE_LENGTH + 1) } }, `responses[0].context.plan: must be at most ${MAX_CONTEXT_VALUE_LENGTH} characters`],
    [
      'too many keys',
      { context: Object.fromEntries(Array.from({ length: MAX_CONTEXT_KEYS + 1 }, (_, i) => [`k${i}`, i])) },
      `responses[0].context: must hold at most ${MAX_CONTEXT_KEYS} keys`,
    ],
    ['an event without a name', { event: { properties: {} } }, 'responses[0].event.name: is required'],
    ['an unknown event field', { event: { name: 'x', when: 1 } }, 'responses[0].event.when: is not a known field here'],
    ['a list as an event property', { event: { name: 'x', properties: { total: [42] } } }, 'responses[0].event.properties.total: must be string, number, boolean or null'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_name, fields, problem) => {
    const res = await demo.post(batchOf(makeResponse(fields)));
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
    expect(await demo.server.collector.storedResponses()).toEqual([]);
  });
});

describe('date range', () => {
  // Six responses: 10 days ago (9, 10), 5 days ago (0, 3, 9), today (10).
  const SIX = [
    answeredDaysAgo('d10a', 10, 9),
    answeredDaysAgo('d10b', 10, 10),
    answeredDaysAgo('d5a', 5, 0),
    answeredDaysAgo('d5b', 5, 3),
    answeredDaysAgo('d5c', 5, 9),
    answeredDaysAgo('d0', 0, 10),
  ];

  it('narrows /results, /scores, the CSV and the JSON list to whole UTC days, both included', async () => {
    await demo.post(batchOf(...SIX.map((r) => ({ ...r, template: 'nps', answers: { nps: r.answers.score }, questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }] }))));
    const range = `from=${dayOf(6)}&to=${dayOf(1)}`;
    // Only the three of 5 days ago: promoters 1, detractors 2 of 3 → NPS (1 − 2) / 3 = −33.3.
    const html = await (await fetch(demo.url(`/results?${range}`))).text();
    expect(html).toContain('3 responses</strong>: <strong>3</strong> complete');
    const scores = await demo.getJson(`/api/earshot/scores?survey=post-checkout-nps&${range}`);
    expect(scores).toMatchObject({ responses: 3, scores: [{ template: 'nps', sampleSize: 3, promoters: 1, detractors: 2 }] });
    expect(scores.scores[0].score).toBeCloseTo(-100 / 3, 10);
    const csv = await (await fetch(demo.url(`/api/earshot/export.csv?${range}`))).text();
    expect(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['d5a', 'd5b', 'd5c']);
    const listed = await demo.getJson(`/api/earshot/responses?from=${dayOf(10)}&to=${dayOf(10)}&limit=1`);
    expect(listed).toMatchObject({ total: 2, next: `/api/earshot/responses?from=${dayOf(10)}&to=${dayOf(10)}&limit=1&offset=1` });
    expect(listed.responses.map((r: { id: string }) => r.id)).toEqual(['d10a']);
  });

  it.each([
    ['from=2026-13-01', 'from: must be a day as YYYY-MM-DD'],
    ['to=yesterday', 'to: must be a day as YYYY-MM-DD'],
    ['from=2026-11-20&to=2026-11-19', 'to: must not be before from'],
  ])('answers 400 to %s', async (query, error) => {
    const res = await fetch(demo.url(`/results?${query}`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain(error);
  });
});

describe('the filter object', () => {
  it('selects by survey, date range, journey point, page and context value, alone or together', async () => {
    await demo.post(
      batchOf(
        answeredDaysAgo('f1', 3, 10, { context: { plan: 'pro' }, page: { url: 'https://shop.example/cart?x=1', referrer: '' } }),
        answeredDaysAgo('f2', 3, 2, { context: { plan: 'free' }, trigger: { manual: true } }),
        answeredDaysAgo('f3', 1, 9, { context: { plan: 'pro', seats: 3 } }),
        answeredDaysAgo('f4', 1, 6, { surveyId: 'other' }),
      ),
    );
    const { store } = demo.server.collector;
    const count = async (filter: Record<string, unknown>) => (await countResponses(store, { surveyId: 'post-checkout-nps', ...filter })).responses;
    expect(await count({})).toBe(3);
    expect(await count({ context: { key: 'plan', value: 'pro' } })).toBe(2);
    expect(await count({ context: { key: 'seats', value: 3 } })).toBe(1);
    expect(await count({ page: '/cart' })).toBe(1);
    expect(await count({ journeyPoint: 'manual: show(), feedback tab or embed' })).toBe(1);
    const twoDaysAgo = Date.now() - 2 * DAY_MS;
    expect(await count({ from: twoDaysAgo })).toBe(1);
    expect(await count({ to: twoDaysAgo, context: { key: 'plan', value: 'pro' } })).toBe(1);
    // The whole summary follows the filter: only f1 and f3 (promoters) for plan=pro → NPS +100.
    const summary = await summarizeSurvey(store, { surveyId: 'post-checkout-nps', context: { key: 'plan', value: 'pro' } });
    expect(summary.responses).toBe(2);
    expect(summary.questions[0].result).toMatchObject({ answers: 2, promoters: 2, score: 100 });
    expect(summary.pages.map((p: { label: string }) => p.label).sort()).toEqual(['/cart', '/shop/done.html']);
  });
});
