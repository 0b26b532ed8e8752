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

export function createServer(options?: { port?: number; host?: string; collector?: Collector }): Promise<DemoServer>;
