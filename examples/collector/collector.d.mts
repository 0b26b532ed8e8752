// Types for collector.mjs (used by the TypeScript tests).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COLLECTOR_PATH: '/api/earshot';
export const RESPONSES_PATH: '/api/earshot/responses';
export const EXPORT_PATH: '/api/earshot/export.csv';
export const SCORES_PATH: '/api/earshot/scores';
export const RESULTS_PATH: '/results';
export const DEFAULT_BODY_LIMIT: number;
export const DEFAULT_PAGE_SIZE: number;
export const MAX_PAGE_SIZE: number;
export const RECENT_BATCHES_KEPT: number;
export const STORAGE_RETRY_AFTER_SECONDS: number;

/** A delivered response (DESIGN.md §3); src/schema/batch.schema.json has the full shape. */
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

export interface CollectorOptions {
  /** SQLite file path, or `:memory:` (the default). The folder is created if missing. */
  database?: string;
  /** Origins allowed to use the collector from other sites; `*` allows any. */
  allowedOrigins?: string[];
  /** Largest accepted body in bytes; default 256 KB. */
  bodyLimit?: number;
  /** How long a write waits for a lock held by another connection; default 5000 ms. */
  busyTimeoutMs?: number;
  /** Path of the demo pages, linked from an empty results page. */
  demoPath?: string | null;
  /** Called after each committed batch. */
  onBatch?: (batch: Batch, result: { stored: number; kept: number }) => void;
}

export interface Collector {
  /** Serves a collector route and returns true, or returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** The latest accepted batches (up to RECENT_BATCHES_KEPT), as received, in arrival order. */
  readonly batches: Batch[];
  /** Every refused POST. */
  readonly rejected: Array<{ status: number; error: string }>;
  readonly database: string;
  readonly allowedOrigins: string[];
  /** Stored responses in arrival order of their first version. */
  responses(): StoredResponse[];
  /** Requests to the collector routes, preflights included. */
  readonly requestCount: number;
  /** Empties the database and the in-process logs. */
  reset(): void;
  /** Closes the database. */
  close(): void;
}

export function createCollector(options?: CollectorOptions): Collector;
