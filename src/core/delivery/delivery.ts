import type { Emitter } from '../emitter.js';
import { createDeliveryLock } from './lock.js';
import type { Outbox } from './outbox.js';
import { sendBatch, type SendOutcome } from './transport.js';
import type { EarshotErrorCode, ImpressionEvent, SurveyResponse } from '../types.js';

export const MAX_BATCH_RESPONSES = 50;
export const MAX_BATCH_EVENTS = 100;
export const MAX_BATCH_BYTES = 32_000;
export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 5 * 60_000;
/** Browsers refuse keepalive bodies over 64 KiB in flight; stay well below. */
export const KEEPALIVE_MAX_BYTES = 48_000;
export const DAY_MS = 86_400_000;

export interface DeliveryOptions {
  endpoint: string;
  /** Days a response is retried before it is dropped as expired. */
  ttlDays: number;
  credentials: RequestCredentials;
  outbox: Outbox;
  emitter: Emitter;
}

/** One POST's load: responses first, then `shown`/`dismissed` events in the room they leave. */
export interface Outgoing {
  responses: SurveyResponse[];
  events: ImpressionEvent[];
}

/** Sends the outbox to the collector in batches, retrying with backoff until each response is confirmed. */
export class Delivery {
  /** This page's latest versions not yet confirmed, which a page being hidden sends without reading IndexedDB. */
  readonly unconfirmed = new Map<string, SurveyResponse>();
  /** This page's events not yet confirmed, sent with them. */
  readonly unconfirmedEvents = new Map<string, ImpressionEvent>();
  /** Ids of the events this page made, confirmed or not. */
  readonly #ownEvents = new Set<string>();
  /** Responses in the outbox as of the last look, plus those created since; the controller keeps it under `outboxLimit`. */
  queued = 0;
  /** The pass that will read the outbox next; later `flush()` calls join it. */
  #next: Promise<void> | null = null;
  #running: Promise<void> | null = null;
  #hiding: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  /** The next pass sends events alone too, not only with answers (see `flush`). */
  #everything = false;
  /** The status that refused the last answers sent beside events, until the answers' resend settles. */
  #eventsRefused = 0;
  /** The collector asked (Retry-After) not to be called again before this time. */
  #quietUntil = 0;
  #stopped = false;
  readonly #withLock = createDeliveryLock();

  readonly #options: DeliveryOptions;

  constructor(options: DeliveryOptions) {
    this.#options = options;
  }

  /** Takes an event this page made (already being stored): it goes with answers, or at page hide. */
  addEvent(event: ImpressionEvent): void {
    this.unconfirmedEvents.set(event.id, event);
    this.#ownEvents.add(event.id);
  }

