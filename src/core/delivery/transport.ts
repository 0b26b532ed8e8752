export const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** Statuses worth trying again later; any other non-2xx means the collector refuses the batch. */
const RETRYABLE_STATUSES = [408, 425, 429];

export type SendOutcome = { kind: 'delivered' } | { kind: 'retry'; reason: string; retryAfterMs?: number } | { kind: 'rejected'; status: number };

/** POSTs one batch (a serialised `Batch`) and classifies the collector's answer. Never throws. */
export async function sendBatch(endpoint: string, body: string, keepalive = false, credentials: RequestCredentials = 'omit'): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials,
      keepalive,
    });
  } catch (error) {
    // The browser hides a CORS refusal behind the same error as a network failure: name the likely cause.
    const page = globalThis.location;
    const origin = page?.origin;
    const crossOrigin = page && new URL(endpoint, page.href).origin !== origin;
    return { kind: 'retry', reason: `network error: ${(error as Error)?.message ?? error}${crossOrigin ? `; the collector must allow the origin ${origin} (CORS)` : ''}` };
  }
  // 409: the collector already holds these responses.
  if (response.ok || response.status === 409) return { kind: 'delivered' };
  if (response.status >= 500 || RETRYABLE_STATUSES.includes(response.status)) {
    return { kind: 'retry', reason: `HTTP ${response.status}`, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')) };
  }
  return { kind: 'rejected', status: response.status };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now, capped at 5 minutes. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
