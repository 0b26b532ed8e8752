import { createStore, entries } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, DATABASE_LIST_WAIT_MS, DEAD_LETTER_DB, EVENTS_DB, OUTBOX_DB } from '../../../src/core/delivery/outbox.js';
import { createResponse, reviseResponse } from '../../../src/core/delivery/response.js';
import type { DeadLetter, ImpressionEvent, Survey, SurveyResponse } from '../../../src/core/types.js';
import { resetIndexedDB } from '../../support/fakes.js';

const survey: Survey = { id: 'nps', questions: [{ id: 'score', type: 'nps', text: 'How likely…?' }] };

function response(score: number, createdAt: string): SurveyResponse {
  return createResponse({ survey, trigger: { event: 'checkout_completed' }, locale: 'en' }, { score }, false, new Date(createdAt));
}

/** What a second page (a reload, another tab) finds in the database. */
async function storedOnDisk<T = SurveyResponse>(database: string): Promise<T[]> {
  return (await entries<string, T>(createStore(database, 'responses'))).map(([, stored]) => stored);
}

describe('createOutbox with IndexedDB', () => {
  beforeEach(resetIndexedDB);

  it('lists what was put, oldest first', async () => {
    const outbox = createOutbox(() => {});
    const late = response(1, '2026-01-01T10:00:02.000Z');
    const early = response(2, '2026-01-01T10:00:01.000Z');
    await outbox.put(late);
    await outbox.put(early);
    expect(await outbox.list()).toEqual([early, late]);
  });

  it('keeps what was put on disk, where a new outbox (after a reload) finds it', async () => {
    const stored = response(7, '2026-01-01T10:00:00.000Z');
    await createOutbox(() => {}).put(stored);
    expect(await createOutbox(() => {}).list()).toEqual([stored]);
    expect(await storedOnDisk(OUTBOX_DB)).toEqual([stored]);
  });

  it('lists nothing when empty', async () => {
    expect(await createOutbox(() => {}).list()).toEqual([]);
  });

  it('creates no database by reading an outbox no page ever wrote to (a visitor who never answered keeps no empty databases)', async () => {
    const outbox = createOutbox(() => {});
    expect(await outbox.list()).toEqual([]);
    expect(await outbox.events()).toEqual([]);
    const names = (await indexedDB.databases()).map(({ name }) => name);
    expect(names).not.toContain(OUTBOX_DB);
    expect(names).not.toContain(EVENTS_DB);
    // Once a page wrote, every later page reads what it left.
    const stored = response(3, '2026-01-01T10:00:00.000Z');
    await createOutbox(() => {}).put(stored);
    expect(await outbox.list()).toEqual([stored]);
    expect(await createOutbox(() => {}).list()).toEqual([stored]);
  });

  it('asks the browser for its list of databases once when the answers and the events are read together', async () => {
    const databases = vi.spyOn(indexedDB, 'databases');
    const outbox = createOutbox(() => {});
    expect(await Promise.all([outbox.list(), outbox.events()])).toEqual([[], []]);
    expect(databases).toHaveBeenCalledTimes(1);
    // A later pass asks again: another tab may have written since.
    await outbox.list();
    expect(databases).toHaveBeenCalledTimes(2);
  });

  it('reads the outbox where the browser cannot list the site’s databases (Firefox before 126)', async () => {
    const stored = response(4, '2026-01-01T10:00:00.000Z');
    await createOutbox(() => {}).put(stored);
    // The page's own `indexedDB` without the method its prototype gives.
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true });
    try {
      expect(await createOutbox(() => {}).list()).toEqual([stored]);
    } finally {
      delete (indexedDB as { databases?: unknown }).databases;
    }
  });

  it('reads the outbox when the browser’s list of databases does not answer (some Safari 14 releases hang)', async () => {
    const stored = response(5, '2026-01-01T10:00:00.000Z');
    await createOutbox(() => {}).put(stored);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    Object.defineProperty(indexedDB, 'databases', { value: () => new Promise(() => {}), configurable: true });
    try {
      const listing = createOutbox(() => {}).list();
      await vi.advanceTimersByTimeAsync(DATABASE_LIST_WAIT_MS);
      vi.useRealTimers();
      expect(await listing).toEqual([stored]);
    } finally {
      vi.useRealTimers();
      delete (indexedDB as { databases?: unknown }).databases;
    }
  });

  it('keeps one record per id: a newer version replaces the older', async () => {
    const outbox = createOutbox(() => {});
    const first = response(3, '2026-01-01T10:00:00.000Z');
    const second = reviseResponse(first, survey, { score: 8 }, true);
    await outbox.put(first);
    await outbox.put(second);
    expect(await outbox.list()).toEqual([second]);
  });

  it('removes the versions it is given (delivered or expired)', async () => {
    const outbox = createOutbox(() => {});
    const a = response(1, '2026-01-01T10:00:00.000Z');
    const b = response(2, '2026-01-01T10:00:01.000Z');
    await outbox.put(a);
    await outbox.put(b);
    await outbox.remove([a]);
    expect(await outbox.list()).toEqual([b]);
  });

  it('keeps a response revised after the delivered version was sent', async () => {
    const outbox = createOutbox(() => {});
    const sent = response(3, '2026-01-01T10:00:00.000Z');
    const revised = reviseResponse(sent, survey, { score: 9 }, true);
    await outbox.put(sent);
    await outbox.put(revised);
    await outbox.remove([sent]);
    expect(await outbox.list()).toEqual([revised]);
  });

  it('ignores delivered responses it does not hold', async () => {
    const outbox = createOutbox(() => {});
    const kept = response(1, '2026-01-01T10:00:00.000Z');
    await outbox.put(kept);
    await outbox.remove([response(2, '2026-01-01T10:00:01.000Z')]);
    expect(await outbox.list()).toEqual([kept]);
  });

  it('moves refused responses out of the queue into the dead-letter store, with the status and when', async () => {
    const outbox = createOutbox(() => {});
    const refused = response(1, '2026-01-01T10:00:00.000Z');
    const other = response(2, '2026-01-01T10:00:01.000Z');
    await outbox.put(refused);
    await outbox.put(other);
    const before = Date.now();
    await outbox.deadLetter([refused], 400);
    expect(await outbox.list()).toEqual([other]);
    const [letter, ...more] = await storedOnDisk<DeadLetter>(DEAD_LETTER_DB);
    expect(more).toEqual([]);
    expect(letter).toEqual({ response: refused, status: 400, rejectedAt: expect.any(String) });
    expect(Date.parse(letter.rejectedAt)).toBeGreaterThanOrEqual(before);
  });

  it('keeps a version revised after the refused one was sent in the queue', async () => {
    const outbox = createOutbox(() => {});
    const refused = response(3, '2026-01-01T10:00:00.000Z');
    const revised = reviseResponse(refused, survey, { score: 9 }, true);
    await outbox.put(refused);
    await outbox.put(revised);
    await outbox.deadLetter([refused], 422);
    expect(await outbox.list()).toEqual([revised]);
  });

  it('lists dead letters, oldest refusal first, also to a later page', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const outbox = createOutbox(() => {});
      const a = response(1, '2026-01-01T10:00:00.000Z');
      const b = response(2, '2026-01-01T10:00:01.000Z');
      vi.setSystemTime(new Date('2026-02-01T00:00:02.000Z'));
      await outbox.deadLetter([b], 400);
      vi.setSystemTime(new Date('2026-02-01T00:00:01.000Z'));
      await outbox.deadLetter([a], 413);
      const later = createOutbox(() => {});
      expect(await later.deadLetters()).toEqual([
        { response: a, status: 413, rejectedAt: '2026-02-01T00:00:01.000Z' },
        { response: b, status: 400, rejectedAt: '2026-02-01T00:00:02.000Z' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists no dead letters when none were refused', async () => {
    expect(await createOutbox(() => {}).deadLetters()).toEqual([]);
  });

  it('does not call onFallback while IndexedDB works', async () => {
    const onFallback = vi.fn();
    const outbox = createOutbox(onFallback);
    const stored = response(1, '2026-01-01T10:00:00.000Z');
    await outbox.put(stored);
    await outbox.list();
    await outbox.remove([stored]);
    await outbox.deadLetter([], 400);
    await outbox.deadLetters();
    expect(onFallback).not.toHaveBeenCalled();
  });
});

