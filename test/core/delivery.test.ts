import { createStore, entries } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Delivery, KEEPALIVE_MAX_BYTES, toBatches } from '../../src/core/delivery.js';
import { Emitter } from '../../src/core/emitter.js';
import { createOutbox, DEAD_LETTER_DB, type Outbox } from '../../src/core/outbox.js';
import { createResponse, reviseResponse } from '../../src/core/response.js';
import type { Answers, Survey, SurveyResponse } from '../../src/core/types.js';
import { installCollector, resetIndexedDB, settle, useFakeClock, type FakeCollector } from './support.js';

const survey: Survey = {
  id: 'post-checkout-nps',
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' },
    { id: 'reason', type: 'text', text: 'Why?', optional: true, maxLength: 10_000 },
  ],
};

let created = 0;
/** A response with a reason of `length` copies of `char`; each one is created a millisecond after the last. */
function response(length = 0, char = 'a'): SurveyResponse {
  const answers: Answers = length ? { score: 9, reason: char.repeat(length) } : { score: 9 };
  return createResponse({ survey, trigger: { event: 'checkout_completed' }, locale: 'en' }, answers, true, new Date(Date.UTC(2026, 10, 27, 10, 0, 0, ++created)));
}

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const ids = (responses: SurveyResponse[]) => responses.map((one) => one.id);

let outbox: Outbox;
let emitter: Emitter;
let collector: FakeCollector;
let delivery: Delivery;
let events: Array<{ name: string; payload: unknown }>;

async function queue(...responses: SurveyResponse[]): Promise<SurveyResponse[]> {
  for (const one of responses) await outbox.put(one);
  return responses;
}

/** Queues responses as answers given on this page: stored, and known to the delivery as unconfirmed. */
async function queueHere(...responses: SurveyResponse[]): Promise<SurveyResponse[]> {
  for (const one of responses) delivery.unconfirmed.set(one.id, one);
  return queue(...responses);
}

beforeEach(() => {
  resetIndexedDB();
  outbox = createOutbox(() => {});
  emitter = new Emitter();
  events = [];
  for (const name of ['delivered', 'error'] as const) emitter.on(name, (payload) => events.push({ name, payload }));
  collector = installCollector();
  delivery = new Delivery({ endpoint: '/api/earshot', outbox, emitter });
});

afterEach(() => {
  delivery.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Delivery.flush', () => {
  it('sends everything queued in one batch, oldest first, and empties the outbox after a 2xx', async () => {
    const sent = await queue(response(), response(), response());
    await delivery.flush();
    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]).toMatchObject({ url: '/api/earshot', method: 'POST', keepalive: false });
    expect(collector.requests[0].body.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(collector.received()).toEqual(sent);
    expect(await outbox.list()).toEqual([]);
  });

  it('emits delivered with the ids of each delivered batch', async () => {
    const sent = await queue(response(), response());
    await delivery.flush();
    expect(events).toEqual([{ name: 'delivered', payload: { responseIds: ids(sent) } }]);
  });

  it('sends nothing when the outbox is empty', async () => {
    await delivery.flush();
    expect(collector.requests).toEqual([]);
    expect(events).toEqual([]);
  });

  it('counts a 409 as delivered', async () => {
    await queue(response());
    collector.script(409);
    await delivery.flush();
    expect(await outbox.list()).toEqual([]);
    expect(events.map((event) => event.name)).toEqual(['delivered']);
  });

  it('sends 120 responses in batches of at most 50, each response once', async () => {
    const sent = await queue(...Array.from({ length: 120 }, () => response()));
    await delivery.flush();
    expect(collector.requests.map((request) => request.body.responses.length)).toEqual([50, 50, 20]);
    expect(ids(collector.received())).toEqual(ids(sent));
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps each request body under about 32 KB', async () => {
    const sent = await queue(...Array.from({ length: 10 }, () => response(9_000)));
    await delivery.flush();
    expect(collector.requests.length).toBeGreaterThan(2);
    for (const request of collector.requests) expect(request.bytes).toBeLessThanOrEqual(32 * 1024);
    expect(ids(collector.received())).toEqual(ids(sent));
  });

  it('keeps the responses in the outbox until the collector answers 2xx', async () => {
    const [queued] = await queue(response());
    collector.hold();
    const flushed = delivery.flush();
    await settle();
    expect(collector.requests).toHaveLength(1);
    expect(await outbox.list()).toEqual([queued]);
    collector.release();
    await flushed;
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps and later sends a version stored while the older one was in flight', async () => {
    const [first] = await queue(response());
    collector.hold();
    const flushed = delivery.flush();
    await settle();
    const revised = reviseResponse(first, survey, { score: 10, reason: 'changed my mind' }, true);
    await outbox.put(revised);
    const again = delivery.flush();
    collector.release();
    await Promise.all([flushed, again]);
    expect(collector.received()).toEqual([first, revised]);
    expect(await outbox.list()).toEqual([]);
  });

  it('never sends the same batch twice at once when flush() is called concurrently', async () => {
    const sent = await queue(response(), response(), response());
    collector.hold();
    const calls = [delivery.flush(), delivery.flush()];
    await settle();
    const later = await queue(response());
    calls.push(delivery.flush(), delivery.flush());
    await settle();
    collector.release();
    await Promise.all(calls);
    await settle();
    expect(collector.maxInFlight).toBe(1);
    expect(ids(collector.received()).sort()).toEqual(ids([...sent, ...later]).sort());
    expect(await outbox.list()).toEqual([]);
  });

  it('resolves, never rejects, when the network is down, and keeps the responses', async () => {
    useFakeClock();
    const queued = await queue(response());
    collector.script('network-error');
    await expect(delivery.flush()).resolves.toBeUndefined();
    expect(await outbox.list()).toEqual(queued);
    expect(events).toEqual([
      { name: 'error', payload: { code: 'network', message: expect.stringContaining('Failed to fetch'), responseIds: ids(queued) } },
    ]);
  });
});

