// Issues #21 and #25 on the results: filters kept in the URL that drive every section, the JSON
// summary and the CSV alike (date range in a time zone, journey point, page, NPS group, context
// values), breakdowns by a context key, comments searched and paged, and context in the CSV.
// Every figure is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';
import { parseCsv } from './support/csv';
import { clean, partOf, resultsOf, surveySection, tableRows } from './support/results-dom';

const demo = useDemo({ postsPerMinute: 0 });
const openResults = resultsOf(demo);
const SURVEY = 'shop-nps';
const QUESTIONS = [
  { id: 'score', type: 'nps', text: 'Recommend?' },
  { id: 'reason', type: 'text', text: 'Why?' },
];
const CHECKOUT = { event: 'checkout_completed' };
const MANUAL = { manual: true };

function answer(id: string, score: number, reason: string, { at = '2026-11-20T10:00:00.000Z', trigger = CHECKOUT as object, page = '/shop/done', context = {} as object } = {}) {
  return makeResponse({
    id,
    surveyId: SURVEY,
    answers: { score, reason },
    questions: QUESTIONS,
    createdAt: at,
    updatedAt: at,
    trigger,
    page: { url: `https://shop.example${page}?email=someone@example.com`, referrer: '' },
    ...(Object.keys(context).length > 0 && { context }),
  });
}

// Eight answers. Checkout: a1 10 pro, a2 9 pro, a3 3 free, a4 6 pro (/shop/cart), a5 8 (no plan).
// Manual: m1 2 pro, m2 10 free, m3 0 pro.
const EIGHT = [
  answer('a1', 10, 'Fast shipping', { context: { plan: 'pro', seats: 5 } }),
  answer('a2', 9, 'Shipping was quick', { context: { plan: 'pro' } }),
  answer('a3', 3, 'Shipping cost too high', { context: { plan: 'free' } }),
  answer('a4', 6, 'Shipping cost surprised me', { context: { plan: 'pro', trial: true }, page: '/shop/cart' }),
  answer('a5', 8, 'Fine'),
  answer('m1', 2, 'Shipping cost again', { trigger: MANUAL, context: { plan: 'pro' } }),
  answer('m2', 10, 'Lovely mugs', { trigger: MANUAL, context: { plan: 'free' } }),
  answer('m3', 0, 'Broken handle', { trigger: MANUAL, context: { plan: 'pro' } }),
];
const summaryOf = (query: string) => demo.getJson(`/api/earshot/summary?survey=${SURVEY}&${query}`);
const npsOf = (summary: { questions: Array<{ id: string; result: { score: number; answers: number } }> }) => summary.questions.find((q) => q.id === 'score')?.result;
const csvOf = async (query: string) => parseCsv((await (await fetch(demo.url(`/api/earshot/export.csv?${query}`))).text()).replace(/^\uFEFF/, ''));