describe('createOutbox without IndexedDB', () => {
  const real = globalThis.indexedDB;
  afterEach(() => {
    globalThis.indexedDB = real;
    resetIndexedDB();
  });

  /** Runs the outbox through its whole life; returns what it listed at each step. */
  async function exercise() {
    const onFallback = vi.fn();
    const outbox = createOutbox(onFallback);
    const a = response(1, '2026-01-01T10:00:00.000Z');
    const b = response(2, '2026-01-01T10:00:01.000Z');
    const c = response(3, '2026-01-01T10:00:02.000Z');
    await outbox.put(b);
    await outbox.put(a);
    await outbox.put(c);
    const afterPut = await outbox.list();
    const revisedA = reviseResponse(a, survey, { score: 10 }, true);
    await outbox.put(revisedA);
    await outbox.remove([a, b]);
    const afterDelivery = await outbox.list();
    await outbox.deadLetter([c], 400);
    const afterDeadLetter = await outbox.list();
    const deadLetters = await outbox.deadLetters();
    return { onFallback, a, b, c, revisedA, afterPut, afterDelivery, afterDeadLetter, deadLetters };
  }

  it('falls back to memory when indexedDB is missing, still works, and says so once', async () => {
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const run = await exercise();
    expect(run.afterPut).toEqual([run.a, run.b, run.c]);
    expect(run.afterDelivery).toEqual([run.revisedA, run.c]);
    expect(run.afterDeadLetter).toEqual([run.revisedA]);
    expect(run.deadLetters).toEqual([{ response: run.c, status: 400, rejectedAt: expect.any(String) }]);
    expect(run.onFallback).toHaveBeenCalledTimes(1);
  });

  it('falls back to memory when opening the database fails (private browsing)', async () => {
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const run = await exercise();
    expect(run.afterDelivery).toEqual([run.revisedA, run.c]);
    expect(run.onFallback).toHaveBeenCalledTimes(1);
    expect(run.onFallback.mock.calls[0][0]).toBeInstanceOf(DOMException);
  });

  it('says so once, and loses no answer, when a delivery pass and a new answer find IndexedDB missing at the same moment', async () => {
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const onFallback = vi.fn();
    const outbox = createOutbox(onFallback);
    const answer = response(1, '2026-01-01T10:00:00.000Z');
    const shown: ImpressionEvent = { id: 'e1', type: 'shown', surveyId: 'nps', at: '2026-01-01T10:00:00.000Z', trigger: { manual: true } };
    // A delivery pass reads both stores while the page stores an answer: the reads fail later (async) than the writes.
    await Promise.all([outbox.list(), outbox.events(), outbox.put(answer), outbox.putEvent(shown)]);
    expect(await outbox.list()).toEqual([answer]);
    expect(await outbox.events()).toEqual([shown]);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });
});

