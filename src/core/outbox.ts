import { del, entries, promisifyRequest, setMany, set, type UseStore } from 'idb-keyval';
import { createStore } from './idb.js';
import type { SurveyResponse } from './types.js';

export const OUTBOX_DB = 'earshot';
export const DEAD_LETTER_DB = 'earshot-dead-letters';

/** Responses waiting for delivery, one record per response id, written before any network attempt. */
export interface Outbox {
  /** Stores this version of a response, replacing an older one with the same id. */
  put(response: SurveyResponse): Promise<void>;
  /** Every queued response, oldest first. */
  list(): Promise<SurveyResponse[]>;
  /** Removes the responses that were delivered, unless a newer version was stored meanwhile. */
  removeDelivered(sent: readonly SurveyResponse[]): Promise<void>;
  /** Moves responses the collector refused for good out of the queue, keeping them for inspection. */
  deadLetter(refused: readonly SurveyResponse[]): Promise<void>;
}

/**
 * The outbox in IndexedDB (through idb-keyval), falling back to memory for the rest of the page
 * when IndexedDB is missing or fails, so that answers are still delivered; `onFallback` is told once.
 */
export function createOutbox(onFallback: (error: unknown) => void): Outbox {
  // Opened on first use: importing Earshot costs nothing until there is something to store.
  let queue: UseStore | undefined;
  let deadLetters: UseStore | undefined;
  let memory: Map<string, SurveyResponse> | undefined;

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
        memory = new Map();
        onFallback(error);
      }
    }
    return inMemory(memory);
  }

  return {
    put: (response) =>
      withFallback(
        () => set(response.id, response, stores().queue),
        (map) => void map.set(response.id, response),
      ),

    list: () =>
      withFallback(
        async () => (await entries<string, SurveyResponse>(stores().queue)).map(([, response]) => response),
        (map) => [...map.values()],
      ).then((responses) => responses.sort((a, b) => a.createdAt.localeCompare(b.createdAt))),

    removeDelivered: (sent) =>
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
      ),

    deadLetter: async (refused) => {
      await withFallback(
        async () => {
          await setMany(refused.map((response) => [response.id, response]), stores().deadLetters);
          await Promise.all(refused.map((response) => del(response.id, stores().queue)));
        },
        // Without IndexedDB there is nowhere to keep them beyond the error event that names them.
        (map) => refused.forEach((response) => map.delete(response.id)),
      );
    },
  };
}
