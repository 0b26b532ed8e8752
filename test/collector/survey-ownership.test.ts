// A stored response belongs to its survey: a later version can complete or update it, never move
// it to another survey. The refusal is a 409 (a 4xx the SDK does not retry), stores nothing from
// the batch, and is counted.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();
const stored = () => demo.server.collector.storedResponses();

describe('a response id sent under another survey', () => {
  it('is refused with 409 naming the survey it belongs to, counted, and changes nothing', async () => {
    const original = makeResponse({ id: 'owned', surveyId: 'checkout', completed: false, answers: { score: 9 } });
    await demo.post(batchOf(original));
    const bystander = makeResponse({ id: 'bystander' });
    const moved = makeResponse({ id: 'owned', surveyId: 'other-survey', completed: true, answers: { score: 0 } });

    const res = await demo.post(batchOf(bystander, moved));
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBeNull();
    expect((await res.json()).problems).toEqual(['responses[1].surveyId: response owned belongs to survey "checkout"; a stored response never moves to another survey']);
    expect(await stored()).toEqual([original]);
    expect(demo.server.collector.counts.surveyMoves).toBe(1);
    const results = await (await fetch(demo.url('/results'))).text();
    expect(results).not.toContain('other-survey');
  });

  it('is refused when both versions come in one batch', async () => {
    const res = await demo.post(batchOf(makeResponse({ id: 'twice', surveyId: 'a' }), makeResponse({ id: 'twice', surveyId: 'b' })));
    expect(res.status).toBe(409);
    expect(await stored()).toEqual([]);
  });

  it('still lets a later version of the same survey complete the response', async () => {
    await demo.post(batchOf(makeResponse({ id: 'grows', surveyId: 'checkout', completed: false, updatedAt: '2026-11-27T10:00:00.000Z' })));
    const complete = makeResponse({ id: 'grows', surveyId: 'checkout', completed: true, updatedAt: '2026-11-27T10:00:05.000Z' });
    expect((await demo.post(batchOf(complete))).status).toBe(200);
    expect(await stored()).toEqual([complete]);
  });
});
