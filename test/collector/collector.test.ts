// The reference collector's endpoint (DESIGN.md §3), over real HTTP: what it stores, what it
// keeps when versions of a response arrive in any order, and how it refuses a bad batch.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../examples/collector/collector.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();
const stored = () => demo.server.collector.storedResponses();

describe('POST /api/earshot', () => {
  it('stores a valid batch, answers 200 after storing it, and lists it at /api/earshot/responses', async () => {
    const a = makeResponse({ id: 'a' });
    const b = makeResponse({ id: 'b', completed: false, answers: { score: 3 } });
    const res = await demo.post(batchOf(a, b));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, stored: 2, kept: 0 });
    expect(await stored()).toEqual([a, b]);
    const list = await demo.getJson('/api/earshot/responses');
    expect(list).toMatchObject({ total: 2, offset: 0, next: null, responses: [a, b] });
  });

  it('stores each response once when the same batch arrives twice (a retry)', async () => {
    const batch = batchOf(makeResponse({ id: 'x' }), makeResponse({ id: 'y' }));
    await demo.post(batch);
    const again = await demo.post(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, stored: 0, kept: 2 });
    expect((await stored()).map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('leaves one complete row when a partial response is followed by its completed version', async () => {
    const partial = makeResponse({ id: 'r1', completed: false, updatedAt: '2026-11-27T09:59:45.000Z', answers: { score: 4 } });
    const complete = makeResponse({
      id: 'r1',
      completed: true,
      updatedAt: '2026-11-27T09:59:52.000Z',
      answers: { score: 4, reason: 'Slow' },
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
        { id: 'reason', type: 'text', text: 'What is the main reason for your score?' },
      ],
    });
    await demo.post(batchOf(partial));
    const res = await demo.post(batchOf(complete));
    expect(await res.json()).toEqual({ ok: true, stored: 1, kept: 0 });
    expect(await stored()).toEqual([complete]);
  });

  it('never replaces a completed response with a partial one that arrives after it, even a later one', async () => {
    const complete = makeResponse({ id: 'r1', completed: true, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 9 } });
    const latePartial = makeResponse({ id: 'r1', completed: false, updatedAt: '2026-01-01T11:00:00.000Z', answers: { score: 2 } });
    await demo.post(batchOf(complete));
    const res = await demo.post(batchOf(latePartial));
    expect(await res.json()).toEqual({ ok: true, stored: 0, kept: 1 });
    expect(await stored()).toEqual([complete]);
  });

  it('replaces a partial response with a completed one, even one with an earlier updatedAt', async () => {
    const partial = makeResponse({ id: 'r1', completed: false, updatedAt: '2026-01-01T11:00:00.000Z', answers: { score: 2 } });
    const complete = makeResponse({ id: 'r1', completed: true, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 9 } });
    await demo.post(batchOf(partial));
    await demo.post(batchOf(complete));
    expect(await stored()).toEqual([complete]);
  });

  it('keeps the later updatedAt between two of the same kind, whatever the arrival order, and the first arrival order', async () => {
    const older = makeResponse({ id: 'p', completed: false, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 1 } });
    const newer = makeResponse({ id: 'p', completed: false, updatedAt: '2026-01-01T10:00:05.000Z', answers: { score: 8 } });
    await demo.post(batchOf(newer));
    await demo.post(batchOf(older));
    expect(await stored()).toEqual([newer]);

    const first = makeResponse({ id: 'c', updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 5 } });
    const second = makeResponse({ id: 'c', updatedAt: '2026-01-01T10:00:09.000Z', answers: { score: 6 } });
    await demo.post(batchOf(first, second));
    expect((await stored()).map((r) => [r.id, r.answers.score])).toEqual([
      ['p', 8],
      ['c', 6],
    ]);
  });

  it('accepts a text/plain body, as navigator.sendBeacon sends it', async () => {
    const beacon = makeResponse({ id: 'beacon' });
    const res = await demo.post(JSON.stringify(batchOf(beacon)), { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(200);
    expect(await stored()).toEqual([beacon]);
  });

  it('keeps fields it does not know on a response, for newer SDKs, and every kind of journey point', async () => {
    const fromNewerSdk = makeResponse({ id: 'n', template: 'nps-classic', viewport: { width: 390 }, trigger: { all: [{ url: { startsWith: '/blog/' } }, { delay: 20 }] } });
    const scrolled = makeResponse({ id: 's', trigger: { scroll: 60 }, user: { id: 'u_42', traits: { plan: 'pro', seats: 3, beta: true, team: null } } });
    const res = await demo.post(batchOf(fromNewerSdk, scrolled));
    expect(res.status).toBe(200);
    expect(await stored()).toEqual([fromNewerSdk, scrolled]);
  });

  it('refuses a form or multipart body with 415 naming the content type', async () => {
    const res = await demo.post(JSON.stringify(batchOf(makeResponse())), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toBe('content-type: must be application/json or text/plain (got "application/x-www-form-urlencoded")');
    expect(await stored()).toEqual([]);
  });

  it('answers 400 for a body that is not JSON, and stores nothing', async () => {
    const res = await demo.post('{"sentAt": "2026-11-27T10:00:00.000Z", "responses": [');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).error).toMatch(/^body: not valid JSON \(/);
    expect(await stored()).toEqual([]);
    expect(demo.server.collector.rejected).toEqual([{ status: 400, error: expect.stringMatching(/^body: not valid JSON/) }]);
  });

  const valid = () => makeResponse({ id: 'v' });
  const withResponse = (overrides: Record<string, unknown>) => JSON.stringify(batchOf(makeResponse(overrides as Parameters<typeof makeResponse>[0])));

  it.each([
    ['a JSON array', '[]', 'body: must be object'],
    ['no responses', JSON.stringify({ sentAt: '2026-11-27T10:00:00.000Z' }), 'responses: is required'],
    ['an empty responses list', JSON.stringify(batchOf()), 'responses: must hold at least 1 item'],
    ['a sentAt that is not a date-time', JSON.stringify({ ...batchOf(valid()), sentAt: 'yesterday' }), 'sentAt: must be an ISO 8601 date-time'],
    ['an unknown batch field', JSON.stringify({ ...batchOf(valid()), token: 'x' }), 'token: is not a known field here'],
    ['a response that is not an object', JSON.stringify(batchOf(42)), 'responses[0]: must be object'],
    ['a numeric id', withResponse({ id: 7 }), 'responses[0].id: must be string'],
    ['no surveyId', withResponse({ surveyId: undefined }), 'responses[0].surveyId: is required'],
    ['completed as a string', withResponse({ completed: 'yes' }), 'responses[0].completed: must be boolean'],
    ['answers as an array', JSON.stringify(batchOf(valid(), makeResponse({ answers: [] as unknown as Record<string, unknown> }))), 'responses[1].answers: must be object'],
    ['a null answer', withResponse({ answers: { score: null } }), 'responses[0].answers.score: must be number, string, array or object'],
    ['an "Other" answer without text', withResponse({ answers: { found: { other: 3 } } }), 'responses[0].answers.found.other: must be string'],
    ['a list answer holding a number', withResponse({ answers: { found: ['Search', 2] } }), 'responses[0].answers.found[1]: must be string'],
    [
      'an unknown question kind',
      withResponse({ questions: [{ id: 'score', type: 'ratng', text: 'Rate us' }] }),
      'responses[0].questions[0].type: must be one of "nps", "rating", "csat", "ces", "thumbs", "choice", "text"',
    ],
    ['a question without text', withResponse({ questions: [{ id: 'score', type: 'nps' }] }), 'responses[0].questions[0].text: is required'],
    ['an updatedAt without a time zone', withResponse({ updatedAt: '2026-11-27T10:00:00' }), 'responses[0].updatedAt: must be an ISO 8601 date-time'],
    ['a trigger with two journey points', withResponse({ trigger: { event: 'a', url: '/b' } }), 'responses[0].trigger: must have exactly one key'],
    ['a manual trigger that is false', withResponse({ trigger: { manual: false } }), 'responses[0].trigger.manual: must be true'],
    ['a scroll depth over 100%', withResponse({ trigger: { scroll: 140 } }), 'responses[0].trigger.scroll: must be <= 100'],
    ['a page without url', withResponse({ page: { referrer: '' } }), 'responses[0].page.url: is required'],
    ['no sdk', withResponse({ sdk: undefined }), 'responses[0].sdk: is required'],
    ['an unknown user field', withResponse({ user: { id: 'u1', email: 'a@b.example' } }), 'responses[0].user.email: is not a known field here'],
  ])('answers 400 naming the field for %s, and stores nothing', async (_case, body, message) => {
    const res = await demo.post(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toContain(message);
    expect(json.problems).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    expect(await stored()).toEqual([]);
    expect(demo.server.collector.batches).toEqual([]);
  });

  it('stores nothing from a batch when any response in it is malformed, and lists every problem', async () => {
    const res = await demo.post(batchOf(makeResponse({ id: 'good' }), { id: 'bad' }));
    expect(res.status).toBe(400);
    const { problems } = await res.json();
    expect(problems).toEqual(expect.arrayContaining(['responses[1].surveyId: is required', 'responses[1].completed: is required', 'responses[1].answers: is required']));
    expect(await stored()).toEqual([]);
  });

  it('accepts a batch far larger than the SDK sends, and refuses one over 256 KB with 413, storing nothing', async () => {
    expect(DEFAULT_BODY_LIMIT).toBe(256 * 1024);
    // 50 responses (the SDK's largest batch) of 4,000-character answers: about 200 KB.
    const large = batchOf(...Array.from({ length: 50 }, (_, i) => makeResponse({ id: `large-${i}`, answers: { reason: 'x'.repeat(4000) } })));
    expect((await demo.post(large)).status).toBe(200);
    await demo.server.collector.reset();

    const tooLarge = batchOf(...Array.from({ length: 30 }, (_, i) => makeResponse({ id: `huge-${i}`, answers: { reason: 'x'.repeat(9000) } })));
    const res = await demo.post(tooLarge);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe(`body: larger than the limit of ${DEFAULT_BODY_LIMIT} bytes`);
    expect(await stored()).toEqual([]);
  });

  it('answers 405 naming the allowed methods for a GET on the endpoint', async () => {
    const res = await fetch(demo.url('/api/earshot'));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await res.json()).error).toBe('method: GET is not allowed here, use POST, OPTIONS');
  });
});
