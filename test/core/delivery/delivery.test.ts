import { createStore, entries } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, Delivery, KEEPALIVE_MAX_BYTES, RETRY_CAP_MS as RETRY_CAP, toBatches, type DeliveryOptions } from '../../../src/core/delivery/delivery.js';
import { Emitter } from '../../../src/core/emitter.js';
import { createOutbox, DEAD_LETTER_DB, type Outbox } from '../../../src/core/delivery/outbox.js';
import { createResponse, reviseResponse } from '../../../src/core/delivery/response.js';
import type { Answers, DeadLetter, ImpressionEvent, Survey, SurveyResponse } from '../../../src/core/types.js';
import { installBeacon, installCollector, resetIndexedDB, settle, useFakeClock, type FakeBeacon, type FakeCollector } from '../../support/fakes.js';

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
const byId = (a: SurveyResponse, b: SurveyResponse) => a.id.localeCompare(b.id);

let outbox: Outbox;
let emitter: Emitter;
let collector: FakeCollector;
let beacon: FakeBeacon;
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
  beacon = installBeacon();
  delivery = makeDelivery();
});

/**
 * A Delivery on the shared outbox and emitter. The responses above carry fixed dates, so the time
 * to live is a century unless a test says otherwise (the time to live has tests of its own).
 */
