// Which web origins may send answers to the collector (ALLOWED_ORIGINS); reading answers is never
// open to other origins (collector.mjs).
// Pages served by the collector's own host always may. Requests without an Origin header (curl,
// server-to-server) are not browsers enforcing CORS and pass.

export const ANY_ORIGIN = '*';

/**
 * `"https://shop.example, https://www.shop.example"` → the list of origins; `*` allows any.
 * Throws naming the entry that is not an origin, so a typo fails at start rather than silently.
 */
export function parseAllowedOrigins(text = '') {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry === ANY_ORIGIN) return entry;
      let url;
      try {
        url = new URL(entry);
      } catch {
        url = null;
      }
      if (!url || url.origin === 'null' || url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
        throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin like https://shop.example (scheme, host and port only)`);
      }
      return url.origin;
    });
}

/** Decides per request, from the configured `allowedOrigins`, and writes the CORS headers. */
export function createOriginPolicy(allowedOrigins = []) {
  const anyOrigin = allowedOrigins.includes(ANY_ORIGIN);
  const listed = new Set(allowedOrigins);

  const originOf = (req) => req.headers.origin;
  const isSameHost = (req, origin) => {
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };

  return {
    allowedOrigins,
    /** Whether the request comes from a page this server served (its Origin names this host). */
    isSameHost: (req) => isSameHost(req, originOf(req)),
    /** Whether this request may use the collector. */
    allows(req) {
      const origin = originOf(req);
      return origin === undefined || anyOrigin || listed.has(origin) || isSameHost(req, origin);
    },
    /** CORS headers for the answer; `preflight` adds what an OPTIONS answer needs. */
    headersFor(req, { preflight = false } = {}) {
      const origin = originOf(req);
      // Answers differ by Origin unless any origin is allowed: caches must keep them apart.
      const vary = anyOrigin ? {} : { Vary: 'Origin' };
      if (origin === undefined || isSameHost(req, origin) || !(anyOrigin || listed.has(origin))) return vary;
      return {
        ...vary,
        'Access-Control-Allow-Origin': anyOrigin ? ANY_ORIGIN : origin,
        // The SDK reads Retry-After to pace its retries; cross-origin it must be exposed.
        'Access-Control-Expose-Headers': 'Retry-After',
        ...(preflight && {
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        }),
      };
    },
  };
}
