// Tabs take turns delivering. happy-dom has no `navigator.locks`, like browsers before it (Safari
// before 15.4): there the SDK takes turns through a lease record in IndexedDB. Two Delivery
// objects on one fake IndexedDB stand for two tabs of a site.
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Delivery } from '../../../src/core/delivery/delivery.js';
import { Emitter } from '../../../src/core/emitter.js';
import { LEASE_DB, LEASE_MS, LOCK_NAME, type Lease } from '../../../src/core/delivery/lock.js';
import { createOutbox } from '../../../src/core/delivery/outbox.js';
import { createResponse } from '../../../src/core/delivery/response.js';
import type { Survey, SurveyResponse } from '../../../src/core/types.js';
import { installCollector, installLocks, resetIndexedDB, settle, useFakeClock, type FakeCollector } from '../../support/fakes.js';

const survey: Survey = { id: 'nps', questions: [{ id: 'score', type: 'nps', text: 'How likely…?' }] };
const response = (score: number): SurveyResponse => createResponse({ survey, trigger: { manual: true }, locale: 'en' }, { score }, true);

let collector: FakeCollector;
const tabs: Delivery[] = [];

/** A tab: its own outbox object and delivery, on the shared IndexedDB. */
function openTab(): { delivery: Delivery; put: (one: SurveyResponse) => Promise<void> } {
  const outbox = createOutbox(() => {});
  const delivery = new Delivery({ endpoint: '/api/earshot', ttlDays: 7, credentials: 'omit', outbox, emitter: new Emitter() });
  tabs.push(delivery);
  return { delivery, put: (one) => outbox.put(one) };
}

const lease = () => get<Lease | undefined>('lease', createStore(LEASE_DB, 'lease'));
const sentIds = () => collector.received().map((one) => one.id);

beforeEach(() => {
  resetIndexedDB();
  collector = installCollector();
});

afterEach(() => {
  for (const tab of tabs.splice(0)) tab.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('taking turns without navigator.locks (IndexedDB lease)', () => {
  it('has no navigator.locks here, as in the browsers this fallback is for', () => {
    expect(navigator.locks).toBeFalsy();
  });

  it('lets one tab deliver at a time: the other waits, then finds the outbox emptied, and each response is sent once', async () => {
    const a = openTab();
    const b = openTab();
    const queued = [response(1), response(2), response(3)];
    for (const one of queued) await a.put(one);
    collector.hold();
    const first = a.delivery.flush();
    const second = b.delivery.flush();
    await settle();
    expect(collector.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(collector.requests).toHaveLength(1);
    collector.release();
    await Promise.all([first, second]);
    expect(collector.maxInFlight).toBe(1);
    expect(sentIds().sort()).toEqual(queued.map((one) => one.id).sort());
  });

  it('frees the lease after delivering: nothing is held while idle, and another tab goes at once', async () => {
    useFakeClock();
    const a = openTab();
    const b = openTab();
    await a.put(response(5));
    await a.delivery.flush();
    expect(collector.requests).toHaveLength(1);
    expect((await lease())!.until).toBeLessThanOrEqual(Date.now());
    // No timer moves: a tab that had to wait for the lease would not send.
    await b.put(response(6));
    void b.delivery.flush();
    await settle();
    expect(collector.requests).toHaveLength(2);
  });

  it('waits out the lease of a tab that died while delivering, then delivers', async () => {
    useFakeClock();
    await set('lease', { owner: 'a tab that was closed', until: Date.now() + LEASE_MS }, createStore(LEASE_DB, 'lease'));
    const a = openTab();
    await a.put(response(7));
    const flushed = a.delivery.flush();
    await vi.advanceTimersByTimeAsync(LEASE_MS - 500);
    await settle();
    expect(collector.requests).toHaveLength(0);
    for (let step = 0; step < 4; step++) {
      await vi.advanceTimersByTimeAsync(250);
      await settle();
    }
    await flushed;
    expect(collector.requests).toHaveLength(1);
  });

  it('renews the lease during a delivery longer than the lease, so no other tab starts meanwhile', async () => {
    useFakeClock();
    const a = openTab();
    const b = openTab();
    await a.put(response(8));
    collector.hold();
    const first = a.delivery.flush();
    await settle();
    expect(collector.requests).toHaveLength(1);
    await b.put(response(9));
    const second = b.delivery.flush();
    for (let step = 0; step < 12; step++) {
      await vi.advanceTimersByTimeAsync(LEASE_MS / 4);
      await settle();
    }
    expect(collector.requests).toHaveLength(1);
    collector.release();
    await first;
    for (let step = 0; step < 4; step++) {
      await vi.advanceTimersByTimeAsync(250);
      await settle();
    }
    await second;
    expect(collector.maxInFlight).toBe(1);
    expect(collector.requests).toHaveLength(2);
  });

  it('delivers without a lease when IndexedDB is missing (the outbox is then in memory, which no other tab sees)', async () => {
    const real = globalThis.indexedDB;
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    try {
      const a = openTab();
      const one = response(4);
      await a.put(one);
      await a.delivery.flush();
      expect(sentIds()).toEqual([one.id]);
    } finally {
      globalThis.indexedDB = real;
    }
  });
});

describe('taking turns with navigator.locks', () => {
  it('asks for the earshot-delivery lock and writes no lease', async () => {
    const removeLocks = installLocks();
    try {
      const request = vi.spyOn(navigator.locks!, 'request');
      const a = openTab();
      await a.put(response(6));
      await a.delivery.flush();
      expect(request).toHaveBeenCalledWith(LOCK_NAME, expect.any(Function));
      expect(collector.requests).toHaveLength(1);
      expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(LEASE_DB);
    } finally {
      removeLocks();
    }
  });
});
