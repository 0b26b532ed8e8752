// Types for server.mjs (used by the TypeScript tests).
import type { Server } from 'node:http';
import type { Collector } from './collector/collector.mjs';

export interface DemoServer {
  /** Origin, e.g. `http://127.0.0.1:5173`. */
  url: string;
  port: number;
  server: Server;
  collector: Collector;
  close(): Promise<void>;
}

/** The SQLite file `npm start` uses when EARSHOT_DB is not set. */
export const DEFAULT_DATABASE: string;

/** Without a collector, one with an in-memory database is made and closed with the server. */
export function createServer(options?: { port?: number; host?: string; collector?: Collector }): Promise<DemoServer>;
