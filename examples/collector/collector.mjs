// The reference Earshot collector: the HTTP side of DESIGN.md §3 on top of a SQLite store.
//   POST /api/earshot             a delivery batch (JSON; text/plain too, as sendBeacon sends it)
//   GET  /api/earshot/responses   stored responses as JSON (?survey=, ?limit=, ?offset=)
//   GET  /api/earshot/export.csv  stored responses as CSV (?survey=)
//   GET  /api/earshot/scores      the standard scores of a survey's templates as JSON (?survey=, required)
//   GET  /results                 the results page (?survey=)
// Responses answered in a preview (`preview: true`) are stored, flagged, and listed by
// /responses, but results, scores and the CSV export leave them out: they are not real answers.
// A batch is answered 2xx only once its transaction is committed; anything the SDK should not
// retry is a 4xx naming the field at fault; a storage failure is a 503 the SDK retries.
import { validateBatch } from './batch-validation.mjs';
import { createOriginPolicy } from './cors.mjs';
import { toCsv } from './csv-export.mjs';
import { readBody } from './request-body.mjs';
import { DEFAULT_BUSY_TIMEOUT_MS, IN_MEMORY, openResponseStore } from './response-store.mjs';
import { renderResultsPage } from './results-page.mjs';
import { summarizeSurvey } from './survey-summary.mjs';
import { SMALL_SAMPLE, scoreTemplates } from './template-scores.mjs';

export const COLLECTOR_PATH = '/api/earshot';
export const RESPONSES_PATH = '/api/earshot/responses';
export const EXPORT_PATH = '/api/earshot/export.csv';
export const SCORES_PATH = '/api/earshot/scores';
export const RESULTS_PATH = '/results';

/** 256 KB: far above the SDK's batches (about 32 KB at most), small enough to refuse abuse cheaply. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** The in-process log of accepted batches (for tests and the console) keeps only the latest. */
export const RECENT_BATCHES_KEPT = 500;
/** Seconds the SDK is asked to wait before retrying after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

const JSON_TYPE = 'application/json; charset=utf-8';
const ACCEPTED_BODY_TYPES = ['application/json', 'text/plain'];

/** Thrown inside a handler to answer with `status` and `{ error, problems? }`. */
class RequestProblem extends Error {
  constructor(status, message, { headers = {}, problems } = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.problems = problems;
  }
}