  /**
   * Delivers everything queued now; resolves when done or when an attempt failed. Never rejects.
   * This page's own events go only with answers, or at page hide, unless `everything` (the page
   * called `earshot.flush()`): they never cost a request of their own while the page is open.
   */
  flush(everything = false): Promise<void> {
    this.#everything ||= everything;
    if (this.#stopped) return Promise.resolve();
    if (Date.now() < this.#quietUntil) {
      this.flushSoon(0);
      return Promise.resolve();
    }
    this.#cancelTimer();
    // A running pass may have read the outbox before the latest answer was stored: wait for it,
    // then read again. Calls made meanwhile share that one extra pass.
    this.#next ??= (this.#running ?? Promise.resolve()).then(() => {
      this.#next = null;
      const all = this.#everything;
      this.#everything = false;
      this.#running = this.#withLock(() => this.#deliverAll(all))
        .catch(this.#failed)
        .finally(() => (this.#running = null));
      return this.#running;
    });
    return this.#next;
  }

  /** Flushes after `delayMs`, so that answers given in quick succession share one request. */
  flushSoon(delayMs: number): void {
    if (this.#stopped) return;
    this.#cancelTimer();
    this.#timer = setTimeout(() => void this.flush(), Math.max(delayMs, this.#quietUntil - Date.now()));
  }

  /**
   * Last chance as the page is hidden or closed: sends this page's unconfirmed responses at once
   * (the page may be frozen or gone before any answer comes back), with `fetch(keepalive)` while
   * the bodies stay within 48 KB and then with `navigator.sendBeacon`. They stay queued until a
   * confirmation is seen. It reads no IndexedDB: WebKit freezes a transaction begun as the page
   * enters the back/forward cache, and the frozen transaction then blocks the outbox for every
   * other page of the site. It skips the cross-tab lock too (the page may be gone before it is
   * granted); collectors de-duplicate by id.
   */
  flushOnHide(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    let budget = KEEPALIVE_MAX_BYTES;
    // Closing a tab fires both visibilitychange and pagehide: one send is enough. Async, so that
    // nothing it throws reaches the page's event listener.
    this.#hiding ??= (async () => {
      await Promise.all(
        toBatches([...this.unconfirmed.values()], [...this.unconfirmedEvents.values()]).map((batch) => {
          const body = serialise(batch);
          const size = byteLength(body);
          if (size > budget) {
            // text/plain needs no CORS preflight, which a closing page would not wait for. A beacon
            // says nothing of the collector's answer: these responses stay unconfirmed.
            navigator.sendBeacon?.(this.#options.endpoint, new Blob([body], { type: 'text/plain' }));
            return;
          }
          budget -= size;
          return this.#send(batch, body, true);
        }),
      );
    })()
      .catch(this.#failed)
      .finally(() => (this.#hiding = null));
    return this.#hiding;
  }

  stop(): void {
    this.#stopped = true;
    this.#cancelTimer();
  }

  async #deliverAll(everything: boolean): Promise<void> {
    const { outbox, ttlDays } = this.#options;
    const [queued, events] = await Promise.all([outbox.list(), outbox.events()]);
    // Past its time to live a response is dropped unsent, and forgotten by this page too so that
    // the page-hide path cannot send it. Events too, unreported: they are only counts.
    const oldest = Date.now() - ttlDays * DAY_MS;
    const expired = queued.filter((response) => Date.parse(response.createdAt) < oldest);
    const staleEvents = events.filter(({ at }) => Date.parse(at) < oldest);
    if (staleEvents.length) await outbox.removeEvents(staleEvents);
    if (expired.length) {
      for (const { id } of expired) this.unconfirmed.delete(id);
      await outbox.remove(expired);
      this.#report('expired', `${expired.length} response(s) older than ${ttlDays} days dropped undelivered`, expired);
    }
    this.queued = queued.length - expired.length;
    const batches = toBatches(
      queued.filter((response) => !expired.includes(response)),
      events.filter((event) => !staleEvents.includes(event)),
      // Events alone go only when asked, or when an earlier page left them.
    ).filter((batch) => everything || batch.responses.length || batch.events.some(({ id }) => !this.#ownEvents.has(id)));
    for (let batch; (batch = batches.shift()) && !this.#stopped;) {
      const unsettled = await this.#send(batch, serialise(batch), false);
      if (unsettled?.kind === 'retry') return this.#retryLater(unsettled, batch.responses);
      if (!unsettled) continue;
      // Refused beside events (a collector that does not know them yet, or a 413): the answers go
      // again alone. A 413 of answers alone: each half goes on its own.
      const { responses, events } = batch;
      const half = responses.length / 2;
      batches.unshift(...(events.length ? [responses] : [responses.slice(0, half), responses.slice(half)]).map((part) => ({ responses: part, events: [] })));
    }
  }

  /**
   * POSTs one batch and settles what the answer decides: delivered, or refused for good and set
   * aside. Returns the outcome when it leaves the batch unsettled: to retry, a 413 to split, or a
   * refusal of answers sent beside events, which go again alone.
   */
  async #send({ responses: batch, events }: Outgoing, body: string, keepalive: boolean): Promise<SendOutcome | void> {
    const { outbox, endpoint, credentials, emitter } = this.#options;
    const outcome = await sendBatch(endpoint, body, keepalive, credentials);
    if (outcome.kind === 'retry') return outcome;
    const refused = outcome.kind === 'rejected' && outcome.status;
    // Too large is no verdict on what the batch holds: its answers go again (alone, or in halves),
    // and its events wait in the outbox for the next batch.
    if (refused === 413 && batch.length && batch.length + events.length > 1) return outcome;
    // Delivered or refused for good: either way this page has nothing more to send for these events.
    for (const { id } of events) this.unconfirmedEvents.delete(id);
    if (events.length) await outbox.removeEvents(events);
    // Events refused beside answers are reported once the answers' own fate is known: when the
    // next send, theirs alone, is taken (a refusal of the answers is reported instead).
    const eventsRefused = this.#eventsRefused;
    this.#eventsRefused = 0;
    if (refused && events.length) {
      if (batch.length) {
        this.#eventsRefused = refused;
        return outcome;
      }
      this.#reportEventsRefused(refused);
    }
    if (!batch.length) return;
    if (eventsRefused && outcome.kind === 'delivered') this.#reportEventsRefused(eventsRefused);
    // Delivered or refused for good: either way this page has nothing more to send for them.
    for (const { id, updatedAt } of batch) if (this.unconfirmed.get(id)?.updatedAt === updatedAt) this.unconfirmed.delete(id);
    this.queued -= batch.length;
    if (outcome.kind === 'delivered') {
      this.#failures = 0;
      await outbox.remove(batch);
      emitter.emit('delivered', { responseIds: ids(batch) });
    } else {
      await outbox.deadLetter(batch, outcome.status);
      this.#report('rejected', `HTTP ${outcome.status}: refused by the collector; set aside, not retried`, batch);
    }
  }

  #reportEventsRefused(status: number): void {
    this.#report('rejected', `HTTP ${status}: events refused by the collector; dropped`);
  }

  #retryLater({ retryAfterMs, reason }: { retryAfterMs?: number; reason: string }, batch: SurveyResponse[]): void {
    this.#failures++;
    // Jitter keeps many visitors from retrying in step after an outage; Retry-After can only lengthen the wait.
    const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (this.#failures - 1));
    const delay = Math.max(retryAfterMs ?? 0, Math.round(backoff / 2 + (Math.random() * backoff) / 2));
    if (retryAfterMs !== undefined) this.#quietUntil = Date.now() + delay;
    this.#report('network', `delivery failed (${reason}); retrying in ${delay} ms`, batch);
    this.flushSoon(delay);
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #failed = (error: unknown) => this.#report('internal', `delivery: ${error}`);

  #report(code: EarshotErrorCode, message: string, batch?: SurveyResponse[]): void {
    this.#options.emitter.emit('error', { code, message, ...(batch && { responseIds: ids(batch) }) });
  }
}

const ids = (responses: SurveyResponse[]) => responses.map((response) => response.id);

const serialise = ({ responses, events }: Outgoing) => JSON.stringify({ sentAt: new Date().toISOString(), responses, ...(events.length && { events }) });

const encoder = new TextEncoder();
/** UTF-8 size; TextEncoder is about a hundred times faster than a Blob for this. */
const byteLength = (text: string) => encoder.encode(text).length;

/**
 * Splits responses into batches of at most 50 responses and about 32 KB; events follow in the room
 * the last one leaves (at most 100 a batch), so answers never wait for them, then in batches of their own.
 */
export function toBatches(responses: SurveyResponse[], events: ImpressionEvent[] = []): Outgoing[] {
  const batches: Outgoing[] = [];
  let current: Outgoing | undefined;
  let bytes = 0;
  for (const item of [...responses, ...events]) {
    const size = byteLength(JSON.stringify(item));
    const list = 'type' in item ? 'events' : 'responses';
    const full = current && (current[list].length >= (list == 'events' ? MAX_BATCH_EVENTS : MAX_BATCH_RESPONSES) || bytes + size > MAX_BATCH_BYTES);
    if (!current || full) {
      batches.push((current = { responses: [], events: [] }));
      bytes = 0;
    }
    (current[list] as unknown[]).push(item);
    bytes += size;
  }
  return batches;
}
