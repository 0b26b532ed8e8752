// The reference Earshot collector: the HTTP side of docs/architecture.md §3 on top of a response store.
//   POST   /api/earshot             a delivery batch (JSON; text/plain too, as sendBeacon sends it) — public
//   GET    /api/earshot/responses   stored responses as JSON (?survey=, ?limit=, ?offset=)
//   DELETE /api/earshot/responses   one person's responses (?user=, required)
//   GET    /api/earshot/export.csv  stored responses as CSV (?survey=)
//   GET    /api/earshot/scores      the standard scores of a survey's templates as JSON (?survey=, required)
//   GET    /api/earshot/summary     what /results shows for one survey, as JSON (?survey=, required)
//   GET    /results                 the results page (?survey=)
//   GET    /api/earshot/surveys     the published survey definitions, for `surveysUrl` (ETag) — public
//   PUT    /api/earshot/surveys/:id publishes a definition (DELETE unpublishes); its versions at
//          /api/earshot/surveys/:id/versions, and POST …/versions/:n/publish makes one live again
// Every read route takes the same filter (result-filter.mjs): from/to or range, tz, journey, page,
// group, where=context.KEY:VALUE; a batch's `events` are stored as impressions (impressions.mjs).
// Only POSTing answers is public; every other route, and every route added later unless it says
// `public: true`, needs the key (read-access.mjs) and sends no CORS headers.
// Responses answered in a preview (`preview: true`) are stored, flagged, and listed by
// /responses, but results, scores and the CSV export leave them out: they are not real answers.
// A batch is answered 2xx only once its transaction is committed; anything the SDK should not
// retry is a 4xx naming the field at fault; only a storage failure is a 503 the SDK retries.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createOriginPolicy } from './cors.mjs';
import { answerColumnsIn } from './csv-columns.mjs';
import { createCsvStream, headerRow, responseRow } from './csv-export.mjs';
import { createHostPolicy } from './host-policy.mjs';
import { problemsWithBatch } from './ingestion-rules.mjs';
import { clientAddress, createPostRateLimit, DEFAULT_POSTS_PER_MINUTE } from './rate-limit.mjs';
import { createReadAccess, isLocalRequest } from './read-access.mjs';
import { readStoredRow } from './readable-response.mjs';
import { MissingValidatorError, problemsWithDefinition } from './definition-check.mjs';
import { ID_PATTERN } from './limits.mjs';
import { BodyError, readBody } from './request-body.mjs';
import { silentLog } from './request-log.mjs';
import { DEFAULT_BUSY_TIMEOUT_MS, IN_MEMORY, SurveyMoveError, openResponseStore } from './response-store.mjs';
import { toImpressionRows } from './impressions.mjs';
import { FilterError, breakdownFromParams, filterFromParams, paramsOfFilter, zoneFromParams } from './result-filter.mjs';
import { TIME_ZONE_SCRIPT_HASH, renderResultsPage } from './results-page.mjs';
import { toStoredVersions } from './stored-version.mjs';
import { filterChoicesOf } from './filter-choices.mjs';
import { countResponses, countUnreadable, scoreTemplatesIn, summarizeSurvey } from './survey-summary.mjs';
import { createSurveyRegistry, matchesEtag } from './survey-registry.mjs';
import { parseWebhookFilter, parseWebhookUrl } from './webhook-filter.mjs';
import { webhookBodyOf } from './webhook-message.mjs';
import { createWebhookSender } from './webhook-sender.mjs';
import { SMALL_SAMPLE } from './template-scores.mjs';

export const COLLECTOR_PATH = '/api/earshot';
export const RESPONSES_PATH = '/api/earshot/responses';
export const EXPORT_PATH = '/api/earshot/export.csv';
export const SCORES_PATH = '/api/earshot/scores';
export const RESULTS_PATH = '/results';
export const SURVEYS_PATH = '/api/earshot/surveys';
export const SUMMARY_PATH = '/api/earshot/summary';

/** 256 KB: far above the SDK's batches (about 32 KB at most), small enough to refuse abuse cheaply. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** The in-process log of accepted batches (for tests and the console) keeps only the latest. */
export const RECENT_BATCHES_KEPT = 500;
/** Seconds the SDK is asked to wait before retrying after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;
/** The results page summarizes this many surveys (the first answered); it links to the others. */
export const MAX_SURVEYS_SUMMARIZED = 20;
/**
 * Rows read from the store at a time; between two reads other requests get their turn. Small, so a
 * page is done before V8's next young-generation collection and never reaches the old one: with
 * 1,000 the CSV export's heap grew by the pages it promoted (peak 165 MB at 100,000 responses,
 * 154 MB with 200, and the export ran in 9 s instead of 14 s).
 */