function makeDelivery(options: Partial<DeliveryOptions> = {}): Delivery {
  return new Delivery({ endpoint: '/api/earshot', ttlDays: 36_500, credentials: 'omit', outbox, emitter, ...options });
}

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
    expect(events).toEqual([{ name: 'error', payload: { code: 'network', message: expect.stringContaining('Failed to fetch'), responseIds: ids(queued) } }]);
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
    const deadLetters = (await entries<string, DeadLetter>(createStore(DEAD_LETTER_DB, 'responses'))).map(([, kept]) => kept);
    expect(deadLetters.map((letter) => letter.response).sort(byId)).toEqual([...refused].sort(byId));
    expect(deadLetters.every((letter) => letter.status === 400)).toBe(true);
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

  it('sends up to 48 KB with keepalive fetch and the rest as text/plain beacons, each response once', async () => {
    const queued = await queueHere(...Array.from({ length: 8 }, () => response(10_000)));
    await delivery.flushOnHide();
    const keepalive = collector.requests.reduce((sum, request) => sum + request.bytes, 0);
    expect(collector.requests.length).toBeGreaterThan(0);
    expect(collector.requests.every((request) => request.keepalive)).toBe(true);
    expect(keepalive).toBeLessThanOrEqual(KEEPALIVE_MAX_BYTES);
    expect(KEEPALIVE_MAX_BYTES).toBeLessThanOrEqual(48_000);
    const beacons = await beacon.sent();
    expect(beacons.length).toBeGreaterThan(0);
    for (const sent of beacons) {
      expect(sent).toMatchObject({ url: '/api/earshot', type: 'text/plain' });
      expect(sent.body.sentAt).toEqual(expect.any(String));
    }
    const beaconed = beacons.flatMap((sent) => sent.body.responses);
    expect(ids([...collector.received(), ...beaconed]).sort()).toEqual(ids(queued).sort());
  });

  it('keeps what went by beacon queued (its answer is never seen) and delivers it on the next pass', async () => {
    await queueHere(...Array.from({ length: 8 }, () => response(10_000)));
    await delivery.flushOnHide();
    const beaconed = (await beacon.sent()).flatMap((sent) => sent.body.responses);
    expect(ids(await outbox.list()).sort()).toEqual(ids(beaconed).sort());
    const fetched = collector.requests.length;
    await delivery.flush();
    expect(ids(collector.requests.slice(fetched).flatMap((request) => request.body.responses)).sort()).toEqual(ids(beaconed).sort());
    expect(await outbox.list()).toEqual([]);
  });

  it('sends every batch at once instead of waiting for answers a closing page may never get', async () => {
    // Two batches of about 20 KB: both fit in the keepalive budget. (Made by hand: createResponse
    // cuts text to the question's maxLength, 10,000 here.)
    const large = () => ({ ...response(), answers: { score: 9, reason: 'a'.repeat(20_000) } });
    await queueHere(large(), large());
    collector.hold();
    const hiding = delivery.flushOnHide();
    await settle();
    expect(collector.requests).toHaveLength(2);
    expect(collector.maxInFlight).toBe(2);
    collector.release();
    await hiding;
    expect(await outbox.list()).toEqual([]);
  });

  it('throws nothing into the page when the browser refuses a beacon, and reports it', async () => {
    vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => {
      throw new TypeError('Beacons are not allowed here');
    });
    await queueHere(...Array.from({ length: 8 }, () => response(10_000)));
    let hiding: Promise<void> | undefined;
    expect(() => (hiding = delivery.flushOnHide())).not.toThrow();
    await hiding;
    // The keepalive fetch that went before the beacon still finishes.
    await settle();
    expect(collector.requests).toHaveLength(1);
    expect(events.filter((event) => event.name === 'error')).toEqual([
      { name: 'error', payload: { code: 'internal', message: expect.stringContaining('Beacons are not allowed here') } },
    ]);
  });

  it('neither splits nor sets aside a batch answered 413 at page hide: the next pass does', async () => {
    const queued = await queueHere(response(), response());
    collector.script(413);
    await delivery.flushOnHide();
    expect(events).toEqual([]);
    expect(await outbox.list()).toEqual(queued);
    await delivery.flush();
    expect(ids(collector.received())).toEqual(ids([...queued, ...queued]));
    expect(await outbox.list()).toEqual([]);
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

describe('Delivery and the time to live', () => {
  const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);
  /** A response whose first answer was given `days` before NOW. */
  const answeredDaysAgo = (days: number, score = 9) =>
    createResponse({ survey, trigger: { event: 'checkout_completed' }, locale: 'en' }, { score }, true, new Date(NOW - days * DAY_MS));

  beforeEach(() => {
    useFakeClock();
    vi.setSystemTime(NOW);
  });

  it('drops responses older than 7 days unsent, reports them once as expired, and delivers the others', async () => {
    delivery = makeDelivery({ ttlDays: 7 });
    const [old, fresh] = await queue(answeredDaysAgo(8), answeredDaysAgo(6.9));
    await delivery.flush();
    expect(ids(collector.received())).toEqual([fresh.id]);
    expect(await outbox.list()).toEqual([]);
    expect(events).toEqual([
      { name: 'error', payload: { code: 'expired', message: expect.stringMatching(/\b1 response.*7 days/), responseIds: [old.id] } },
      { name: 'delivered', payload: { responseIds: [fresh.id] } },
    ]);
    await delivery.flush();
    expect(events).toHaveLength(2);
  });

  it('follows a configured ttlDays', async () => {
    delivery = makeDelivery({ ttlDays: 2 });
    const [old, fresh] = await queue(answeredDaysAgo(3), answeredDaysAgo(1));
    await delivery.flush();
    expect(ids(collector.received())).toEqual([fresh.id]);
    expect(events[0]).toEqual({ name: 'error', payload: expect.objectContaining({ code: 'expired', responseIds: [old.id] }) });
  });

  it('retries without limit within the time to live, then purges once time moves past it', async () => {
    delivery = makeDelivery({ ttlDays: 7 });
    // An hour before its time to live runs out, and the collector fails every time.
    const [kept] = await queue(answeredDaysAgo(7 - 1 / 24));
    collector.script(...Array.from({ length: 100 }, () => 503 as const));
    await delivery.flush();
    while (Date.now() < NOW + 60 * 60_000 - RETRY_CAP) {
      await vi.advanceTimersToNextTimerAsync();
      await settle();
    }
    const attempts = collector.requests.length;
    expect(attempts).toBeGreaterThan(10);
    expect(await outbox.list()).toEqual([kept]);
    expect(events.some((event) => (event.payload as { code?: string }).code === 'expired')).toBe(false);
    for (let step = 0; step < 3; step++) {
      await vi.advanceTimersByTimeAsync(RETRY_CAP);
      await settle();
    }
    expect(await outbox.list()).toEqual([]);
    expect(collector.requests.length).toBeLessThanOrEqual(attempts + 1);
    const expired = events.filter((event) => (event.payload as { code?: string }).code === 'expired');
    expect(expired).toEqual([{ name: 'error', payload: expect.objectContaining({ responseIds: [kept.id] }) }]);
  });

  it('forgets an expired response on the page-hide path too', async () => {
    delivery = makeDelivery({ ttlDays: 7 });
    await queueHere(answeredDaysAgo(8));
    await delivery.flush();
    await delivery.flushOnHide();
    expect(collector.requests).toEqual([]);
    expect(await beacon.sent()).toEqual([]);
  });
});

describe('Delivery dead letters and 413', () => {
  it('keeps a refused batch with its status, and the page-hide path does not send it again', async () => {
    const refused = await queueHere(response(), response());
    collector.script(422);
    await delivery.flush();
    const letters = (await outbox.deadLetters()).sort((a, b) => byId(a.response, b.response));
    expect(letters).toEqual([...refused].sort(byId).map((one) => ({ response: one, status: 422, rejectedAt: expect.any(String) })));
    await delivery.flushOnHide();
    expect(collector.requests).toHaveLength(1);
    expect(await beacon.sent()).toEqual([]);
  });

  it('splits a batch answered 413 in halves until each part is accepted; nothing is set aside or sent twice', async () => {
    const sent = await queue(response(), response(), response(), response());
    collector.script(413, 413);
    await delivery.flush();
    expect(collector.requests.map((request) => ids(request.body.responses))).toEqual([
      ids(sent),
      ids(sent.slice(0, 2)),
      ids(sent.slice(0, 1)),
      ids(sent.slice(1, 2)),
      ids(sent.slice(2)),
    ]);
    const accepted = collector.requests.slice(2).flatMap((request) => ids(request.body.responses));
    expect(accepted.sort()).toEqual(ids(sent).sort());
    expect(events.map((event) => event.name)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.deadLetters()).toEqual([]);
  });

  it('sets aside a single response answered 413, reported as rejected', async () => {
    const [huge] = await queue(response(40_000));
    collector.script(413);
    await delivery.flush();
    expect(events).toEqual([{ name: 'error', payload: { code: 'rejected', message: expect.stringContaining('413'), responseIds: [huge.id] } }]);
    expect(await outbox.deadLetters()).toEqual([{ response: huge, status: 413, rejectedAt: expect.any(String) }]);
    expect(await outbox.list()).toEqual([]);
  });
});

describe('Delivery credentials', () => {
  it('sends cookies only when configured to, also at page hide', async () => {
    delivery = makeDelivery({ credentials: 'include' });
    await queue(response());
    await delivery.flush();
    await queueHere(response());
    await delivery.flushOnHide();
    expect(collector.requests.map((request) => [request.keepalive, request.credentials])).toEqual([
      [false, 'include'],
      [true, 'include'],
    ]);
  });

  it('sends none by default', async () => {
    await queue(response());
    await delivery.flush();
    expect(collector.requests[0].credentials).toBe('omit');
  });
});

describe('shown and dismissed events', () => {
  let made = 0;
  /** An event as a page makes it; `at` a millisecond after the last. */
  const event = (type: ImpressionEvent['type'] = 'shown'): ImpressionEvent => ({
    id: `e${++made}`,
    type,
    surveyId: survey.id,
    at: new Date(Date.UTC(2026, 10, 27, 10, 0, 0, made)).toISOString(),
    trigger: { event: 'checkout_completed' },
  });
  /** Events this page made: stored, and known to the delivery. */
  async function queueEventsHere(...made: ImpressionEvent[]): Promise<ImpressionEvent[]> {
    for (const one of made) {
      delivery.addEvent(one);
      await outbox.putEvent(one);
    }
    return made;
  }
  const sentEvents = () => collector.requests.flatMap((request) => request.body.events ?? []);

  it("ride with this page's answers, after them, and leave the outbox once delivered", async () => {
    const [answer] = await queueHere(response());
    const made = await queueEventsHere(event(), event('dismissed'));
    await delivery.flush();
    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0].body.responses).toEqual([answer]);
    expect(collector.requests[0].body.events).toEqual(made);
    expect(await outbox.events()).toEqual([]);
    // Only responses are `delivered` events of the API.
    expect(events).toEqual([{ name: 'delivered', payload: { responseIds: [answer.id] } }]);
  });

  it("alone, this page's events wait: flush() sends nothing, flush(everything) and page hide send them", async () => {
    const made = await queueEventsHere(event());
    await delivery.flush();
    expect(collector.requests).toEqual([]);
    await delivery.flush(true);
    expect(collector.requests.map((request) => [request.body.responses, request.body.events])).toEqual([[[], made]]);

    const more = await queueEventsHere(event('dismissed'));
    await delivery.flushOnHide();
    expect(collector.requests.at(-1)).toMatchObject({ keepalive: true, body: { responses: [], events: more } });
    expect(await outbox.events()).toEqual([]);
  });

  it('events an earlier page left go on the next pass, alone if need be', async () => {
    const left = event();
    await outbox.putEvent(left);
    await delivery.flush();
    expect(sentEvents()).toEqual([left]);
  });

  it("never take an answer's place: answers fill batches first, events follow in the room the last one leaves", async () => {
    const answers = Array.from({ length: 60 }, () => response());
    const made = Array.from({ length: 130 }, () => event());
    const batches = toBatches(answers, made);
    expect(batches.map((batch) => [batch.responses.length, batch.events.length])).toEqual([
      [50, 0],
      [10, 100],
      [0, 30],
    ]);
    expect(batches.flatMap((batch) => batch.events)).toEqual(made);
  });

  it('a batch refused with events is sent again without them: the answers are never lost to them', async () => {
    const [answer] = await queueHere(response());
    await queueEventsHere(event());
    collector.script(400);
    await delivery.flush();
    expect(collector.requests.map((request) => [request.body.responses.length, request.body.events?.length ?? 0])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(events).toEqual([
      { name: 'error', payload: { code: 'rejected', message: 'HTTP 400: events refused by the collector; dropped' } },
      { name: 'delivered', payload: { responseIds: [answer.id] } },
    ]);
    expect(await outbox.events()).toEqual([]);
    expect(await outbox.deadLetters()).toEqual([]);
  });

  it('answers refused again when sent alone are set aside and reported once, with their ids; the events are dropped', async () => {
    const [answer] = await queueHere(response());
    await queueEventsHere(event());
    collector.script(400, 400);
    await delivery.flush();
    expect(collector.requests.map((request) => [request.body.responses.length, request.body.events?.length ?? 0])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(events).toEqual([
      {
        name: 'error',
        payload: { code: 'rejected', message: 'HTTP 400: refused by the collector; set aside, not retried', responseIds: [answer.id] },
      },
    ]);
    expect((await outbox.deadLetters()).map((letter) => letter.response)).toEqual([answer]);
    expect(await outbox.events()).toEqual([]);
  });

  it('a batch with events answered 413 sends its answers again alone, unreported; the events wait for the next batch', async () => {
    const answers = await queueHere(response(), response());
    const made = await queueEventsHere(event(), event('dismissed'));
    collector.script(413);
    await delivery.flush();
    expect(collector.requests.map((request) => [ids(request.body.responses), request.body.events ?? []])).toEqual([
      [ids(answers), made],
      [ids(answers), []],
    ]);
    expect(events).toEqual([{ name: 'delivered', payload: { responseIds: ids(answers) } }]);
    expect(await outbox.events()).toEqual(made);
    await delivery.flushOnHide();
    expect(collector.requests.at(-1)?.body).toMatchObject({ responses: [], events: made });
    expect(await outbox.events()).toEqual([]);
  });

  it('events alone answered 413 are dropped and reported, as any refusal of them (no answer waits for them)', async () => {
    await queueEventsHere(event(), event());
    collector.script(413);
    await delivery.flush(true);
    expect(collector.requests).toHaveLength(1);
    expect(events).toEqual([{ name: 'error', payload: { code: 'rejected', message: 'HTTP 413: events refused by the collector; dropped' } }]);
    expect(await outbox.events()).toEqual([]);
  });

  it('are kept, with their ids, while delivery fails, and retried with the answers', async () => {
    await queueHere(response());
    const made = await queueEventsHere(event());
    collector.script(503);
    await delivery.flush();
    expect(await outbox.events()).toEqual(made);
    await delivery.flush();
    expect(collector.requests.map((request) => request.body.events)).toEqual([made, made]);
    expect(await outbox.events()).toEqual([]);
  });

  it('past the time to live are dropped unsent, without an error event (they are only counts)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 27 + 8) });
    const old = event();
    await outbox.putEvent(old);
    delivery = makeDelivery({ ttlDays: 7 });
    await delivery.flush(true);
    expect(collector.requests).toEqual([]);
    expect(await outbox.events()).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('toBatches', () => {
  it('keeps responses in order, with at most 50 per batch', () => {
    const responses = Array.from({ length: 101 }, () => response());
    const batches = toBatches(responses);
    expect(batches.map((batch) => batch.responses.length)).toEqual([50, 50, 1]);
    expect(batches.flatMap((batch) => batch.responses)).toEqual(responses);
  });

  it('puts a single response larger than the limit in a batch of its own', () => {
    // Made by hand: createResponse cuts text to its maxLength (10,000 here), so no answer gets this long.
    const huge = { ...response(), answers: { score: 9, reason: 'a'.repeat(40_000) } };
    const batches = toBatches([response(), huge, response()]);
    expect(batches.map((batch) => batch.responses.length)).toEqual([1, 1, 1]);
    expect(batches[1].responses).toEqual([huge]);
  });

  it('keeps each batch under about 32 KB when answers are in a script of 3-byte characters', () => {
    const batches = toBatches(Array.from({ length: 10 }, () => response(3_000, '日')));
    for (const batch of batches) expect(utf8(batch.responses)).toBeLessThanOrEqual(32 * 1024);
  });

  it('gives no batch for no responses', () => {
    expect(toBatches([])).toEqual([]);
  });
});
