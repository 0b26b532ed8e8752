// A demo server with a collector on a fresh database of the store under test (support/test-store.ts),
// and HTTP helpers for the tests.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { createCollector, type CollectorOptions } from '../../examples/collector/collector.mjs';
import { freshDatabase } from './support/test-store';

export interface Demo {
  readonly server: DemoServer;
  url(path: string): string;
  /** POSTs `body` (JSON-encoded unless a string) to the collector endpoint. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the collector's JSON field by field, as a client would
  getJson(path: string): Promise<any>;
}

/**
 * Starts one server for the test file and empties its database after each test. `options` go to
 * the collector; the database is a fresh one of the store under test unless they say otherwise.
 */
export function useDemo(options: CollectorOptions = {}): Demo {
  let server: DemoServer | undefined;
  beforeAll(async () => {
    const collector = createCollector({ ...(await freshDatabase()), ...options });
    await collector.ready;
    server = await createServer({ port: 0, collector });
  });
  afterEach(() => server?.collector.reset());
  afterAll(async () => {
    await server?.close();
    await server?.collector.close();
  });
  const need = () => {
    if (!server) throw new Error('the demo server only runs inside tests');
    return server;
  };
  const url = (path: string) => new URL(path, need().url).href;
  return {
    get server() {
      return need();
    },
    url,
    post(body, headers = { 'Content-Type': 'application/json' }) {
      return fetch(url('/api/earshot'), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    },
    async getJson(path) {
      const res = await fetch(url(path));
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
  };
}

export const batchOf = (...responses: unknown[]) => ({ sentAt: new Date().toISOString(), responses });

/** The responses the demo's collector stores, previews included, in arrival order. */
export const storedIn = (demo: Demo) => demo.server.collector.storedResponses();
