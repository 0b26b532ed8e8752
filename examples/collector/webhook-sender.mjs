// Sends the webhook's queued notifications (webhook_queue, filled by the stores in the transaction
// that stores each newly completed response) to EARSHOT_WEBHOOK_URL: ingestion never waits for
// it. Each process claims due rows for a lease before sending them: on PostgreSQL with
// FOR UPDATE SKIP LOCKED, so several collector processes on one database never send one row at
// the same time; a process that stops mid-send leaves its rows to be claimed again once the lease
// ends. A failed send is retried with exponential backoff (honouring Retry-After) and jitter; each
// POST carries the response id as its Idempotency-Key, so a receiver can drop a repeat.

/** Rows one pass claims at most; the next pass follows at once while rows are due. */
export const CLAIMED_PER_PASS = 20;
/** How long a claim holds a row against other senders: well over a send's timeout. */
export const CLAIM_LEASE_MS = 60_000;
export const SEND_TIMEOUT_MS = 10_000;
/** How often due rows are looked for when nothing wakes the sender (retries, other processes' rows). */
export const POLL_INTERVAL_MS = 1_000;
/** The first retry waits this long, each further one twice as long, up to RETRY_CAP_MS. */
export const DEFAULT_RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60 * 60 * 1000;
/** Attempts before a notification is given up (about 8 hours of retries with the defaults). */
export const MAX_ATTEMPTS = 20;
/** The header that names the notification: the same on every attempt of one response. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, capped, less up to a fifth at random. */
export function retryDelayMs(attempts, baseMs, random = Math.random) {
  const delay = Math.min(RETRY_CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 - random() / 5));
}

/** Retry-After in ms (seconds or an HTTP date), or 0. */
function retryAfterMs(header, nowMs) {
  if (!header) return 0;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, at - nowMs);
}

/**
 * Starts sending `store`'s queued notifications to `url`; `wake()` after a commit sends at once,
 * and a timer every `pollIntervalMs` catches retries and rows other processes queued.
 */
export function createWebhookSender({ store, url, log, now = () => Date.now(), retryBaseMs = DEFAULT_RETRY_BASE_MS, pollIntervalMs = POLL_INTERVAL_MS, fetcher = fetch }) {
  const skipLocked = store.engine === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  // One statement claims: the rows it picks are leased before any other sender can pick them.
  const CLAIM = `UPDATE webhook_queue SET claimed_until_ms = ?, attempts = attempts + 1
    WHERE seq IN (SELECT seq FROM webhook_queue WHERE sent_ms IS NULL AND failed_ms IS NULL AND next_attempt_ms <= ? AND claimed_until_ms <= ?
                  ORDER BY seq LIMIT ${CLAIMED_PER_PASS}${skipLocked})
    RETURNING seq, response_id AS "responseId", survey_id AS "surveyId", body, attempts`;
  let running = null;
  let again = false;
  let stopped = false;

  async function sendOne(row) {
    let outcome;
    try {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: row.responseId, 'User-Agent': 'earshot-collector' },
        body: row.body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => {});
      outcome = res.ok ? null : { error: `HTTP ${res.status}`, waitMs: retryAfterMs(res.headers.get('retry-after'), now()) };
    } catch (error) {
      outcome = { error: String(error?.message ?? error), waitMs: 0 };
    }
    const attempts = Number(row.attempts);
    if (outcome === null) {
      await store.query('UPDATE webhook_queue SET sent_ms = ?, claimed_until_ms = 0, last_error = NULL WHERE seq = ?', [now(), row.seq]);
      log('webhook-sent', { surveyId: row.surveyId, responseId: row.responseId, attempts });
      return;
    }
    const givenUp = attempts >= MAX_ATTEMPTS;
    const next = now() + Math.max(retryDelayMs(attempts, retryBaseMs), outcome.waitMs);
    await store.query('UPDATE webhook_queue SET next_attempt_ms = ?, claimed_until_ms = 0, last_error = ?, failed_ms = ? WHERE seq = ?', [
      next,
      outcome.error.slice(0, 500),
      givenUp ? now() : null,
      row.seq,
    ]);
    log(givenUp ? 'webhook-given-up' : 'webhook-failed', {
      surveyId: row.surveyId,
      responseId: row.responseId,
      attempts,
      error: outcome.error,
      ...(!givenUp && { retryAt: new Date(next).toISOString() }),
    });
  }

  /** Claims and sends due rows until none are left. */
  async function drain() {
    for (;;) {
      const at = now();
      const rows = await store.query(CLAIM, [at + CLAIM_LEASE_MS, at, at]);
      if (rows.length === 0 || stopped) return;
      await Promise.all(rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map(sendOne));
    }
  }

  /** Runs a pass now, or right after the one under way. */
  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => log('error', { task: 'webhook', error: String(error?.message ?? error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  const timer = setInterval(wake, pollIntervalMs);
  timer.unref();

  return {
    url,
    wake,
    /** Stops looking for rows and waits for the sends under way. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
