// Reading what the collector stored: the JSON list (filter by survey, paging) and the CSV export.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../examples/collector/collector.mjs';
import { makeResponse } from '../support/responses';
import { parseCsv } from './support/csv';
import { batchOf, useDemo } from './demo';

const demo = useDemo();

/** Five checkout responses and two help-article responses, in that arrival order. */
async function storeSeven() {
  const checkout = [1, 2, 3, 4, 5].map((n) => makeResponse({ id: `checkout-${n}`, answers: { score: n } }));
  const help = [1, 2].map((n) =>
    makeResponse({ id: `help-${n}`, surveyId: 'help-article', answers: { useful: n % 2 }, questions: [{ id: 'useful', type: 'thumbs', text: 'Was this useful?' }] }),
  );
  await demo.post(batchOf(checkout[0], help[0], checkout[1], checkout[2], help[1], checkout[3], checkout[4]));
  return { checkout, help };
}

describe('GET /api/earshot/responses', () => {
  it('lists the responses of one survey, in arrival order', async () => {
    const { help } = await storeSeven();
    const list = await demo.getJson('/api/earshot/responses?survey=help-article');
    expect(list).toEqual({ total: 2, offset: 0, limit: 100, responses: help, next: null });
  });

  it('pages through a survey with limit and offset, linking each page to the next', async () => {
    const { checkout } = await storeSeven();
    const first = await demo.getJson('/api/earshot/responses?survey=post-checkout-nps&limit=2');
    expect(first).toEqual({
      total: 5,
      offset: 0,
      limit: 2,
      responses: checkout.slice(0, 2),
      next: '/api/earshot/responses?survey=post-checkout-nps&limit=2&offset=2',
    });
    const second = await demo.getJson(first.next);
    expect(second.responses).toEqual(checkout.slice(2, 4));
    const last = await demo.getJson(second.next);
    expect(last).toMatchObject({ offset: 4, responses: checkout.slice(4), next: null });
  });

  it('lists an unknown survey as empty rather than failing', async () => {
    await storeSeven();
    expect(await demo.getJson('/api/earshot/responses?survey=nope')).toEqual({ total: 0, offset: 0, limit: 100, responses: [], next: null });
  });

  it.each([
    ['limit=0', `limit: must be a whole number from 1 to ${MAX_PAGE_SIZE} (got "0")`],
    [`limit=${MAX_PAGE_SIZE + 1}`, `limit: must be a whole number from 1 to ${MAX_PAGE_SIZE} (got "${MAX_PAGE_SIZE + 1}")`],
    ['limit=ten', `limit: must be a whole number from 1 to ${MAX_PAGE_SIZE} (got "ten")`],
    ['offset=-1', 'offset: must be a whole number 0 or more (got "-1")'],
    ['survey=', 'survey: must not be empty'],
  ])('answers 400 naming the parameter for ?%s', async (query, message) => {
    const res = await fetch(demo.url(`/api/earshot/responses?${query}`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(message);
  });
});

describe('GET /api/earshot/export.csv', () => {
  it('downloads one row per response with a column per question, readable by spreadsheets', async () => {
    const nps = makeResponse({
      id: 'nps-1',
      answers: { score: 3, reason: 'Slow, and the "tracking" link\nwas broken' },
      questions: [
        { id: 'score', type: 'nps', text: 'How likely…?' },
        { id: 'reason', type: 'text', text: 'Why?' },
      ],
      user: { id: 'u_42', traits: { plan: 'pro' } },
      trigger: { manual: true },
    });
    const choice = makeResponse({
      id: 'choice-1',
      surveyId: 'found-us',
      answers: { found: ['Search', 'Ad'], other: { other: 'A podcast' } },
      questions: [
        { id: 'found', type: 'choice', text: 'How?' },
        { id: 'other', type: 'choice', text: 'Else?' },
      ],
    });
    await demo.post(batchOf(nps, choice));

    const res = await fetch(demo.url('/api/earshot/export.csv'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="earshot-responses.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A UTF-8 byte order mark, so spreadsheet apps do not read "é" as "Ã©".
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toEqual([
      'id',
      'surveyId',
      'completed',
      'createdAt',
      'updatedAt',
      'receivedAt',
      'journeyPoint',
      'pageUrl',
      'referrer',
      'locale',
      'userId',
      'userTraits',
      'sdkVersion',
      'trigger',
      'firedBy',
      'label',
      'event',
      'eventProperties',
      'answers.score',
      'answers.reason',
      'answers.found',
      'answers.other',
    ]);
    const byId = Object.fromEntries(rows.map((row) => [row[0], Object.fromEntries(header.map((name, i) => [name, row[i]]))]));
    expect(byId['nps-1']).toMatchObject({
      surveyId: 'post-checkout-nps',
      completed: 'true',
      journeyPoint: 'manual: show(), feedback tab or embed',
      userId: 'u_42',
      userTraits: '{"plan":"pro"}',
      'answers.score': '3',
      'answers.reason': 'Slow, and the "tracking" link\nwas broken',
      'answers.found': '',
    });
    expect(byId['choice-1']).toMatchObject({ journeyPoint: 'event: checkout_completed', 'answers.found': 'Search; Ad', 'answers.other': 'Other: A podcast', 'answers.score': '' });
  });

  it('exports one survey with ?survey=, named after it', async () => {
    await storeSeven();
    const res = await fetch(demo.url('/api/earshot/export.csv?survey=help-article'));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="earshot-responses-help-article.csv"');
    const ids = parseCsv(await res.text())
      .slice(1)
      .map((row) => row[0]);
    expect(ids).toEqual(['help-1', 'help-2']);
  });

  it('defuses answers that a spreadsheet would run as formulas', async () => {
    await demo.post(
      batchOf(
        makeResponse({ id: 'sneaky', answers: { score: 9, reason: '=HYPERLINK("http://evil.example","click")' }, questions: [{ id: 'reason', type: 'text', text: 'Why?' }] }),
      ),
    );
    const [header, row] = parseCsv(await (await fetch(demo.url('/api/earshot/export.csv'))).text());
    expect(row[header.indexOf('answers.reason')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row[header.indexOf('answers.score')]).toBe('9');
  });
});