describe('filters', () => {
  it('combine: journey point, context value and NPS group narrow the JSON, the CSV and the page alike', async () => {
    await demo.post(batchOf(...EIGHT));
    // Checkout and plan pro: a1 10, a2 9, a4 6 → (2 − 1) / 3 = +33.3.
    const narrowed = 'journey=' + encodeURIComponent('event: checkout_completed') + '&where=context.plan:pro';
    const both = await summaryOf(narrowed);
    expect(both.responses).toBe(3);
    expect(npsOf(both)?.score).toBeCloseTo(100 / 3, 10);
    // …and detractors only: a4.
    const detractors = await summaryOf(`${narrowed}&group=detractors`);
    expect(detractors.responses).toBe(1);
    expect(detractors.questions.find((q: { id: string }) => q.id === 'reason').result.items.map((i: { text: string }) => i.text)).toEqual(['Shipping cost surprised me']);
    expect((await csvOf(`survey=${SURVEY}&${narrowed}&group=detractors`)).slice(1).map((row) => row[0])).toEqual(['a4']);
    // A second where must hold too: trial true.
    expect((await summaryOf(`${narrowed}&where=context.trial:true`)).responses).toBe(1);
    // The page: counts, tiles and the answers listed follow the filter.
    const { document } = await openResults(`/results?survey=${SURVEY}&${narrowed}&group=detractors`);
    const survey = surveySection(document, SURVEY);
    expect(clean(survey.querySelector('.counts')?.textContent)).toMatch(/^1 response: 1 complete, 0 partial/);
    expect(clean(survey.querySelector('.tiles .tile-value')?.textContent)).toBe('−100');
    // The form keeps the view: its fields hold what the URL says.
    expect(document.querySelector('select[name="group"] option[selected]')?.getAttribute('value')).toBe('detractors');
    expect([...document.querySelectorAll('input[name="where"]')].map((input) => input.getAttribute('value'))).toEqual(['context.plan:pro', '']);
  });

  it('by journey point changes every section of the page', async () => {
    await demo.post(batchOf(...EIGHT));
    const all = surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY);
    const manual = surveySection((await openResults(`/results?survey=${SURVEY}&journey=${encodeURIComponent('manual: show(), feedback tab or embed')}`)).document, SURVEY);
    // All: 3 promoters (10, 9, 10), 4 detractors (3, 6, 2, 0) of 8 → −12.5, shown −12 (halves round up).
    // Manual: 2, 10, 0 → (1 − 2) / 3 = −33.
    expect(clean(all.querySelector('.tiles .tile-value')?.textContent)).toBe('−12');
    expect(clean(manual.querySelector('.tiles .tile-value')?.textContent)).toBe('−33');
    for (const title of ['Funnel', 'Daily trend', 'Questions', 'By journey point', 'By page', 'Reading between the lines']) {
      expect(clean(partOf(manual, title).textContent), title).not.toBe(clean(partOf(all, title).textContent));
    }
    expect(
      tableRows(partOf(manual, 'By journey point').querySelector('table'))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['manual: show(), feedback tab or embed fewer than 10: not ranked']);
  });

  it('take a preset range or custom days, and refuse what they cannot read with 400 naming the parameter', async () => {
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await demo.post(batchOf(...EIGHT, answer('new', 10, 'New', { at: recent })));
    expect((await summaryOf('range=7d')).responses).toBe(1);
    expect((await summaryOf('range=all')).responses).toBe(9);
    expect((await summaryOf('from=2026-11-20&to=2026-11-20')).responses).toBe(8);
    for (const [query, message] of [
      ['group=unhappy', 'group: must be one of detractors, passives, promoters'],
      ['where=plan:pro', 'where: must be context.KEY:VALUE'],
      ['tz=Mars/Olympus', 'tz: must be a time zone'],
      ['by=plan', 'by: must be context.KEY'],
      ['range=5d', 'range: must be one of 7d, 30d, 90d or all'],
    ]) {
      const res = await fetch(demo.url(`/results?${query}`));
      expect(res.status, query).toBe(400);
      expect((await res.json()).error, query).toContain(message);
    }
  });
});

describe('time zone', () => {
  // 23:30 UTC on 20 Nov is 00:30 on 21 Nov in Paris (UTC+1 in November) and 18:30 on 20 Nov in New York.
  const LATE = [answer('late', 10, 'Late night order', { at: '2026-11-20T23:30:00.000Z' }), answer('early', 0, 'Morning', { at: '2026-11-20T08:00:00.000Z' })];

  it('sets the days of the trend and of the date range, and the times shown', async () => {
    await demo.post(batchOf(...LATE));
    const trendOf = async (tz: string) =>
      tableRows(partOf(surveySection((await openResults(`/results?survey=${SURVEY}&tz=${tz}`)).document, SURVEY), 'Daily trend').querySelector('table')).slice(1);
    expect(await trendOf('UTC')).toEqual([['20 Nov 2026', '2', '0', '2']]);
    expect(await trendOf('Europe/Paris')).toEqual([
      ['20 Nov 2026', '1', '−100', '1'],
      ['21 Nov 2026', '1', '+100', '1'],
    ]);
    // A day in Paris is 23:00 UTC the day before to 23:00 UTC.
    expect((await summaryOf('from=2026-11-21&to=2026-11-21&tz=Europe/Paris')).responses).toBe(1);
    expect((await summaryOf('from=2026-11-21&to=2026-11-21')).responses).toBe(0);
    const { document } = await openResults(`/results?survey=${SURVEY}&tz=America/New_York`);
    const listed = [...surveySection(document, SURVEY).querySelectorAll('.answers .meta')].map((meta) => clean(meta.textContent));
    expect(listed[0]).toContain('20 Nov 2026, 18:30 America/New_York');
    expect(document.querySelector('input[name="tz"]')?.getAttribute('value')).toBe('America/New_York');
  });
});

