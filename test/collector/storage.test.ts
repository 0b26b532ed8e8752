// Where the collector keeps answers: a SQLite file that survives restarts, written in one
// transaction per batch, acknowledged only once committed, and never served as a static file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, STORAGE_RETRY_AFTER_SECONDS, type Collector } from '../../examples/collector/collector.mjs';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { batchOf } from './demo';
import { storeUnderTest } from './support/test-store';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratchFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-collector-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function start(options: Parameters<typeof createCollector>[0]): Promise<{ server: DemoServer; collector: Collector }> {
  const collector = createCollector(options);
  const server = await createServer({ port: 0, collector });
  cleanups.push(async () => {
    await server.close();
    collector.close();
  });
  return { server, collector };
}

const post = (server: DemoServer, body: unknown) =>
  fetch(`${server.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// SQLite's own file (its folder, its write lock, never served): PostgreSQL keeps no file; its
// persistence across processes is concurrent-processes.test.ts.
describe.runIf(storeUnderTest === 'sqlite')('SQLite storage', () => {
  it('creates its folder and schema on first start, and keeps responses across a restart', async () => {
    const database = path.join(scratchFolder(), 'nested', 'earshot.sqlite');
    const response = makeResponse({ id: 'kept-across-restart' });
    const first = await start({ database });
    expect((await post(first.server, batchOf(response))).status).toBe(200);
    await cleanups.pop()!();

    const second = await start({ database });
    expect(await second.collector.storedResponses()).toEqual([response]);
    const page = await (await fetch(`${second.server.url}/results`)).text();
    expect(page).toContain('1 response</strong>: <strong>1</strong> complete');
  });

  it('answers 503 with Retry-After and stores nothing while another process holds the write lock, then stores the retry', async () => {
    const database = path.join(scratchFolder(), 'locked.sqlite');
    const { server, collector } = await start({ database, busyTimeoutMs: 50 });
    const other = new Database(database);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');

    const batch = batchOf(makeResponse({ id: 'waits' }));
    const refused = await post(server, batch);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(STORAGE_RETRY_AFTER_SECONDS));
    expect((await refused.json()).error).toMatch(/^storage: database is locked; nothing from this batch was stored/);
    expect(await collector.storedResponses()).toEqual([]);

    other.exec('COMMIT');
    const retried = await post(server, batch);
    expect(retried.status).toBe(200);
    expect((await collector.storedResponses()).map((r) => r.id)).toEqual(['waits']);
  });

  it('never serves its code, its data folder or its database file as static files', async () => {
    // Where `npm start` keeps the database by default, inside the folder the demo serves.
    const dataFolder = fileURLToPath(new URL('../../examples/collector/data/', import.meta.url));
    const name = `served-check-${process.pid}.sqlite`;
    cleanups.push(() => ['', '-wal', '-shm'].forEach((end) => rmSync(path.join(dataFolder, name + end), { force: true })));
    const { server } = await start({ database: path.join(dataFolder, name) });
    await post(server, batchOf(makeResponse()));
    for (const file of [`/collector/data/${name}`, `/collector/data/${name}-wal`, '/collector/collector.mjs', '/collector/']) {
      expect((await fetch(`${server.url}${file}`)).status, file).toBe(404);
    }
  });
});
