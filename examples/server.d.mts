// Types for server.mjs (used by the TypeScript tests).
import type { Server } from 'node:http';
import type { Collector } from './collector/collector.mjs';

export interface DemoServer {
  /** Origin, e.g. `http://127.0.0.1:5178`. */
  url: string;
  port: number;
  server: Server;
  collector: Collector;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** Default PORT, else 5178; 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1; any address other machines can reach needs a collector with a read token. */
  host?: string;
  /** Without one, a collector with an in-memory database is made and closed with the server. */
  collector?: Collector;
  /** How long a client may take to send its headers; default 10 s. */
  headersTimeoutMs?: number;
  /** How long a client may take to send its whole request; default 30 s. */
  requestTimeoutMs?: number;
  /** How long an idle kept-alive connection stays open; default 5 s. */
  keepAliveTimeoutMs?: number;
}

/** The SQLite file `npm start` uses when EARSHOT_DB is not set. */
export const DEFAULT_DATABASE: string;
export const DEFAULT_PORT: number;
export const DEFAULT_HOST: string;
export const DEFAULT_HEADERS_TIMEOUT_MS: number;
export const DEFAULT_REQUEST_TIMEOUT_MS: number;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS: number;

/** Whether a HOST value can be reached from this machine only. */
export function isLoopbackHost(host: string): boolean;

export function createServer(options?: DemoServerOptions): Promise<DemoServer>;
