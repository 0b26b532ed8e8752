// How often one client may POST answers (rate-limiter-flexible, in memory). Over the limit the
// answer is 429 with Retry-After, which the SDK honours: it keeps the batch and sends it later, so
// the limit slows a flood without costing an honest visitor an answer. The collector does not
// count programs on its own machine (collector.mjs).
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** A visitor's SDK sends a few batches a minute; 600 leaves room for many visitors behind one address. */
export const DEFAULT_POSTS_PER_MINUTE = 600;

/**
 * The client a request counts against: its address, or with `trustProxy` the last address the
 * proxy in front of the collector appended to X-Forwarded-For (earlier ones are the client's word).
 */
export function clientAddress(req, { trustProxy = false } = {}) {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .at(-1)
        ?.trim()
    : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

/**
 * `take(client)` counts one POST and resolves to null while under `perMinute`, else to the seconds
 * until the client may send again. `perMinute` 0 turns the limit off.
 */
export function createPostRateLimit({ perMinute = DEFAULT_POSTS_PER_MINUTE } = {}) {
  if (!perMinute) return { perMinute: 0, take: async () => null };
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    perMinute,
    async take(client) {
      try {
        await limiter.consume(client);
        return null;
      } catch (refusal) {
        if (refusal instanceof Error) throw refusal;
        return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      }
    },
  };
}
