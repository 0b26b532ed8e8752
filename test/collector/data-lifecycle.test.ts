// What a privacy officer asks for: responses older than EARSHOT_RETENTION_DAYS go away on their
// own, and one person's responses can be removed on request, with the key.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const DAY = 86_400_000;
let clock = Date.parse('2026-11-27T10:00:00.000Z');

describe('EARSHOT_RETENTION_DAYS', () => {
  const demo = useDemo({ retentionDays: 30, now: () => clock });

  it('removes responses that arrived more than that many days ago, and keeps the rest', async () => {
    const start = clock;
    await demo.post(batchOf(makeResponse({ id: 'old' })));
    clock = start + 20 * DAY;
    await demo.post(batchOf(makeResponse({ id: 'recent' })));
    clock = start + 31 * DAY;
    expect(await demo.server.collector.removeExpired()).toBe(1);
    expect((await demo.server.collector.storedResponses()).map((r) => r.id)).toEqual(['recent']);
    expect(await (await fetch(demo.url('/results'))).text()).toContain('1 response</strong>');
  });

  it('counts from the version it keeps: a response completed later is kept that much longer', async () => {
    const start = clock;
    await demo.post(batchOf(makeResponse({ id: 'grew', completed: false, updatedAt: new Date(start).toISOString() })));
    clock = start + 10 * DAY;
    await demo.post(batchOf(makeResponse({ id: 'grew', completed: true, updatedAt: new Date(clock).toISOString() })));
    clock = start + 35 * DAY;
    expect(await demo.server.collector.removeExpired()).toBe(0);
    clock = start + 41 * DAY;
    expect(await demo.server.collector.removeExpired()).toBe(1);
  });
});

describe('DELETE /api/earshot/responses?user=', () => {
  const TOKEN = 'privacy-officer-token';
  const demo = useDemo({ readToken: TOKEN });
  const withToken = { Authorization: `Bearer ${TOKEN}` };

  it("removes one person's responses and says how many, leaving everyone else's", async () => {
    await demo.post(
      batchOf(
        makeResponse({ id: 'a1', user: { id: 'u_42' } }),
        makeResponse({ id: 'b1', user: { id: 'u_7' } }),
        makeResponse({ id: 'a2', surveyId: 'other', user: { id: 'u_42', traits: { plan: 'pro' } } }),
        makeResponse({ id: 'anonymous' }),
      ),
    );
    const res = await fetch(demo.url('/api/earshot/responses?user=u_42'), { method: 'DELETE', headers: withToken });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 2 });
    expect((await demo.server.collector.storedResponses()).map((r) => r.id)).toEqual(['b1', 'anonymous']);
    const again = await fetch(demo.url('/api/earshot/responses?user=u_42'), { method: 'DELETE', headers: withToken });
    expect(await again.json()).toEqual({ deleted: 0 });
  });

  it('needs the key, and a user', async () => {
    await demo.post(batchOf(makeResponse({ id: 'kept', user: { id: 'u_42' } })));
    expect((await fetch(demo.url('/api/earshot/responses?user=u_42'), { method: 'DELETE' })).status).toBe(401);
    const noUser = await fetch(demo.url('/api/earshot/responses'), { method: 'DELETE', headers: withToken });
    expect(noUser.status).toBe(400);
    expect((await noUser.json()).error).toMatch(/^user: is required/);
    expect((await demo.server.collector.storedResponses()).map((r) => r.id)).toEqual(['kept']);
  });
});