export const READ_PAGE_ROWS = 200;
/** A comment search is cut to this many characters. */
export const MAX_SEARCH_LENGTH = 200;
export const RETENTION_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/**
 * Seconds browsers (and shared caches) may reuse the surveys list without asking again. 0: every
 * page load revalidates it with its ETag (a 304 without a body), so a publish shows on the next one.
 */
export const DEFAULT_SURVEYS_MAX_AGE_SECONDS = 0;
const DAY_MS = 24 * 60 * 60 * 1000;

const JSON_TYPE = 'application/json; charset=utf-8';
const ACCEPTED_BODY_TYPES = ['application/json', 'text/plain'];

/** Thrown inside a handler to answer with `status` and `{ error, problems? }`. */
class RequestProblem extends Error {
  constructor(status, message, { headers = {}, problems, closeConnection = false } = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.problems = problems;
    this.closeConnection = closeConnection;
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
    throw new RequestProblem(400, `${name}: must be a whole number ${range} (got ${JSON.stringify(text.slice(0, 100))})`);
  }
  return value;
}

/** The filter a read route's query asks for (survey, from, to), or a 400 naming the parameter. */
function filterParam(params, nowMs = Date.now()) {
  return readParams(() => filterFromParams(params, { now: nowMs }));
}

/** Runs a reader of query parameters, turning a FilterError into a 400 naming the parameter. */
function readParams(read) {
  try {
    return read();
  } catch (error) {
    if (error instanceof FilterError) throw new RequestProblem(400, error.message);
    throw error;
  }
}

/**
 * How a summary is shown, beside the filter: `by` (a context key to break scores down by), the
 * time zone, and the comments' search (`q`) and page (`comments`, from 1).
 */
