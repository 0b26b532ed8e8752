// Test boundaries shared by the unit tests: a fake collector behind `fetch`, a fresh fake
// IndexedDB, and a way to let fake-indexeddb's real-event-loop work finish.
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { Batch, SurveyResponse } from '../../src/core/types.js';

/** How the fake collector answers one request: a status, a status with headers, or a failed connection. */
export type CollectorAnswer = number | { status: number; headers?: Record<string, string> } | 'network-error';

export interface ReceivedRequest {
  url: string;
  method: string;
  contentType: string | null;
  keepalive: boolean;
  credentials: RequestCredentials | undefined;
  body: Batch;
  /** Size of the body in UTF-8 bytes, what browsers count against keepalive limits. */
  bytes: number;
  /** `Date.now()` when the request was made (fake time under fake timers). */
  at: number;
}

export interface FakeCollector {
  /** Every request made, in order, including failed ones. */
  readonly requests: ReceivedRequest[];
  /** Every response in every request, in order. */
  received(): SurveyResponse[];
  /** Answers for the next requests, in order; once used up the collector answers 200. */
  script(...answers: CollectorAnswer[]): void;
  /** Keeps requests in flight until `release()`. */
  hold(): void;
  release(): void;
  /** The most requests that were in flight at the same time. */
  readonly maxInFlight: number;
}

/** Replaces `globalThis.fetch` with a collector that records batches; undo with `vi.unstubAllGlobals()`. */
export function installCollector(): FakeCollector {
  const requests: ReceivedRequest[] = [];
  const answers: CollectorAnswer[] = [];
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  let inFlight = 0;
  let maxInFlight = 0;

  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const text = String(init.body);
    const headers = new Headers(init.headers);
    requests.push({
      url: String(input),
      method: init.method ?? 'GET',
      contentType: headers.get('Content-Type'),
      keepalive: init.keepalive === true,
      credentials: init.credentials,
      body: JSON.parse(text) as Batch,
      bytes: new TextEncoder().encode(text).length,
      at: Date.now(),
    });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (gate) await gate;
      const answer = answers.shift() ?? 200;
      if (answer === 'network-error') throw new TypeError('Failed to fetch');
      const { status, headers: answerHeaders } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
      return new Response(status === 204 ? null : '{}', { status, headers: answerHeaders });
    } finally {
      inFlight--;
    }
  });

  return {
    requests,
    received: () => requests.flatMap((request) => request.body.responses),
    script: (...more) => void answers.push(...more),
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      open?.();
      gate = null;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

export interface SentBeacon {
  url: string;
  /** The Blob's type: `text/plain` needs no CORS preflight. */
  type: string;
  body: Batch;
  bytes: number;
}

export interface FakeBeacon {
  /** Every `navigator.sendBeacon` call, in order, with its body read. */
  sent(): Promise<SentBeacon[]>;
}

/** Records `navigator.sendBeacon` calls instead of sending them (happy-dom's would fetch for real); undo with `vi.restoreAllMocks()`. */
export function installBeacon(): FakeBeacon {
  const calls: Array<{ url: string; data: Blob }> = [];
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url, data) => {
    calls.push({ url: String(url), data: data as Blob });
    return true;
  });
  return {
    sent: () =>
      Promise.all(
        calls.map(async ({ url, data }) => {
          const text = await data.text();
          return { url, type: data.type, body: JSON.parse(text) as Batch, bytes: new TextEncoder().encode(text).length };
        }),
      ),
  };
}

/**
 * Gives happy-dom (which has no `navigator.locks`) an exclusive, first-come-first-served
 * `navigator.locks.request`, as every current browser engine has; undo with the returned function.
 * Without it the SDK takes turns through its IndexedDB lease instead (tested on its own).
 */
export function installLocks(): () => void {
  const queues = new Map<string, Promise<unknown>>();
  const locks = {
    request(name: string, work: () => Promise<unknown>) {
      const turn = (queues.get(name) ?? Promise.resolve()).then(() => work());
      queues.set(
        name,
        turn.catch(() => {}),
      );
      return turn;
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return () => void delete (navigator as { locks?: unknown }).locks;
}

/** A brand-new, empty fake IndexedDB; create outboxes after calling it (idb-keyval caches connections). */
export function resetIndexedDB(): void {
  globalThis.indexedDB = new IDBFactory();
}

/**
 * Lets pending work finish: fake-indexeddb runs on real `setImmediate` turns, which fake timers
 * leave alone (fake only `setTimeout`, `clearTimeout` and `Date`).
 */
export async function settle(turns = 40): Promise<void> {
  const { setImmediate } = globalThis as unknown as { setImmediate(callback: () => void): void };
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Fake timers that leave fake-indexeddb's `setImmediate` scheduling real. */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}
