import { delMany, entries, promisifyRequest, setMany, set, values, type UseStore } from 'idb-keyval';
import { createStore } from './idb.js';
import { settledWithin } from '../settled-within.js';
import type { DeadLetter, ImpressionEvent, SurveyResponse } from '../types.js';

export const OUTBOX_DB = 'earshot';
export const DEAD_LETTER_DB = 'earshot-dead-letters';
/** `shown` and `dismissed` events, apart from responses: an older SDK in another tab reads only its own store. */
export const EVENTS_DB = 'earshot-events';

/** Responses waiting for delivery, one record per response id, written before any network attempt. */
export interface Outbox {
  /** Stores this version of a response, replacing an older one with the same id. */
  put(response: SurveyResponse): Promise<void>;
  /** Every queued response, oldest first. */
  list(): Promise<SurveyResponse[]>;
  /** Removes these versions (delivered or expired), unless a newer version was stored meanwhile. */
  remove(sent: readonly SurveyResponse[]): Promise<void>;
  /** Moves versions the collector refused for good (with `status`) out of the queue, keeping them for inspection. */
  deadLetter(refused: readonly SurveyResponse[], status: number): Promise<void>;
  /** What was refused, oldest refusal first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Stores a `shown` or `dismissed` event until it is delivered. */
  putEvent(event: ImpressionEvent): Promise<void>;
  /** Every queued event, oldest first. */
  events(): Promise<ImpressionEvent[]>;
  /** Removes events (delivered, expired or refused). */
  removeEvents(sent: readonly ImpressionEvent[]): Promise<void>;
}

/** How long the browser's list of databases is waited for before the outbox is read anyway. */
export const DATABASE_LIST_WAIT_MS = 1000;

/**
 * The names of the site's databases, or `undefined` where the browser cannot tell: without the
 * list (Firefox before 126), when it fails, or when it does not answer in time (some Safari 14
 * releases hang IndexedDB's first calls).
 */
async function siteDatabases(): Promise<(string | undefined)[] | undefined> {
  try {
    const listing = indexedDB.databases?.();
    const listed = listing && (await settledWithin(listing, DATABASE_LIST_WAIT_MS));
    return listed?.map((database) => database.name);
  } catch {
    // The read that follows finds out, and falls back to memory if it must.
    return undefined;
  }
}

/**
 * The outbox in IndexedDB (through idb-keyval), falling back to memory for the rest of the page
 * when IndexedDB is missing or fails, so that answers are still delivered; `onFallback` is told once.
 */
export function createOutbox(onFallback: (error: unknown) => void): Outbox {
  // Opened on first use: importing Earshot costs nothing until there is something to store.
  let queue: UseStore | undefined;
  let deadLetters: UseStore | undefined;
  let events: UseStore | undefined;
  let memory: Map<string, SurveyResponse> | undefined;
  /** Dead letters of this page once IndexedDB failed. */
  const refusedHere = new Map<string, DeadLetter>();
  /** Events of this page once IndexedDB failed. */
  const eventsHere = new Map<string, ImpressionEvent>();
  /** Databases this page wrote to, or found among the site's. */
  const existing = new Set<string>();
  /** The site's list of databases while it is asked for: the answers and the events read together ask once. */
  let listing: ReturnType<typeof siteDatabases> | undefined;
  /**
   * Whether database `name` may hold anything. Opening one to read it creates it, and costs the
   * page's main thread about a millisecond: on the pages of a visitor who never answered, the
   * outbox's databases do not exist, and the site's list says so without opening one. Where the
   * browser cannot tell, it is read.
   */
  const mayHoldAnything = async (name: string): Promise<boolean> => {
    if (existing.has(name)) return true;
    const names = await (listing ??= siteDatabases().finally(() => (listing = undefined)));
    if (names && !names.includes(name)) return false;
    existing.add(name);
    return true;
  };
  const eventStore = () => (events ??= createStore(EVENTS_DB, 'events'));

  const stores = () => {
    queue ??= createStore(OUTBOX_DB, 'responses');
    deadLetters ??= createStore(DEAD_LETTER_DB, 'responses');
    return { queue, deadLetters };
  };

  async function withFallback<T>(stored: () => Promise<T>, inMemory: (map: Map<string, SurveyResponse>) => T): Promise<T> {
    if (!memory) {
      try {
        return await stored();
      } catch (error) {
        // Calls begun together (the answers and the events) fail together: one map, one report.
        if (!memory) {
          memory = new Map();
          onFallback(error);
        }
      }
    }
    return inMemory(memory);
  }

  const remove = (sent: readonly SurveyResponse[]) =>
    withFallback(
      () =>
        stores().queue('readwrite', (store) => {
          // Read and delete in one transaction, so a version stored meanwhile by this or another tab survives.
          for (const response of sent) {
            const request = store.get(response.id);
            request.onsuccess = () => {
              if ((request.result as SurveyResponse | undefined)?.updatedAt === response.updatedAt) store.delete(response.id);
            };
          }
          return promisifyRequest(store.transaction);
        }),
      (map) => {
        for (const response of sent) if (map.get(response.id)?.updatedAt === response.updatedAt) map.delete(response.id);
      },
    );

  return {
    put: (response) =>
      withFallback(
        () => (existing.add(OUTBOX_DB), set(response.id, response, stores().queue)),
        (map) => void map.set(response.id, response),
      ),

    list: () =>
      withFallback(
        async () => ((await mayHoldAnything(OUTBOX_DB)) ? (await entries<string, SurveyResponse>(stores().queue)).map(([, response]) => response) : []),
        (map) => [...map.values()],
      ).then((responses) => responses.sort((a, b) => a.createdAt.localeCompare(b.createdAt))),

    remove,

    deadLetter: async (refused, status) => {
      const rejectedAt = new Date().toISOString();
      const letters = refused.map((response): [string, DeadLetter] => [response.id, { response, status, rejectedAt }]);
      // Kept first, removed from the queue after: a crash in between means one more refusal, never a loss.
      await withFallback(
        () => setMany(letters, stores().deadLetters),
        () => letters.forEach(([id, letter]) => refusedHere.set(id, letter)),
      );
      await remove(refused);
    },

    deadLetters: () =>
      withFallback(
        () => values<DeadLetter>(stores().deadLetters),
        () => [...refusedHere.values()],
      ).then((letters) => letters.sort((a, b) => a.rejectedAt.localeCompare(b.rejectedAt))),

    putEvent: (event) =>
      withFallback(
        () => (existing.add(EVENTS_DB), set(event.id, event, eventStore())),
        () => void eventsHere.set(event.id, event),
      ),

    events: () =>
      withFallback(
        async () => ((await mayHoldAnything(EVENTS_DB)) ? values<ImpressionEvent>(eventStore()) : []),
        () => [...eventsHere.values()],
        // Within one millisecond a survey's `shown` still comes before its `dismissed`.
      ).then((queued) => queued.sort((a, b) => a.at.localeCompare(b.at) || (a.type === b.type ? 0 : a.type === 'shown' ? -1 : 1))),

    removeEvents: (sent) =>
      withFallback(
        () =>
          delMany(
            sent.map(({ id }) => id),
            eventStore(),
          ),
        () => sent.forEach(({ id }) => eventsHere.delete(id)),
      ),
  };
}
