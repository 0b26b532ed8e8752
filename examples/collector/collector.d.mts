// Types for collector.mjs (used by the TypeScript tests).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COLLECTOR_PATH: '/api/earshot';
export const RESPONSES_PATH: '/api/earshot/responses';
export const EXPORT_PATH: '/api/earshot/export.csv';
export const SCORES_PATH: '/api/earshot/scores';
export const RESULTS_PATH: '/results';
export const SURVEYS_PATH: '/api/earshot/surveys';
export const DEFAULT_SURVEYS_MAX_AGE_SECONDS: number;
export const DEFAULT_BODY_LIMIT: number;
export const DEFAULT_PAGE_SIZE: number;
export const MAX_PAGE_SIZE: number;
export const RECENT_BATCHES_KEPT: number;
export const STORAGE_RETRY_AFTER_SECONDS: number;
export const MAX_SURVEYS_SUMMARIZED: number;
export const READ_PAGE_ROWS: number;
export const RETENTION_CHECK_INTERVAL_MS: number;

/** A delivered response (docs/architecture.md §3); src/schema/batch.schema.json has the full shape. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  completed: boolean;
  answers: Record<string, unknown>;
  updatedAt?: string;
  [key: string]: unknown;
}

export interface Batch {
  sentAt?: string;
  responses: StoredResponse[];
  [key: string]: unknown;
}

/** A log entry's writer: `log(event, fields)`; `answers` says whether answers may be written. */
export interface CollectorLog {
  (event: string, fields?: Record<string, unknown>): void;
  answers: boolean;
}

export interface CollectorOptions {
  /** SQLite file path, or `:memory:` (the default). The folder is created if missing. */
  database?: string;
  /** DATABASE_URL: a `postgres://` URL; when set, responses are kept in PostgreSQL instead of SQLite. */
  databaseUrl?: string | null;
  /** PostgreSQL connections this process may open (EARSHOT_DB_POOL_SIZE); default 10. */
  poolSize?: number;
  /** Origins allowed to POST answers from other sites; `*` allows any. Reading is never cross-origin. */
  allowedOrigins?: string[];
  /** Host names clients may use besides loopback names (ALLOWED_HOSTS); `*` allows any. */
  allowedHosts?: string[];
  /** EARSHOT_READ_TOKEN. Unset (the default): keyed routes answer clients on this machine only. */
  readToken?: string | null;
  /** POSTs per minute per client before 429; default 600; 0 turns the limit off. */
  postsPerMinute?: number;
  /** Behind one reverse proxy: count clients by the last X-Forwarded-For address. */
  trustProxy?: boolean;
  /** Remove responses whose stored version arrived more than this many days ago (at start, then daily). */
  retentionDays?: number | null;
  /** EARSHOT_SURVEYS_MAX_AGE: seconds the surveys list may be reused without asking; default 0 (revalidated with its ETag every time). */
  surveysMaxAgeSeconds?: number;
  /** EARSHOT_WEBHOOK_URL: each newly completed response is POSTed there from a durable queue. */
  webhookUrl?: string | null;
  /** EARSHOT_WEBHOOK_FILTER: which responses are sent (webhook-filter.mjs), e.g. `nps<=6`. A bad one throws. */
  webhookFilter?: string | null;
  /** The first retry's wait; each further one doubles (default 1000 ms; tests shorten it). */
  webhookRetryBaseMs?: number;
  /** How often the sender looks for due notifications (default 1000 ms). */
  webhookPollIntervalMs?: number;
  /** Largest accepted body in bytes; default 256 KB. */
  bodyLimit?: number;
  /** How long a write waits for a lock held by another connection (or for a free PostgreSQL connection); default 5000 ms. */
  busyTimeoutMs?: number;
  /** Path of the demo pages, linked from an empty results page. */
  demoPath?: string | null;
  /** Where log entries go; default: nowhere. request-log.mjs's createJsonLog() writes JSON lines. */
  log?: CollectorLog;
  /** The collector's clock in ms (tests set it). */
  now?: () => number;
  /** Called after each committed batch. */
  onBatch?: (batch: Batch, result: { stored: number; kept: number; events?: number }) => void;
}

export interface CollectorRoute {
  path: string;
  /** Public routes need no key; every other one does. */
  public: boolean;
  methods: string[];
}

/** What a collector keeps responses in (store-api.mjs): SQLite or PostgreSQL, the same methods. */
export interface ResponseStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Resolves once the database is open and migrated. */
  readonly ready: Promise<void>;
  /** Rows of a statement with `?` placeholders (for tools, tests and the bench). */
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Stores response versions and impression rows (impressions.mjs) in one transaction; `events` counts the impressions not seen before. */
  save(versions: unknown[], impressions?: unknown[][]): Promise<{ stored: number; kept: number; events: number }>;
  /** Up to `limit` real responses after `afterSeq` that `filter` selects, in arrival order: the pages the CSV export reads. */
  rowsAfter(options: {
    filter?: object;
    afterSeq?: number;
    limit: number;
  }): Promise<Array<{ seq: number; surveyId: string; readable: number; body: string; createdMs: number; updatedMs: number; receivedMs: number }>>;
}

export interface Collector {
  /** The store itself, for tools, tests and the bench. */
  readonly store: ResponseStore;
  /** Serves a collector route and returns true, or returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** The latest accepted batches (up to RECENT_BATCHES_KEPT), as received, in arrival order. */
  readonly batches: Batch[];
  /** Every refused POST. */
  readonly rejected: Array<{ status: number; error: string }>;
  /** Refusals by kind since the start (or the last reset). */
  readonly counts: { surveyMoves: number; rateLimited: number; unknownHost: number; refusedOrigin: number };
  /** The SQLite file or `:memory:`; null on PostgreSQL. */
  readonly database: string | null;
  /** The store: `sqlite` or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /** Resolves once the database is open and migrated; rejects when it cannot be (every route then answers 503). */
  readonly ready: Promise<void>;
  readonly allowedOrigins: string[];
  readonly allowedHosts: string[];
  /** Whether keyed routes need EARSHOT_READ_TOKEN (else: clients on this machine only). */
  readonly requiresToken: boolean;
  /** The webhook as understood (its filter as written), or null without EARSHOT_WEBHOOK_URL. */
  readonly webhook: { url: string; filter: string | null } | null;
  /** Every route with its methods. */
  readonly routes: CollectorRoute[];
  /** SQLite only (it answers at once; PostgreSQL throws): stored responses in arrival order of their first version. */
  responses(): StoredResponse[];
  /** Stored responses in arrival order of their first version, from either store. */
  storedResponses(): Promise<StoredResponse[]>;
  /** Applies the retention rule now; resolves to how many responses were removed. */
  removeExpired(): Promise<number>;
  /** Requests to the collector routes, preflights included. */
  readonly requestCount: number;
  /** Empties the database and the in-process logs. */
  reset(): Promise<void>;
  /** Closes the database. */
  close(): Promise<void>;
}

export function createCollector(options?: CollectorOptions): Collector;
