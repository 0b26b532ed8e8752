// A tiny Earshot collector: receives delivery batches (DESIGN.md §3) and keeps the most complete
// version of every response, keyed by its id. Plain node:http, no dependencies.
//
// Storage sits behind a small interface (upsert/list/clear) so it can later move to SQLite
// without touching the HTTP handling.

export const COLLECTOR_PATH = '/api/earshot';
export const RESPONSES_PATH = '/api/earshot/responses';
export const DEFAULT_BODY_LIMIT = 1024 * 1024; // 1 MB

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

/** Time of a response's `updatedAt` in ms; a missing or unreadable one counts as oldest. */
function updatedTime(response) {
  const t = Date.parse(response.updatedAt);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * Decides whether `incoming` should replace `existing` (both the same id).
 * A completed response is never replaced by a partial one; a completed one always replaces a
 * partial one; between two of the same kind the later `updatedAt` wins (a tie takes the newer
 * arrival, which makes retries of the same version harmless).
 */
export function shouldReplace(existing, incoming) {
  if (existing.completed && !incoming.completed) return false;
  if (!existing.completed && incoming.completed) return true;
  return updatedTime(incoming) >= updatedTime(existing);
}

/** In-memory response store; insertion order is kept (a replaced response keeps its place). */
export function createMemoryStore() {
  const byId = new Map();
  return {
    /** @returns {'inserted' | 'updated' | 'kept'} what happened to `response`. */
    upsert(response) {
      const existing = byId.get(response.id);
      if (!existing) {
        byId.set(response.id, response);
        return 'inserted';
      }
      if (!shouldReplace(existing, response)) return 'kept';
      byId.set(response.id, response);
      return 'updated';
    },
    list() {
      return [...byId.values()];
    },
    clear() {
      byId.clear();
    },
  };
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the basic shape of a batch. Returns a list of problems (empty when the batch is fine),
 * each naming the path of what was wrong.
 */
export function validateBatch(batch) {
  if (!isObject(batch)) return ['body: expected a JSON object'];
  if (!Array.isArray(batch.responses)) return ['responses: expected an array'];
  const problems = [];
  batch.responses.forEach((r, i) => {
    const at = `responses[${i}]`;
    if (!isObject(r)) {
      problems.push(`${at}: expected an object`);
      return;
    }
    if (typeof r.id !== 'string' || r.id === '') problems.push(`${at}.id: expected a non-empty string`);
    if (typeof r.surveyId !== 'string') problems.push(`${at}.surveyId: expected a string`);
    if (typeof r.completed !== 'boolean') problems.push(`${at}.completed: expected a boolean`);
    if (!isObject(r.answers)) problems.push(`${at}.answers: expected an object`);
  });
  return problems;
}

function sendJson(res, status, body, extraHeaders = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...CORS_HEADERS,
    ...extraHeaders,
  });
  res.end(text);
}

/** Reads the request body up to `limit` bytes; resolves null when the body is too large. */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume(); // drain and discard
      resolve(null);
      return;
    }
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Creates a collector. `handle(req, res)` serves the collector routes and returns true, or
 * returns false for any other path so the caller can serve it.
 *
 * In-process view for tests: `batches` (every accepted batch, in arrival order, as received),
 * `rejected` (every refused request: status and error), `responses()` (stored responses in
 * insertion order), `requestCount` (every request to a collector route, preflights included)
 * and `reset()`.
 */
export function createCollector({ bodyLimit = DEFAULT_BODY_LIMIT, store = createMemoryStore(), onBatch } = {}) {
  const batches = [];
  const rejected = [];
  let requestCount = 0;

  function reject(res, status, error) {
    rejected.push({ status, error });
    sendJson(res, status, { error });
  }

  async function receive(req, res) {
    let text;
    try {
      text = await readBody(req, bodyLimit);
    } catch {
      return; // the client went away
    }
    if (text === null) {
      reject(res, 413, `body: larger than the ${bodyLimit} byte limit`);
      return;
    }
    let batch;
    try {
      batch = JSON.parse(text);
    } catch {
      reject(res, 400, 'body: not valid JSON');
      return;
    }
    const problems = validateBatch(batch);
    if (problems.length > 0) {
      reject(res, 400, problems.join('; '));
      return;
    }
    batches.push(batch);
    let stored = 0;
    let kept = 0;
    for (const response of batch.responses) {
      if (store.upsert(response) === 'kept') kept++;
      else stored++;
    }
    onBatch?.(batch, { stored, kept });
    sendJson(res, 200, { ok: true, stored, kept });
  }

  function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://collector').pathname;
    if (path !== COLLECTOR_PATH && path !== RESPONSES_PATH) return false;
    requestCount++;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS_HEADERS, 'Content-Length': '0' });
      res.end();
      return true;
    }
    if (path === RESPONSES_PATH) {
      if (req.method === 'GET' || req.method === 'HEAD') sendJson(res, 200, store.list());
      else sendJson(res, 405, { error: `method: ${req.method} not allowed here, use GET` }, { Allow: 'GET, HEAD, OPTIONS' });
      return true;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: `method: ${req.method} not allowed here, use POST` }, { Allow: 'POST, OPTIONS' });
      return true;
    }
    // Any content type is read as JSON: fetch sends application/json, sendBeacon text/plain.
    receive(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: `server: ${err?.message ?? err}` });
    });
    return true;
  }

  return {
    handle,
    batches,
    rejected,
    responses: () => store.list(),
    get requestCount() {
      return requestCount;
    },
    reset() {
      batches.length = 0;
      rejected.length = 0;
      requestCount = 0;
      store.clear();
    },
  };
}