function viewParams(params) {
  const q = (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  return {
    by: readParams(() => breakdownFromParams(params)),
    zone: readParams(() => zoneFromParams(params)),
    search: q === '' ? null : q,
    commentsPage: wholeNumberParam(params, 'comments', { min: 1, max: 10_000, fallback: 1 }) - 1,
  };
}

/** Lets other requests in between two steps of a long read. */
const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Creates a collector. `handle(req, res)` serves the collector's routes and returns true, or
 * returns false for any other path so the caller can serve it. The options are documented in
 * collector.d.mts; every one has a default that suits a developer's machine.
 *
 * In-process view for tests: `batches` (the latest accepted batches, as received), `rejected`
 * (refused requests: status and error), `responses()` (stored responses in arrival order),
 * `requestCount` (requests to the collector's routes, preflights included), `counts` (refusals
 * by kind) and `reset()`.
 */
export function createCollector({
  database = IN_MEMORY,
  databaseUrl = null,
  poolSize,
  allowedOrigins = [],
  allowedHosts = [],
  readToken = null,
  postsPerMinute = DEFAULT_POSTS_PER_MINUTE,
  trustProxy = false,
  retentionDays = null,
  surveysMaxAgeSeconds = DEFAULT_SURVEYS_MAX_AGE_SECONDS,
  webhookUrl = null,
  webhookFilter = null,
  webhookRetryBaseMs,
  webhookPollIntervalMs,
  bodyLimit = DEFAULT_BODY_LIMIT,
  busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS,
  demoPath = null,
  log = silentLog,
  now = () => Date.now(),
  onBatch,
} = {}) {
  // Both checked before anything opens: a bad setting is one line at start, never a silent webhook.
  const webhookTarget = parseWebhookUrl(webhookUrl);
  const notifyFilter = parseWebhookFilter(webhookFilter);
  const notification = webhookTarget ? (version) => (notifyFilter.matches(version) ? webhookBodyOf(version) : null) : null;
  const store = openResponseStore({ file: database, databaseUrl, poolSize, busyTimeoutMs, notification });
  const origins = createOriginPolicy(allowedOrigins);
  const hosts = createHostPolicy(allowedHosts);
  const access = createReadAccess({ readToken });
  const rateLimit = createPostRateLimit({ perMinute: postsPerMinute });
  const registry = createSurveyRegistry({ store, now });
  /** The webhook's sender, once the store is ready (EARSHOT_WEBHOOK_URL set). */
  let webhook = null;
  let closing = false;
  const batches = [];
  const rejected = [];
  const counts = { surveyMoves: 0, rateLimited: 0, unknownHost: 0, refusedOrigin: 0 };
  let requestCount = 0;

  function sendJson(req, res, status, body, headers = {}) {
    send(req, res, status, { 'Content-Type': JSON_TYPE, ...headers }, JSON.stringify(body));
  }

  async function parseBatch(req) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== '' && !ACCEPTED_BODY_TYPES.includes(type)) {
      throw new RequestProblem(415, `content-type: must be application/json or text/plain (got ${JSON.stringify(type.slice(0, 100))})`);
    }
    let text;
    try {
      text = await readBody(req, bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      if (error.reason === 'too-large') throw new RequestProblem(413, `body: larger than the limit of ${bodyLimit} bytes`, { closeConnection: true });
      if (error.reason === 'aborted') throw error;
      throw new RequestProblem(400, `body: ${error.message}`, { closeConnection: true });
    }
    let batch;
    try {
      batch = JSON.parse(text);
    } catch (error) {
      throw new RequestProblem(400, `body: not valid JSON (${error.message})`);
    }
    const problems = problemsWithBatch(batch);
    if (problems.length > 0) throw new RequestProblem(400, problems.join('; '), { problems });
    return batch;
  }

  async function receiveBatch(req, res) {
    // Programs on this machine (a developer's tests, a health check) are not counted; a proxy's
    // requests are, by the address it forwards when trusted.
    const retryAfter = isLocalRequest(req) ? null : await rateLimit.take(clientAddress(req, { trustProxy }));
    if (retryAfter !== null) {
      counts.rateLimited++;
      throw new RequestProblem(429, `rate: more than ${rateLimit.perMinute} batches a minute from this client; retry in ${retryAfter} s`, {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    const batch = await parseBatch(req);
    let result;
    try {
      const receivedMs = now();
      const { events, ...saved } = await store.save(toStoredVersions(batch, receivedMs), toImpressionRows(batch, receivedMs));
      // `events`: the impressions newly stored (a repeated id is not), told only to senders of some.
      result = batch.events ? { ...saved, events } : saved;
    } catch (error) {
      if (error instanceof SurveyMoveError) {
        counts.surveyMoves += error.moves.length;
        const problems = error.moves.map(
          (move) => `responses[${move.index}].surveyId: response ${move.id} belongs to survey "${move.storedSurveyId}"; a stored response never moves to another survey`,
        );
        log('survey-move', { moves: error.moves });
        throw new RequestProblem(409, problems.join('; '), { problems });
      }
      throw new RequestProblem(503, `storage: ${error.message}; nothing from this batch was stored, retry later`, {
        headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
      });
    }
    batches.push(batch);
    if (batches.length > RECENT_BATCHES_KEPT) batches.shift();
    log('batch', {
      client: clientAddress(req, { trustProxy }),
      ...result,
      responses: batch.responses.map((r) => ({ surveyId: r.surveyId, id: r.id, completed: r.completed, ...(log.answers && { answers: r.answers }) })),
    });
    onBatch?.(batch, result);
    // Sent after the answer, never before it: the batch's notifications are already in the queue.
    webhook?.wake();
    sendJson(req, res, 200, { ok: true, ...result }, origins.headersFor(req));
  }

  /** The responses `filter` selects that can be shown, one at a time, so a reader never holds more than a page. */
  async function* eachResponse(filter) {
    let afterSeq = 0;
    for (;;) {
      const rows = await store.rowsAfter({ filter, afterSeq, limit: READ_PAGE_ROWS });
      for (const row of rows) {
        const response = readStoredRow(row);
        if (response) yield response;
      }
      if (rows.length < READ_PAGE_ROWS) return;
      afterSeq = rows.at(-1).seq;
    }
  }

  async function listResponses(req, res, params) {
    const filter = filterParam(params, now());
    const limit = wholeNumberParam(params, 'limit', { min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE });
    const offset = wholeNumberParam(params, 'offset', { min: 0, fallback: 0 });
    const total = await store.count({ filter });
    const responses = await store.list({ filter, limit, offset });
    let next = null;
    if (offset + responses.length < total) {
      const nextParams = paramsOfFilter(filter);
      nextParams.set('limit', String(limit));
      nextParams.set('offset', String(offset + limit));
      next = `${RESPONSES_PATH}?${nextParams}`;
    }
    sendJson(req, res, 200, { total, offset, limit, responses, next });
  }

  async function deleteResponses(req, res, params) {
    const userId = params.get('user');
    if (!userId) throw new RequestProblem(400, `user: is required, as in ${RESPONSES_PATH}?user=ID (the user.id the responses carry)`);
    const deleted = await store.deleteByUser(userId);
    log('deleted', { reason: 'user', deleted });
    sendJson(req, res, 200, { deleted });
  }

  async function exportCsv(req, res, params) {
    const filter = filterParam(params, now());
    const { surveyId } = filter;
    const filename = surveyId === null ? 'earshot-responses.csv' : `earshot-responses-${surveyId.replace(/[^\w.-]/g, '_').slice(0, 64)}.csv`;
    // The question columns come from the database; the rows are then read once, a page at a time.
    const columns = await answerColumnsIn(store, filter);
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    async function* rows() {
      yield headerRow(columns);
      for await (const response of eachResponse(filter)) yield responseRow(response, columns);
    }
    await pipeline(Readable.from(rows()), createCsvStream(), res);
  }

  async function listScores(req, res, params) {
    const filter = filterParam(params, now());
    if (filter.surveyId === null) throw new RequestProblem(400, `survey: is required, as in ${SCORES_PATH}?survey=ID`);
    sendJson(req, res, 200, {
      surveyId: filter.surveyId,
      responses: (await countResponses(store, filter)).responses,
      previewResponses: await store.count({ filter, preview: true }),
      unreadableResponses: await countUnreadable(store, filter),
      smallSampleBelow: SMALL_SAMPLE,
      scores: await scoreTemplatesIn(store, filter),
    });
  }

  /** One survey's summary, or what the page says instead when it cannot be made. */
  async function summaryOf(filter, previews, view) {
    const unreadable = await countUnreadable(store, filter);
    try {
      const summary = await summarizeSurvey(store, filter, view);
      return { ...summary, unreadable, previews };
    } catch (error) {
      log('summary-failed', { surveyId: filter.surveyId, error: String(error?.stack ?? error) });
      return { surveyId: filter.surveyId, failed: true, responses: (await countResponses(store, filter)).responses, unreadable, previews };
    }
  }

  async function showResults(req, res, params) {
    const filter = filterParam(params, now());
    const view = viewParams(params);
    // The filter form's choices are read beside the summaries (PostgreSQL: on another connection).
    const filterChoices = filter.surveyId === null ? null : filterChoicesOf(store, filter.surveyId);
    filterChoices?.catch(() => {}); // awaited below; a failure there answers the request
    const surveys = await store.surveys({ filter });
    const summaries = [];
    for (const { surveyId: id, previews } of surveys.slice(0, MAX_SURVEYS_SUMMARIZED)) {
      summaries.push(await summaryOf({ ...filter, surveyId: id }, previews, view));
      await yieldToOthers();
    }
    const page = renderResultsPage({
      // A survey answered only in previews is listed with its previews counted apart.
      summaries: summaries.filter((summary) => summary.responses > 0 || summary.unreadable > 0 || summary.previews > 0),
      notSummarized: surveys.slice(MAX_SURVEYS_SUMMARIZED),
      links: { responses: RESPONSES_PATH, csv: EXPORT_PATH, results: RESULTS_PATH, summary: SUMMARY_PATH, demo: demoPath },
      surveyId: filter.surveyId,
      filter,
      view,
      params,
      filterChoices: await filterChoices,
      generatedAt: new Date(now()),
    });
    send(
      req,
      res,
      200,
      {
        'Content-Type': 'text/html; charset=utf-8',
        // The page shows text strangers typed; even if escaping ever failed, nothing could run: the
        // one script allowed is the page's own time-zone line, by its hash. The filter form submits
        // to this page only.
        'Content-Security-Policy': `default-src 'none'; script-src '${TIME_ZONE_SCRIPT_HASH}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      },
      page,
    );
  }

  // ---- The surveys registry (survey-registry.mjs) ----

  const surveysCacheControl = surveysMaxAgeSeconds > 0 ? `public, max-age=${surveysMaxAgeSeconds}` : 'no-cache';

  async function listSurveys(req, res) {
    const { body, etag } = await registry.liveList();
    const headers = { ETag: etag, 'Cache-Control': surveysCacheControl, ...origins.headersFor(req) };
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, { 'X-Content-Type-Options': 'nosniff', ...headers });
      return void res.end();
    }
    send(req, res, 200, { 'Content-Type': JSON_TYPE, ...headers }, body);
  }

  /** The `:id` of a registry route, checked as survey ids are. */
  function surveyIdParam({ id }) {
    if (!ID_PATTERN.test(id))
      throw new RequestProblem(400, `id: a survey id is 1–64 letters, digits or _ . : - starting with a letter or digit (got ${JSON.stringify(id.slice(0, 100))})`);
    return id;
  }

  async function readDefinition(req) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') throw new RequestProblem(415, `content-type: must be application/json (got ${JSON.stringify(type.slice(0, 100))})`);
    let text;
    try {
      text = await readBody(req, bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyError) || error.reason === 'aborted') throw error;
      if (error.reason === 'too-large') throw new RequestProblem(413, `body: larger than the limit of ${bodyLimit} bytes`, { closeConnection: true });
      throw new RequestProblem(400, `body: ${error.message}`, { closeConnection: true });
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new RequestProblem(400, `body: not valid JSON (${error.message})`);
    }
  }

  async function publishSurvey(req, res, _params, pathParams) {
    const surveyId = surveyIdParam(pathParams);
    const definition = await readDefinition(req);
    let problems;
    try {
      problems = await problemsWithDefinition(definition);
    } catch (error) {
      if (error instanceof MissingValidatorError) throw new RequestProblem(500, `registry: ${error.message}`);
      throw error;
    }
    if (problems.length === 0 && definition.id !== surveyId) problems = [`id: expected ${JSON.stringify(surveyId)}, the id in the address (got ${JSON.stringify(definition.id)})`];
    if (problems.length > 0) throw new RequestProblem(400, `definition: nothing was published; ${problems.join('; ')}`, { problems });
    const { created, ...published } = await registry.publish(surveyId, definition);
    log('published', { surveyId, version: published.version, created });
    sendJson(req, res, created ? 201 : 200, { surveyId, ...published });
  }

  async function unpublishSurvey(req, res, _params, pathParams) {
    const surveyId = surveyIdParam(pathParams);
    const result = await registry.unpublish(surveyId);
    if (!result) throw new RequestProblem(404, `survey: ${JSON.stringify(surveyId)} was never published`);
    log('unpublished', { surveyId, version: result.previouslyLive });
    sendJson(req, res, 200, result);
  }

  async function listVersions(req, res, _params, pathParams) {
    const surveyId = surveyIdParam(pathParams);
    const versions = await registry.versionsOf(surveyId);
    if (!versions) throw new RequestProblem(404, `survey: ${JSON.stringify(surveyId)} was never published`);
    sendJson(req, res, 200, versions);
  }

  async function republishVersion(req, res, _params, pathParams) {
    const surveyId = surveyIdParam(pathParams);
    const version = Number(pathParams.version);
    const published = /^[1-9]\d{0,8}$/.test(pathParams.version) ? await registry.republish(surveyId, version) : null;
    if (!published) throw new RequestProblem(404, `version: survey ${JSON.stringify(surveyId)} has no version ${JSON.stringify(pathParams.version.slice(0, 20))}`);
    log('published', { surveyId, version, created: false, republished: true });
    sendJson(req, res, 200, { surveyId, ...published });
  }

  /** One survey's summary as JSON: exactly the figures /results shows for the same query. */
  async function showSummary(req, res, params) {
    const filter = filterParam(params, now());
    if (filter.surveyId === null) throw new RequestProblem(400, `survey: is required, as in ${SUMMARY_PATH}?survey=ID`);
    const view = viewParams(params);
    const summary = await summarizeSurvey(store, filter, view);
    sendJson(req, res, 200, {
      ...summary,
      previewResponses: await store.count({ filter, preview: true }),
      unreadableResponses: await countUnreadable(store, filter),
      smallSampleBelow: SMALL_SAMPLE,
    });
  }

  function answerPreflight(req, res) {
    send(req, res, 204, origins.headersFor(req, { preflight: true }), '');
  }

  /**
   * Every route, with its methods. A route is keyed (needs the read token, or a local client
   * without one) unless it says `public: true`: a route added later is protected by default.
   */
  const ROUTES = {
    [COLLECTOR_PATH]: { public: true, methods: { POST: receiveBatch, OPTIONS: answerPreflight } },
    [RESPONSES_PATH]: { methods: { GET: listResponses, HEAD: listResponses, DELETE: deleteResponses } },
    [EXPORT_PATH]: { methods: { GET: exportCsv, HEAD: exportCsv } },
    [SCORES_PATH]: { methods: { GET: listScores, HEAD: listScores } },
    [RESULTS_PATH]: { methods: { GET: showResults, HEAD: showResults } },
    // The surveys registry: the list is public (every visitor's SDK reads it); writing needs the key.
    [SURVEYS_PATH]: { public: true, methods: { GET: listSurveys, HEAD: listSurveys } },
    // Results (issues #21, #25): the filtered view as JSON.
    [SUMMARY_PATH]: { methods: { GET: showSummary, HEAD: showSummary } },
  };

  /** Routes with parameters in their path (`:name`), tried in order after the fixed ones; keyed as above unless `public: true`. */
  const PATTERN_ROUTES = [
    // The surveys registry's keyed routes.
    { path: `${SURVEYS_PATH}/:id`, methods: { PUT: publishSurvey, DELETE: unpublishSurvey } },
    { path: `${SURVEYS_PATH}/:id/versions`, methods: { GET: listVersions, HEAD: listVersions } },
    { path: `${SURVEYS_PATH}/:id/versions/:version/publish`, methods: { POST: republishVersion } },
  ].map((route) => ({ ...route, pattern: new RegExp(`^${route.path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`) }));

  /** The route for `pathname` and the values of its `:names` (decoded), or null. */
  function routeOf(pathname) {
    if (Object.hasOwn(ROUTES, pathname)) return { route: ROUTES[pathname], pathParams: {} };
    for (const route of PATTERN_ROUTES) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const pathParams = {};
      for (const [name, value] of Object.entries(match.groups)) {
        try {
          pathParams[name] = decodeURIComponent(value);
        } catch {
          pathParams[name] = value;
        }
      }
      return { route, pathParams };
    }
    return null;
  }

  /** Refuses the request unless its route, host, origin and credentials allow it. */
  function admit(req, route) {
    if (!hosts.allows(req)) {
      counts.unknownHost++;
      throw new RequestProblem(421, `host: ${JSON.stringify(String(req.headers.host ?? '').slice(0, 200))} is not a name this collector answers to; add it to ALLOWED_HOSTS`);
    }
    const handler = route.methods[req.method];
    if (!handler) {
      const allowed = Object.keys(route.methods).join(', ');
      throw new RequestProblem(405, `method: ${String(req.method).slice(0, 20)} is not allowed here, use ${allowed}`, { headers: { Allow: allowed } });
    }
    if (route.public) {
      if (!origins.allows(req)) {
        counts.refusedOrigin++;
        throw new RequestProblem(403, `origin: ${String(req.headers.origin).slice(0, 200)} may not use this collector; add it to ALLOWED_ORIGINS`);
      }
      return handler;
    }
    // Answers are never for another site's scripts, whatever ALLOWED_ORIGINS says.
    if (req.headers.origin !== undefined && !origins.isSameHost(req)) {
      throw new RequestProblem(403, `origin: ${String(req.headers.origin).slice(0, 200)} may not read answers; only pages of this collector may`);
    }
    const refusal = access.check(req);
    if (refusal) throw new RequestProblem(refusal.status, refusal.message, { headers: refusal.headers });
    return handler;
  }

  function refuse(req, res, route, problem) {
    if (req.method === 'POST') rejected.push({ status: problem.status, error: problem.message });
    log('refused', {
      status: problem.status,
      method: req.method,
      path: new URL(req.url ?? '/', 'http://collector').pathname,
      client: clientAddress(req, { trustProxy }),
      ...(req.headers.origin !== undefined && { origin: req.headers.origin }),
      error: problem.message,
    });
    const headers = { ...(route.public && origins.headersFor(req)), ...problem.headers };
    // A body left unread is drained so the client reads this answer, unless it may be larger than
    // the limit: then the connection ends instead.
    const declared = Number(req.headers['content-length'] ?? 0);
    const drainable = Number.isFinite(declared) && declared <= bodyLimit && req.headers['transfer-encoding'] === undefined;
    if (problem.closeConnection || !(req.complete || drainable)) {
      // What is left of the body is not read: the connection ends once the answer is out.
      headers.Connection = 'close';
      res.once('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref());
    } else if (!req.readableEnded) req.resume();
    const body = { error: problem.message, ...(problem.problems && { problems: problem.problems }) };
    sendJson(req, res, problem.status, body, headers);
  }

  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://collector');
    const found = routeOf(url.pathname);
    if (!found) return false;
    const { route, pathParams } = found;
    requestCount++;
    const run = async () => {
      const handler = admit(req, route);
      try {
        await store.ready;
      } catch (error) {
        throw new RequestProblem(503, `storage: ${error.message}; retry later`, { headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) } });
      }
      await handler(req, res, url.searchParams, pathParams);
    };
    run().catch((error) => {
      // A client that went away, or an answer already under way, cannot be answered again.
      if (res.headersSent || res.destroyed || error instanceof BodyError) res.destroy();
      else if (error instanceof RequestProblem) refuse(req, res, route, error);
      else {
        log('error', { path: url.pathname, error: String(error?.stack ?? error) });
        refuse(req, res, route, new RequestProblem(500, 'server: an unexpected error; the collector log has the details'));
      }
    });
    return true;
  }

  async function removeExpired() {
    if (!retentionDays) return 0;
    const deleted = await store.deleteReceivedBefore(now() - retentionDays * DAY_MS);
    log('deleted', { reason: 'retention', retentionDays, deleted });
    return deleted;
  }
  const removeExpiredLogged = () => removeExpired().catch((error) => log('error', { task: 'retention', error: String(error?.message ?? error) }));
  store.ready.then(removeExpiredLogged, (error) => log('error', { task: 'migrate', error: String(error?.message ?? error) }));
  const retentionTimer = retentionDays ? setInterval(removeExpiredLogged, RETENTION_CHECK_INTERVAL_MS).unref() : null;
  if (webhookTarget) {
    store.ready.then(
      () => {
        if (closing) return;
        webhook = createWebhookSender({ store, url: webhookTarget, log, now, retryBaseMs: webhookRetryBaseMs, pollIntervalMs: webhookPollIntervalMs });
        webhook.wake();
      },
      () => {},
    );
  }

  return {
    /** The store itself (store-api.mjs), for tools and the bench. */
    store,
    handle,
    batches,
    rejected,
    counts,
    /** Where responses are stored: a file path or `:memory:` (SQLite), or null on PostgreSQL. */
    database: store.engine === 'sqlite' ? database : null,
    /** `sqlite` or `postgres`. */
    engine: store.engine,
    /** Resolves once the database is open and migrated (rejects when it cannot be: then every route answers 503). */
    ready: store.ready,
    allowedOrigins,
    allowedHosts,
    /** Whether keyed routes need EARSHOT_READ_TOKEN (else: local clients only). */
    requiresToken: access.requiresToken,
    /** The routes and their methods, `public` or keyed: what tests enumerate. */
    routes: [...Object.entries(ROUTES).map(([path, route]) => ({ path, ...route })), ...PATTERN_ROUTES].map(({ path, ...route }) => ({
      path,
      public: route.public === true,
      methods: Object.keys(route.methods),
    })),
    /** SQLite only (it answers at once): the stored responses, previews included, in arrival order. */
    responses: () => store.listNow(),
    /** The stored responses, previews included, in arrival order (either store). */
    storedResponses: () => store.list(),
    /** Runs the retention rule now (it also runs at start and daily); returns how many were removed. */
    removeExpired,
    get requestCount() {
      return requestCount;
    },
    async reset() {
      batches.length = 0;
      rejected.length = 0;
      requestCount = 0;
      for (const key of Object.keys(counts)) counts[key] = 0;
      await store.clear();
      await registry.clear();
      if (webhookTarget) await store.query('DELETE FROM webhook_queue', []);
    },
    /** EARSHOT_WEBHOOK_URL and EARSHOT_WEBHOOK_FILTER as understood, or null when no webhook is set. */
    webhook: webhookTarget ? { url: webhookTarget, filter: notifyFilter.text } : null,
    async close() {
      closing = true;
      if (retentionTimer) clearInterval(retentionTimer);
      await webhook?.stop();
      await store.ready.catch(() => {});
      await store.close();
    },
  };
}