describe('by a context key', () => {
  it('breaks every score down by its values, and by the 20 most frequent plus one row for the rest', async () => {
    await demo.post(batchOf(...EIGHT));
    const summary = await summaryOf('by=context.plan');
    // pro: 10, 9, 6, 2, 0 → (2 − 3) / 5 = −20; free: 3, 10 → 0; not set: 8 → 0 (a passive).
    expect(summary.breakdown.segments.map((s: { label: string; responses: number; metrics: Array<{ value: number }> }) => [s.label, s.responses, s.metrics[0].value])).toEqual(
      [
        ['(not set)', 1, 0],
        ['free', 2, 0],
        ['pro', 5, -20],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    const { document } = await openResults(`/results?survey=${SURVEY}&by=context.plan`);
    expect(tableRows(partOf(surveySection(document, SURVEY), 'By context.plan').querySelector('table'))[0]).toEqual(['context.plan', 'Responses', 'NPS']);
  });

  it('keeps the 20 most frequent values and counts the rest in one row', async () => {
    // Values v01…v23: v01 has 3 answers, v02 2, the others 1 each; all answer 10 but v21–v23 (0).
    const many = Array.from({ length: 23 }, (_, i) => i + 1).flatMap((n) =>
      Array.from({ length: n === 1 ? 3 : n === 2 ? 2 : 1 }, (_, k) => answer(`v${n}-${k}`, n >= 21 ? 0 : 10, 'x', { context: { plan: `v${String(n).padStart(2, '0')}` } })),
    );
    await demo.post(batchOf(...many));
    const { breakdown } = await summaryOf('by=context.plan');
    expect(breakdown.segments).toHaveLength(21);
    const other = breakdown.segments.find((s: { label: string }) => s.label.startsWith('other'));
    // v21, v22, v23 (the least frequent; ties keep the first seen) → 3 detractors → −100.
    expect(other).toMatchObject({ label: 'other (3 values)', responses: 3, metrics: [{ value: -100, answers: 3 }] });
  });
});

describe('comments', () => {
  it('a word of the detractors opens the comments that contain it, among detractors', async () => {
    await demo.post(batchOf(...EIGHT));
    const { document } = await openResults(`/results?survey=${SURVEY}`);
    const terms = partOf(surveySection(document, SURVEY), 'Reading between the lines');
    const link = [...terms.querySelectorAll('.low a')].find((a) => clean(a.textContent) === 'shipping cost');
    expect(link).toBeDefined();
    const href = link?.getAttribute('href') ?? '';
    expect(new URLSearchParams(href.split('?')[1].split('#')[0]).get('q')).toBe('shipping cost');
    const opened = surveySection((await openResults(href.split('#')[0])).document, SURVEY);
    // Detractors whose comment contains "shipping cost": a3, a4, m1 (the search ignores case).
    expect([...opened.querySelectorAll('.answers blockquote')].map((q) => q.textContent).sort()).toEqual([
      'Shipping cost again',
      'Shipping cost surprised me',
      'Shipping cost too high',
    ]);
    expect(clean(opened.querySelector('.search')?.textContent)).toMatch(/^3 answers containing “shipping cost”/);
  });

  it('are paginated, newest first, 50 a page, and the search takes % and _ literally', async () => {
    const texts = Array.from({ length: 55 }, (_, i) =>
      answer(`c${i}`, 9, i === 7 ? 'a 100% fine order' : `comment ${i}`, { at: new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString() }),
    );
    await demo.post(batchOf(...texts));
    const page2 = surveySection((await openResults(`/results?survey=${SURVEY}&comments=2`)).document, SURVEY);
    expect([...page2.querySelectorAll('.answers blockquote')].map((q) => q.textContent)).toEqual(['comment 4', 'comment 3', 'comment 2', 'comment 1', 'comment 0']);
    expect(clean(page2.querySelector('.pager')?.textContent)).toBe('Answers 51–55 of 55, newest first · Newer');
    expect((await summaryOf('q=' + encodeURIComponent('100%'))).questions[1].result.found).toBe(1);
    expect((await summaryOf('q=' + encodeURIComponent('comment_'))).questions[1].result.found).toBe(0);
  });
});

describe('CSV', () => {
  it('has one column per context key, the event and the trigger that fired, for exactly the filtered view', async () => {
    await demo.post(
      batchOf(...EIGHT, {
        ...answer('ev', 9, 'Evented', { context: { plan: 'pro' } }),
        event: { name: 'checkout_completed', properties: { orderId: 'A1' } },
        firedBy: { delay: 20 },
        trigger: { any: [{ delay: 20 }, { exitIntent: true }] },
        label: 'Cart, waited 20 s',
      }),
    );
    const [header, ...rows] = await csvOf(`survey=${SURVEY}&where=context.plan:pro`);
    expect(header.filter((name) => name.startsWith('context.'))).toEqual(['context.plan', 'context.seats', 'context.trial']);
    const byId = Object.fromEntries(rows.map((row) => [row[0], Object.fromEntries(header.map((name, i) => [name, row[i]]))]));
    expect(Object.keys(byId).sort()).toEqual(['a1', 'a2', 'a4', 'ev', 'm1', 'm3']);
    expect(byId.a1).toMatchObject({ 'context.plan': 'pro', 'context.seats': '5', 'context.trial': '' });
    expect(byId.a4).toMatchObject({ 'context.trial': 'true' });
    expect(byId.ev).toMatchObject({
      journeyPoint: 'Cart, waited 20 s',
      label: 'Cart, waited 20 s',
      firedBy: '{"delay":20}',
      event: 'checkout_completed',
      eventProperties: '{"orderId":"A1"}',
    });
  });
});