describe('Delivery retries', () => {
  beforeEach(useFakeClock);

  /** Lets the next timer fire and the pass it starts finish. */
  async function nextTimer(): Promise<void> {
    await vi.advanceTimersToNextTimerAsync();
    await settle();
  }

  it('after a 503 keeps the responses and retries 0.5–1 s later', async () => {
    const queued = await queue(response(), response());
    collector.script(503);
    await delivery.flush();
    expect(await outbox.list()).toEqual(queued);
    expect(events).toEqual([{ name: 'error', payload: { code: 'network', message: expect.stringContaining('HTTP 503'), responseIds: ids(queued) } }]);

    await vi.advanceTimersByTimeAsync(499);
    await settle();
    expect(collector.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(501);
    await settle();
    expect(collector.requests).toHaveLength(2);
    expect(await outbox.list()).toEqual([]);
    expect(events.at(-1)).toEqual({ name: 'delivered', payload: { responseIds: ids(queued) } });
  });

  it('drops nothing when the server answers 503 three times, backing off longer each time', async () => {
    const queued = await queue(response(), response(), response());
    collector.script(503, 503, 503);
    await delivery.flush();
    for (let retry = 0; retry < 3; retry++) await nextTimer();
    const at = collector.requests.map((request) => request.at);
    expect(at).toHaveLength(4);
    const gaps = at.slice(1).map((time, index) => time - at[index]);
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[0]).toBeLessThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeLessThanOrEqual(2000);
    expect(gaps[2]).toBeGreaterThanOrEqual(2000);
    expect(gaps[2]).toBeLessThanOrEqual(4000);
    expect(ids(collector.requests[3].body.responses)).toEqual(ids(queued));
    expect(await outbox.list()).toEqual([]);
  });

  it('waits at most 5 minutes between attempts during a long outage', async () => {
    await queue(response());
    collector.script(...Array.from({ length: 12 }, () => 500));
    await delivery.flush();
    for (let retry = 0; retry < 12; retry++) await nextTimer();
    const at = collector.requests.map((request) => request.at);
    expect(at).toHaveLength(13);
    const gaps = at.slice(1).map((time, index) => time - at[index]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);
    expect(await outbox.list()).toEqual([]);
  });

  it('retries after a network error', async () => {
    await queue(response());
    collector.script('network-error');
    await delivery.flush();
    await nextTimer();
    expect(collector.requests).toHaveLength(2);
    expect(await outbox.list()).toEqual([]);
  });

  it('honours Retry-After: no request before it, one right after', async () => {
    await queue(response());
    collector.script({ status: 503, headers: { 'Retry-After': '30' } });
    await delivery.flush();
    await vi.advanceTimersByTimeAsync(29_999);
    await settle();
    expect(collector.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(collector.requests).toHaveLength(2);
    expect(collector.requests[1].at - collector.requests[0].at).toBe(30_000);
    expect(await outbox.list()).toEqual([]);
  });

  it('still backs off when a failing server says Retry-After: 0, instead of retrying in a tight loop', async () => {
    await queue(response());
    collector.script(...Array.from({ length: 5 }, () => ({ status: 503, headers: { 'Retry-After': '0' } })));
    await delivery.flush();
    for (let step = 0; step < 10; step++) {
      await vi.advanceTimersByTimeAsync(10);
      await settle();
    }
    expect(collector.requests).toHaveLength(1);
  });

  it('honours Retry-After from a 429 also when a new answer is queued meanwhile', async () => {
    await queue(response());
    collector.script({ status: 429, headers: { 'Retry-After': '60' } });
    await delivery.flush();
    // What the controller does when the visitor answers another question.
    await queue(response());
    delivery.flushSoon(1000);
    await vi.advanceTimersByTimeAsync(59_000);
    await settle();
    expect(collector.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(collector.requests).toHaveLength(2);
    expect(await outbox.list()).toEqual([]);
  });

  it('sets a batch aside on a 400: no retry, an error event with code rejected, and the next batch still goes', async () => {
    const refused = await queue(...Array.from({ length: 50 }, () => response()));
    const accepted = await queue(response(), response());
    collector.script(400);
    await delivery.flush();
    expect(collector.requests.map((request) => request.body.responses.length)).toEqual([50, 2]);
    expect(events).toEqual([
      { name: 'error', payload: { code: 'rejected', message: expect.stringContaining('HTTP 400'), responseIds: ids(refused) } },
      { name: 'delivered', payload: { responseIds: ids(accepted) } },
    ]);
    expect(await outbox.list()).toEqual([]);
    const deadLetters = (await entries<string, SurveyResponse>(createStore(DEAD_LETTER_DB, 'responses'))).map(([, kept]) => kept);
    expect(ids(deadLetters).sort()).toEqual(ids(refused).sort());
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(collector.requests).toHaveLength(2);
  });

  it('stops retrying after stop()', async () => {
    await queue(response());
    collector.script(503);
    await delivery.flush();
    delivery.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(collector.requests).toHaveLength(1);
    await delivery.flush();
    expect(collector.requests).toHaveLength(1);
  });
});

describe('Delivery.flushSoon', () => {
  beforeEach(useFakeClock);

  it('sends answers given in quick succession in one request after the delay', async () => {
    await queue(response());
    delivery.flushSoon(1000);
    await vi.advanceTimersByTimeAsync(500);
    await queue(response());
    delivery.flushSoon(1000);
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect(collector.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(collector.requests.map((request) => request.body.responses.length)).toEqual([2]);
  });
});

describe('Delivery.flushOnHide', () => {
  it('sends with keepalive', async () => {
    const queued = await queueHere(response(), response());
    await delivery.flushOnHide();
    expect(collector.requests.map((request) => request.keepalive)).toEqual([true]);
    expect(collector.received()).toEqual(queued);
    expect(await outbox.list()).toEqual([]);
  });

  it('sends at most 48 KB of bodies and keeps the rest queued', async () => {
    const queued = await queueHere(...Array.from({ length: 8 }, () => response(10_000)));
    await delivery.flushOnHide();
    const total = collector.requests.reduce((sum, request) => sum + request.bytes, 0);
    expect(collector.requests.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
    expect(KEEPALIVE_MAX_BYTES).toBeLessThanOrEqual(48_000);
    const left = await outbox.list();
    expect(left.length).toBeGreaterThan(0);
    expect(ids([...collector.received(), ...left]).sort()).toEqual(ids(queued).sort());
  });

  it('counts bytes, not characters, against the 48 KB budget', async () => {
    // About 26,000 characters but 50,000 bytes in the first batch.
    await queueHere(...Array.from({ length: 5 }, () => response(6_000, 'é')));
    await delivery.flushOnHide();
    const total = collector.requests.reduce((sum, request) => sum + request.bytes, 0);
    expect(total).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
  });

  it('sends what fits within the budget when answers are in a script of 3-byte characters', async () => {
    // Six responses of about 9 KB each: five fit in 48 KB, all six do not.
    await queueHere(...Array.from({ length: 6 }, () => response(3_000, '日')));
    await delivery.flushOnHide();
    expect(collector.requests.length).toBeGreaterThan(0);
    const total = collector.requests.reduce((sum, request) => sum + request.bytes, 0);
    expect(total).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
  });

  it('sends once when the page fires both visibilitychange and pagehide', async () => {
    await queueHere(response());
    await Promise.all([delivery.flushOnHide(), delivery.flushOnHide()]);
    expect(collector.requests).toHaveLength(1);
  });

  it('sends only what this page stored, reading no IndexedDB (WebKit freezes reads begun at pagehide)', async () => {
    await queue(response());
    const [mine] = await queueHere(response());
    await delivery.flushOnHide();
    expect(ids(collector.received())).toEqual([mine.id]);
  });

  it('does not send again what a regular flush already delivered', async () => {
    await queueHere(response());
    await delivery.flush();
    await delivery.flushOnHide();
    expect(collector.requests).toHaveLength(1);
  });

  it('keeps the responses and schedules no retry when the last-chance send fails', async () => {
    useFakeClock();
    const queued = await queueHere(response());
    collector.script(503);
    await delivery.flushOnHide();
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(collector.requests).toHaveLength(1);
    expect(await outbox.list()).toEqual(queued);
  });
});

describe('toBatches', () => {
  it('keeps responses in order, with at most 50 per batch', () => {
    const responses = Array.from({ length: 101 }, () => response());
    const batches = toBatches(responses);
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 1]);
    expect(batches.flat()).toEqual(responses);
  });

  it('puts a single response larger than the limit in a batch of its own', () => {
    // Made by hand: createResponse cuts text to its maxLength (10,000 here), so no answer gets this long.
    const huge = { ...response(), answers: { score: 9, reason: 'a'.repeat(40_000) } };
    const batches = toBatches([response(), huge, response()]);
    expect(batches.map((batch) => batch.length)).toEqual([1, 1, 1]);
    expect(batches[1]).toEqual([huge]);
  });

  it('keeps each batch under about 32 KB when answers are in a script of 3-byte characters', () => {
    const batches = toBatches(Array.from({ length: 10 }, () => response(3_000, '日')));
    for (const batch of batches) expect(utf8(batch)).toBeLessThanOrEqual(32 * 1024);
  });

  it('gives no batch for no responses', () => {
    expect(toBatches([])).toEqual([]);
  });
});
