// Types for collector.mjs (used by the TypeScript tests).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COLLECTOR_PATH: '/api/earshot';
export const RESPONSES_PATH: '/api/earshot/responses';
export const DEFAULT_BODY_LIMIT: number;

/** A delivered response (DESIGN.md §3); only the fields the collector checks are typed. */
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

export interface ResponseStore {
  upsert(response: StoredResponse): 'inserted' | 'updated' | 'kept';
  list(): StoredResponse[];
  clear(): void;
}

export interface Collector {
  /** Serves a collector route and returns true, or returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Every accepted batch, as received, in arrival order. */
  readonly batches: Batch[];
  /** Every refused request. */
  readonly rejected: Array<{ status: number; error: string }>;
  /** Stored responses in insertion order. */
  responses(): StoredResponse[];
  /** Requests to the collector routes, preflights included. */
  readonly requestCount: number;
  reset(): void;
}

export interface CollectorOptions {
  bodyLimit?: number;
  store?: ResponseStore;
  onBatch?: (batch: Batch, result: { stored: number; kept: number }) => void;
}

export function shouldReplace(existing: StoredResponse, incoming: StoredResponse): boolean;
export function createMemoryStore(): ResponseStore;
export function validateBatch(batch: unknown): string[];
export function createCollector(options?: CollectorOptions): Collector;
