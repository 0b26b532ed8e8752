// The results page at /results, from fixture payloads covering every question kind (the SDK does
// not ask CSAT, CES, rating, thumbs or choice questions yet, but a collector must read them).
// Every expected number below is worked out by hand from the fixtures.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TIME_ZONE_SCRIPT, TIME_ZONE_SCRIPT_HASH } from '../../examples/collector/results-page.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';
import { clean, partOf, questionOf, resultsOf, surveySection, tableRows } from './support/results-dom';

const demo = useDemo();

const Q = {
  score: { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
  reason: { id: 'reason', type: 'text', text: 'What is the main reason for your score?' },
  satisfied: { id: 'satisfied', type: 'csat', text: 'How satisfied are you with your order?' },
  effort: { id: 'effort', type: 'ces', text: 'Paying was easy.' },
  useful: { id: 'useful', type: 'thumbs', text: 'Was this article useful?' },
  stars: { id: 'stars', type: 'rating', text: 'How would you rate this article?', scale: 5, style: 'stars' },
  found: { id: 'found', type: 'choice', text: 'How did you find us?' },
} as const;

const SHOP = 'http://127.0.0.1/shop';
const MANUAL = { manual: true };

/** A response answering `answers`, described by the matching questions of Q. */
function answered(id: string, answers: Record<string, unknown>, at: string, extra: Record<string, unknown> = {}) {
  return makeResponse({
    id,
    answers,
    questions: Object.keys(answers).map((key) => Q[key as keyof typeof Q]),
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
}

/**
 * Eight checkout responses over three days (none on 22 Nov), six complete and two partial.
 * NPS: promoters r1 r2 r6 r8, passives r5 r7, detractors r3 r4 → 4/8 − 2/8 = 50% − 25% = +25.
 * CSAT (r1–r6): 5 4 2 3 4 5 → 4 of 6 satisfied = 66.7%, average 23 / 6 = 3.83.
 * CES (r1–r6): 7 6 2 4 5 7 → average 31 / 6 = 5.17.
 */
const CHECKOUT = [
  answered('r1', { score: 10, reason: 'Fast delivery and a lovely mug', satisfied: 5, effort: 7 }, '2026-11-20T09:00:00.000Z', {
    page: { url: `${SHOP}/done.html`, referrer: '' },
  }),
  answered('r2', { score: 9, reason: 'Lovely mug, fast delivery', satisfied: 4, effort: 6 }, '2026-11-20T10:00:00.000Z', { page: { url: `${SHOP}/done.html`, referrer: '' } }),
  answered('r3', { score: 3, reason: 'Delivery was slow and the box arrived damaged', satisfied: 2, effort: 2 }, '2026-11-21T09:00:00.000Z', {
    trigger: MANUAL,
    page: { url: `${SHOP}/`, referrer: '' },
  }),
  answered('r4', { score: 6, reason: 'Slow delivery, never arrived on time', satisfied: 3, effort: 4 }, '2026-11-21T11:00:00.000Z', {
    trigger: MANUAL,
    page: { url: `${SHOP}/cart.html`, referrer: '' },
  }),
  answered('r5', { score: 8, satisfied: 4, effort: 5 }, '2026-11-23T08:00:00.000Z', { page: { url: `${SHOP}/done.html`, referrer: '' } }),
  answered('r6', { score: 10, reason: 'Great mug', satisfied: 5, effort: 7 }, '2026-11-23T12:00:00.000Z', { page: { url: `${SHOP}/done.html?qty=2`, referrer: '' } }),
  answered('r7', { score: 7 }, '2026-11-23T13:00:00.000Z', { completed: false, trigger: MANUAL, page: { url: `${SHOP}/`, referrer: '' } }),
  answered('r8', { score: 9 }, '2026-11-23T14:00:00.000Z', { completed: false, page: { url: `${SHOP}/done.html`, referrer: '' } }),
];

/**
 * Three help-article responses. Thumbs: 2 up, 1 down → 66.7% up. Rating: (5 + 2 + 4) / 3 = 3.67.
 * Choice: Search, Ad, Friend and Other once each, of 3 answers → 33% each.
 */
const HELP = [
  answered('h1', { useful: 1, stars: 5, found: ['Search', 'Ad'] }, '2026-11-22T09:00:00.000Z', { surveyId: 'help-article', trigger: { scroll: 60 } }),
  answered('h2', { useful: 0, stars: 2, found: 'Friend' }, '2026-11-22T10:00:00.000Z', { surveyId: 'help-article', trigger: { scroll: 60 } }),
  answered('h3', { useful: 1, stars: 4, found: { other: 'A podcast' } }, '2026-11-22T11:00:00.000Z', { surveyId: 'help-article', trigger: { scroll: 60 } }),
];

const openResults = resultsOf(demo);

describe('/results', () => {
  it('says there is nothing yet, and links nowhere it cannot, before any answer', async () => {
    const { res, document } = await openResults();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(clean(document.querySelector('main')?.textContent)).toBe('No responses yet.');
  });

  it('shows each survey with its complete and partial counts and its headline scores', async () => {
    await demo.post(batchOf(...CHECKOUT, ...HELP));
    const { document } = await openResults();
    expect(document.title).toBe('Survey results · Earshot');
    expect(clean(document.querySelector('.page-header p')?.textContent)).toMatch(/^11 responses in 2 surveys · generated /);

    const checkout = surveySection(document, 'post-checkout-nps');
    expect(clean(checkout.querySelector('h2')?.textContent)).toBe('Survey post-checkout-nps');
    expect(clean(checkout.querySelector('.counts')?.textContent)).toBe('8 responses: 6 complete, 2 partial · 20 Nov 2026 to 23 Nov 2026');
    const tiles = [...checkout.querySelectorAll(':scope > .tiles .tile')].map((tile) => clean(tile.textContent));
    // Margins of error (95 %), worked out in trust.test.ts: NPS 4 promoters and 2 detractors of 8 →
    // 1.96 × √((0.5 + 0.25 − 0.25²) / 8) = ±57; CSAT 4 of 6 → ±38 points; CES 7 6 5 7 2 4 → ±1.6.
    expect(tiles).toEqual([
      'NPS +25 ±57 · n = 8 answers small sample: fewer than 10',
      'CSAT, % satisfied 67% ±38 pts · n = 6 answers small sample: fewer than 10',
      'CES, average 5.2 ±1.6 · n = 6 answers small sample: fewer than 10',
    ]);

    const help = surveySection(document, 'help-article');
    expect(clean(help.querySelector('.counts')?.textContent)).toBe('3 responses: 3 complete, 0 partial · 22 Nov 2026');
    expect([...help.querySelectorAll(':scope > .tiles .tile')].map((tile) => clean(tile.textContent))).toEqual([
      '% thumbs up 67% ±53 pts · n = 3 answers small sample: fewer than 10',
      'Rating, average 3.7 ±1.7 · n = 3 answers small sample: fewer than 10',
    ]);
  });

  it('breaks NPS into detractors, passives and promoters with the 0–10 distribution', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const nps = questionOf(surveySection(document, 'post-checkout-nps'), Q.score.text);
    expect(clean(nps.querySelector('.figure-line')?.textContent)).toBe('NPS +25: % promoters − % detractors. ±57 · n = 8 answers small sample: fewer than 10');
    expect([...nps.querySelectorAll('.legend li')].map((li) => clean(li.textContent))).toEqual([
      'Detractors (0–6): 2 (25%)',
      'Passives (7–8): 2 (25%)',
      'Promoters (9–10): 4 (50%)',
    ]);
    // Scores given: 3, 6, 7, 8, 9, 9, 10, 10.
    const rows = tableRows(nps.querySelector('table')).slice(1);
    expect(rows.filter(([, answers]) => answers !== '0')).toEqual([
      ['3', '1', '13%'],
      ['6', '1', '13%'],
      ['7', '1', '13%'],
      ['8', '1', '13%'],
      ['9', '2', '25%'],
      ['10', '2', '25%'],
    ]);
    expect(rows).toHaveLength(11);
  });

  it('shows CSAT as % satisfied with its distribution, CES as an average with its distribution', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const survey = surveySection(document, 'post-checkout-nps');
    const csat = questionOf(survey, Q.satisfied.text);
    expect(clean(csat.querySelector('.figure-line')?.textContent)).toBe(
      '67% ±38 pts satisfied (4 of 6 answered 4 or 5) · average 3.8 ±0.9 on 1–5. n = 6 answers small sample: fewer than 10',
    );
    expect(
      tableRows(csat.querySelector('table'))
        .slice(1)
        .map(([score, answers]) => [score, answers]),
    ).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '1'],
      ['4', '2'],
      ['5', '2'],
    ]);
    const ces = questionOf(survey, Q.effort.text);
    expect(clean(ces.querySelector('.figure-line')?.textContent)).toBe('Average 5.2 on 1–7. ±1.6 · n = 6 answers small sample: fewer than 10');
    expect(
      tableRows(ces.querySelector('table'))
        .slice(1)
        .map(([score, answers]) => [score, answers]),
    ).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '0'],
      ['4', '1'],
      ['5', '1'],
      ['6', '1'],
      ['7', '2'],
    ]);
  });

  it('shows thumbs as a share of ups, a rating as an average on its scale, and choice counts with the "Other" texts', async () => {
    await demo.post(batchOf(...HELP));
    const { document } = await openResults();
    const survey = surveySection(document, 'help-article');
    const thumbs = questionOf(survey, Q.useful.text);
    expect(clean(thumbs.querySelector('.figure-line')?.textContent)).toBe('67% thumbs up. ±53 pts · n = 3 answers small sample: fewer than 10');
    expect([...thumbs.querySelectorAll('.legend li')].map((li) => clean(li.textContent))).toEqual(['Thumbs up: 2 (67%)', 'Thumbs down: 1 (33%)']);

    const rating = questionOf(survey, Q.stars.text);
    expect(clean(rating.querySelector('.kind')?.textContent)).toBe('Rating (stars) · 3 answers · id stars');
    expect(clean(rating.querySelector('.figure-line')?.textContent)).toBe('Average 3.7 on 1–5. ±1.7 · n = 3 answers small sample: fewer than 10');

    const choice = questionOf(survey, Q.found.text);
    expect(tableRows(choice.querySelector('table'))).toEqual([
      ['Option', 'Answers', 'Share of answers'],
      ['Search', '1', '33%'],
      ['Ad', '1', '33%'],
      ['Friend', '1', '33%'],
      ['Other', '1', '33%'],
    ]);
    expect(clean(choice.querySelector('.answers')?.textContent)).toBe('A podcast');
    expect(clean(choice.textContent)).toContain('shares add up to more than 100%');
  });

  it('lists text answers newest first, each with the NPS given in the same response', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const text = questionOf(surveySection(document, 'post-checkout-nps'), Q.reason.text);
    const items = [...text.querySelectorAll('.answers li')].map((li) => [clean(li.querySelector('blockquote')?.textContent), clean(li.querySelector('.meta')?.textContent)]);
    expect(items).toEqual([
      ['Great mug', 'NPS 10 · 23 Nov 2026, 12:00 UTC · event: checkout_completed · /shop/done.html'],
      ['Slow delivery, never arrived on time', 'NPS 6 · 21 Nov 2026, 11:00 UTC · manual: show(), feedback tab or embed · /shop/cart.html'],
      ['Delivery was slow and the box arrived damaged', 'NPS 3 · 21 Nov 2026, 09:00 UTC · manual: show(), feedback tab or embed · /shop/'],
      ['Lovely mug, fast delivery', 'NPS 9 · 20 Nov 2026, 10:00 UTC · event: checkout_completed · /shop/done.html'],
      ['Fast delivery and a lovely mug', 'NPS 10 · 20 Nov 2026, 09:00 UTC · event: checkout_completed · /shop/done.html'],
    ]);
  });

  it('draws a daily trend of responses and NPS, with an empty day where nobody answered', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const trend = partOf(surveySection(document, 'post-checkout-nps'), 'Daily trend');
    // 20 Nov: 10, 9 → +100. 21 Nov: 3, 6 → −100. 23 Nov: 8, 10, 7, 9 → 2/4 − 0 = +50.
    expect(tableRows(trend.querySelector('table'))).toEqual([
      ['Day', 'Responses', 'NPS', 'NPS answers'],
      ['20 Nov 2026', '2', '+100', '2'],
      ['21 Nov 2026', '2', '−100', '2'],
      ['22 Nov 2026', '0', '–', '0'],
      ['23 Nov 2026', '4', '+50', '4'],
    ]);
    const titles = [...trend.querySelectorAll('svg title')].map((t) => clean(t.textContent));
    expect(titles).toEqual(['Responses per day', 'NPS per day']);
    expect(clean(trend.querySelectorAll('svg desc')[1].textContent)).toBe('NPS per day (UTC): 20 Nov 2026: +100; 21 Nov 2026: −100; 22 Nov 2026: no answers; 23 Nov 2026: +50.');
  });

  it('compares the scores per journey point and per page, with groups under 10 answers marked, unranked and undrawn', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const survey = surveySection(document, 'post-checkout-nps');
    // Manual: 3, 6, 7 → 0 − 2/3 = −67; CSAT r3 r4 (2, 3) → 0%; CES (2 + 4) / 2 = 3.0.
    // Checkout event: 10, 9, 8, 10, 9 → 4/5 = +80; CSAT 5 4 4 5 → 100%; CES (7 + 6 + 5 + 7) / 4 = 6.25, shown 6.3.
    // Every group has fewer than 10 NPS answers: none is ranked (most responses first) or drawn.
    // Margins: manual NPS 1.96 × √((0 + 2/3 − (2/3)²) / 3) = ±53, CES (2, 4): s = √2, 1.96 × √2 / √2 = ±2.0;
    // checkout NPS 1.96 × √((0.8 − 0.64) / 5) = ±35, CES s = √(0.9167), ±0.9. A share of 0 or 1 has a margin of 0.
    const notRanked = ' fewer than 10: not ranked';
    expect(tableRows(partOf(survey, 'By journey point').querySelector('table'))).toEqual([
      ['Journey point (trigger)', 'Responses', 'NPS', 'CSAT, % satisfied', 'CES, average'],
      [`event: checkout_completed${notRanked}`, '5', '+80 ±35 · 5 answers', '100% ±0 pts · 4 answers', '6.3 ±0.9 · 4 answers'],
      [`manual: show(), feedback tab or embed${notRanked}`, '3', '−67 ±53 · 3 answers', '0% ±0 pts · 2 answers', '3.0 ±2.0 · 2 answers'],
    ]);
    // Pages by path, query left out: done.html and done.html?qty=2 are one page. One answer has no margin.
    const pages = tableRows(partOf(survey, 'By page').querySelector('table'));
    expect(pages.map(([page, responses, nps]) => [page, responses, nps])).toEqual([
      ['Page (path)', 'Responses', 'NPS'],
      [`/shop/done.html${notRanked}`, '5', '+80 ±35 · 5 answers'],
      [`/shop/${notRanked}`, '2', '−50 ±69 · 2 answers'],
      [`/shop/cart.html${notRanked}`, '1', '−100 1 answer'],
    ]);
    expect(partOf(survey, 'By page').querySelector('svg')).toBeNull();
  });

  it('sets the frequent words and phrases of detractors against those of promoters, without stop words', async () => {
    await demo.post(batchOf(...CHECKOUT));
    const { document } = await openResults();
    const terms = partOf(surveySection(document, 'post-checkout-nps'), 'Reading between the lines');
    const side = (tone: string) => {
      const group = terms.querySelector(`section.${tone}`)!;
      const [words, phrases] = [...group.querySelectorAll('ol.terms')].map((list) => [...list.querySelectorAll('li')].map((li) => clean(li.textContent)));
      return { heading: clean(group.querySelector('h4')?.textContent), note: clean(group.querySelector('.note')?.textContent), words, phrases };
    };
    // Detractors wrote "Delivery was slow and the box arrived damaged" and "Slow delivery, never arrived on time":
    // "was", "and", "the", "never" and "on" are stop words; a stop word between two words breaks a phrase.
    expect(side('low')).toEqual({
      heading: 'Detractors (0–6)',
      note: '2 text answers',
      words: ['arrived (2 answers)', 'delivery (2 answers)', 'slow (2 answers)', 'box (1 answer)', 'damaged (1 answer)', 'time (1 answer)'],
      phrases: ['arrived damaged (1 answer)', 'box arrived (1 answer)', 'slow delivery (1 answer)'],
    });
    // Promoters: "Fast delivery and a lovely mug", "Lovely mug, fast delivery", "Great mug".
    expect(side('high')).toEqual({
      heading: 'Promoters (9–10)',
      note: '3 text answers',
      words: ['mug (3 answers)', 'delivery (2 answers)', 'fast (2 answers)', 'lovely (2 answers)', 'great (1 answer)'],
      phrases: ['fast delivery (2 answers)', 'lovely mug (2 answers)', 'great mug (1 answer)'],
    });
  });

  it('gives every chart a title and a description of its data, and every table column and row headers', async () => {
    await demo.post(batchOf(...CHECKOUT, ...HELP));
    const { document } = await openResults();
    const charts = [...document.querySelectorAll('svg')];
    expect(charts.length).toBeGreaterThanOrEqual(12);
    for (const svg of charts) {
      expect(svg.getAttribute('role')).toBe('img');
      const title = document.getElementById(svg.getAttribute('aria-labelledby') ?? '');
      const desc = document.getElementById(svg.getAttribute('aria-describedby') ?? '');
      expect(title?.tagName.toLowerCase()).toBe('title');
      expect(title?.parentElement).toBe(svg);
      expect(desc?.tagName.toLowerCase()).toBe('desc');
      expect(clean(desc?.textContent)).toMatch(/\d/);
    }
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const table of document.querySelectorAll('table')) {
      expect(table.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(0);
      for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelector('th[scope="row"]')).not.toBeNull();
    }
    // The one script is the page's own time-zone line (see the next test).
    expect([...document.querySelectorAll('script')].map((script) => script.textContent)).toEqual([TIME_ZONE_SCRIPT]);
  });

  it('shows what visitors typed as text, never as markup, and forbids scripts on the page', async () => {
    const typed = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & done';
    await demo.post(batchOf(answered('x1', { score: 2, reason: typed }, '2026-11-20T09:00:00.000Z')));
    const { res, document } = await openResults();
    // Only the page's own time-zone script may run, by its hash: nothing typed could, even unescaped.
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src '${TIME_ZONE_SCRIPT_HASH}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    );
    expect(TIME_ZONE_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(TIME_ZONE_SCRIPT).digest('base64')}`);
    const quote = document.querySelector('.answers blockquote');
    expect(quote?.textContent).toBe(typed);
    expect(quote?.children).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect([...document.querySelectorAll('script')].map((script) => script.textContent)).toEqual([TIME_ZONE_SCRIPT]);
  });

  it('shows one survey with ?survey=, and new answers after a reload', async () => {
    await demo.post(batchOf(...CHECKOUT.slice(0, 2), ...HELP));
    const only = await openResults('/results?survey=post-checkout-nps');
    expect([...only.document.querySelectorAll('section.survey')].map((s) => s.getAttribute('data-survey-id'))).toEqual(['post-checkout-nps']);
    expect(clean(only.document.querySelector('.counts')?.textContent)).toMatch(/^2 responses: 2 complete, 0 partial/);

    await demo.post(batchOf(...CHECKOUT.slice(2)));
    const reloaded = await openResults('/results?survey=post-checkout-nps');
    expect(clean(reloaded.document.querySelector('.counts')?.textContent)).toMatch(/^8 responses: 6 complete, 2 partial/);
  });
});