function send(req, res, status, headers, body) {
  const bytes = Buffer.from(body);
  res.writeHead(status, { 'Content-Length': bytes.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/** `?name=` as a whole number within [min, max], or `fallback` when absent. */
function wholeNumberParam(params, name, { min, max = Number.MAX_SAFE_INTEGER, fallback }) {
  const text = params.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new RequestProblem(400, `${name}: must be a whole number ${range} (got ${JSON.stringify(text)})`);
  }
  return value;
}

/** Responses visitors really gave: without the ones answered in a preview. */
const realResponses = (responses) => responses.filter((response) => response.preview !== true);

function surveyParam(params) {
  const surveyId = params.get('survey');
  if (surveyId === '') throw new RequestProblem(400, 'survey: must not be empty');
  return surveyId;
}

/**
 * Creates a collector. `handle(req, res)` serves the collector's routes and returns true, or
 * returns false for any other path so the caller can serve it.
 *
 * Options: `database` (a file path, default `:memory:`), `allowedOrigins` (see cors.mjs),
 * `bodyLimit`, `busyTimeoutMs`, `demoPath` (linked from an empty results page) and `onBatch`
 * (called after each committed batch).
 *
 * In-process view for tests: `batches` (the latest accepted batches, as received), `rejected`
 * (refused requests: status and error), `responses()` (stored responses in arrival order),
 * `requestCount` (requests to the collector's routes, preflights included) and `reset()`.
 */
export function createCollector({
  database = IN_MEMORY,
  allowedOrigins = [],
  bodyLimit = DEFAULT_BODY_LIMIT,
  busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS,
  demoPath = null,
  onBatch,
} = {}) {
  const store = openResponseStore({ file: database, busyTimeoutMs });
  const origins = createOriginPolicy(allowedOrigins);
  const batches = [];
  const rejected = [];
  let requestCount = 0;

  function sendJson(req, res, status, body, headers = {}) {
    send(req, res, status, { 'Content-Type': JSON_TYPE, ...origins.headersFor(req), ...headers }, JSON.stringify(body));
  }

  async function receiveBatch(req, res) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== '' && !ACCEPTED_BODY_TYPES.includes(type)) {
      throw new RequestProblem(415, `content-type: must be application/json or text/plain (got ${JSON.stringify(type)})`);
    }
    const text = await readBody(req, bodyLimit);
    if (text === null) throw new RequestProblem(413, `body: larger than the limit of ${bodyLimit} bytes`);
    let batch;
    try {
      batch = JSON.parse(text);
    } catch (error) {
      throw new RequestProblem(400, `body: not valid JSON (${error.message})`);
    }
    const problems = validateBatch(batch);
    if (problems.length > 0) throw new RequestProblem(400, problems.join('; '), { problems });
    let result;
    try {
      result = store.save(batch.responses);
    } catch (error) {
      throw new RequestProblem(503, `storage: ${error.message}; nothing from this batch was stored, retry later`, {
        headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
      });
    }
    batches.push(batch);
    if (batches.length > RECENT_BATCHES_KEPT) batches.shift();
    onBatch?.(batch, result);
    sendJson(req, res, 200, { ok: true, ...result });
  }

  function listResponses(req, res, params) {
    const surveyId = surveyParam(params);
    const limit = wholeNumberParam(params, 'limit', { min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE });
    const offset = wholeNumberParam(params, 'offset', { min: 0, fallback: 0 });
    const total = store.count({ surveyId });
    const responses = store.list({ surveyId, limit, offset });
    let next = null;
    if (offset + responses.length < total) {
      const nextParams = new URLSearchParams({ ...(surveyId !== null && { survey: surveyId }), limit: String(limit), offset: String(offset + limit) });
      next = `${RESPONSES_PATH}?${nextParams}`;
    }
    sendJson(req, res, 200, { total, offset, limit, responses, next });
  }

  function exportCsv(req, res, params) {
    const surveyId = surveyParam(params);
    const filename = surveyId === null ? 'earshot-responses.csv' : `earshot-responses-${surveyId.replace(/[^\w.-]/g, '_')}.csv`;
    send(
      req,
      res,
      200,
      { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, ...origins.headersFor(req) },
      toCsv(realResponses(store.list({ surveyId }))),
    );
  }

  function listScores(req, res, params) {
    const surveyId = surveyParam(params);
    if (surveyId === null) throw new RequestProblem(400, `survey: is required, as in ${SCORES_PATH}?survey=ID`);
    const stored = store.list({ surveyId });
    const responses = realResponses(stored);
    sendJson(req, res, 200, {
      surveyId,
      responses: responses.length,
      previewResponses: stored.length - responses.length,
      smallSampleBelow: SMALL_SAMPLE,
      scores: scoreTemplates(responses),
    });
  }

  function showResults(req, res, params) {
    const surveyId = surveyParam(params);
    const surveyIds = surveyId === null ? store.surveyIds() : store.surveyIds().filter((id) => id === surveyId);
    const answered = surveyIds.map((id) => [id, realResponses(store.list({ surveyId: id }))]).filter(([, responses]) => responses.length > 0);
    const page = renderResultsPage({
      summaries: answered.map(([id, responses]) => summarizeSurvey(id, responses)),
      links: { responses: RESPONSES_PATH, csv: EXPORT_PATH, results: RESULTS_PATH, demo: demoPath },
      surveyId,
    });
    send(req, res, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      // The page shows text strangers typed; even if escaping ever failed, nothing could run.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    }, page);
  }

  function answerPreflight(req, res) {
    send(req, res, 204, origins.headersFor(req, { preflight: true }), '');
  }

  const ROUTES = {
    [COLLECTOR_PATH]: { POST: receiveBatch, OPTIONS: answerPreflight },
    [RESPONSES_PATH]: { GET: listResponses, HEAD: listResponses, OPTIONS: answerPreflight },
    [EXPORT_PATH]: { GET: exportCsv, HEAD: exportCsv, OPTIONS: answerPreflight },
    [SCORES_PATH]: { GET: listScores, HEAD: listScores, OPTIONS: answerPreflight },
    [RESULTS_PATH]: { GET: showResults, HEAD: showResults },
  };

  function refuse(req, res, problem) {
    if (req.method === 'POST') rejected.push({ status: problem.status, error: problem.message });
    // Whatever of the body is still unread is drained, so the client gets this answer.
    req.resume();
    const body = { error: problem.message, ...(problem.problems && { problems: problem.problems }) };
    sendJson(req, res, problem.status, body, problem.headers);
  }

  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://collector');
    const route = ROUTES[url.pathname];
    if (!route) return false;
    requestCount++;
    const run = async () => {
      const handler = route[req.method];
      if (!handler) {
        const allowed = Object.keys(route).join(', ');
        throw new RequestProblem(405, `method: ${req.method} is not allowed here, use ${allowed}`, { headers: { Allow: allowed } });
      }
      if (!origins.allows(req)) {
        throw new RequestProblem(403, `origin: ${req.headers.origin} may not use this collector; add it to ALLOWED_ORIGINS`);
      }
      await handler(req, res, url.searchParams);
    };
    run().catch((error) => {
      // A client that went away, or an answer already under way, cannot be answered again.
      if (res.headersSent || res.destroyed) res.destroy();
      else if (error instanceof RequestProblem) refuse(req, res, error);
      else refuse(req, res, new RequestProblem(500, `server: ${error?.message ?? error}`));
    });
    return true;
  }

  return {
    handle,
    batches,
    rejected,
    /** Where responses are stored: a file path or `:memory:`. */
    database,
    allowedOrigins,
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
    close() {
      store.close();
    },
  };
}