describe('createOutbox: shown and dismissed events', () => {
  beforeEach(resetIndexedDB);

  const event = (id: string, at: string): ImpressionEvent => ({ id, type: 'shown', surveyId: 'nps', at, trigger: { manual: true } });

  it('keeps them in a database of their own, oldest first, across pages, until removed', async () => {
    const late = event('e2', '2026-01-01T10:00:02.000Z');
    const early = event('e1', '2026-01-01T10:00:01.000Z');
    const first = createOutbox(() => {});
    await first.putEvent(late);
    await first.putEvent(early);
    await first.put(response(1, '2026-01-01T10:00:00.000Z'));
    const next = createOutbox(() => {});
    expect(await next.events()).toEqual([early, late]);
    // Apart from responses: an older SDK in another tab never reads them as responses.
    expect((await next.list()).map(({ id }) => id)).not.toContain('e1');
    expect((await entries(createStore(EVENTS_DB, 'events'))).map(([id]) => id).sort()).toEqual(['e1', 'e2']);
    await next.removeEvents([early]);
    expect(await createOutbox(() => {}).events()).toEqual([late]);
  });

  it('keeps them in memory for the page when IndexedDB is missing', async () => {
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const onFallback = vi.fn();
    const outbox = createOutbox(onFallback);
    await outbox.putEvent(event('e1', '2026-01-01T10:00:01.000Z'));
    await outbox.putEvent(event('e0', '2026-01-01T10:00:00.000Z'));
    expect((await outbox.events()).map(({ id }) => id)).toEqual(['e0', 'e1']);
    await outbox.removeEvents([event('e0', '')]);
    expect((await outbox.events()).map(({ id }) => id)).toEqual(['e1']);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });
});
