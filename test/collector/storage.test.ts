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
  await collector.ready;
  const server = await createServer({ port: 0, collector });
  cleanups.push(async () => {
    await server.close();
    await collector.close();
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

  it('migrates a version-2 file (as the collector before PostgreSQL support wrote it): same rows, same order, results from SQL', async () => {
    const database = path.join(scratchFolder(), 'v2.sqlite');
    const db = new Database(database);
    db.exec(`CREATE TABLE responses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, survey_id TEXT NOT NULL, completed INTEGER NOT NULL, preview INTEGER NOT NULL,
      user_id TEXT, rank_ms INTEGER NOT NULL, client_updated_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL,
      readable INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE INDEX responses_by_survey ON responses (survey_id, seq); CREATE INDEX responses_by_user ON responses (user_id);
      CREATE INDEX responses_by_received ON responses (received_ms); PRAGMA user_version = 2;`);
    const insert = db.prepare('INSERT INTO responses VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1, ?)');
    const at = Date.parse('2026-11-20T10:00:00.000Z');
    const QUESTIONS = [
      { id: 'score', type: 'nps', text: 'Recommend?' },
      { id: 'reason', type: 'text', text: 'Why?' },
    ];
    const older = [
      makeResponse({ id: 'v2-b', answers: { score: 10, reason: 'Lovely mug' }, questions: QUESTIONS, user: { id: 'u1' } }),
      makeResponse({ id: 'v2-a', answers: { score: 2, reason: 'Slow delivery' }, questions: QUESTIONS }),
    ];
    older.forEach((response, i) =>
      insert.run(i + 1, response.id, response.surveyId, 1, (response.user as { id?: string } | undefined)?.id ?? null, at, at, at, at, at, JSON.stringify(response)),
    );
    db.close();

    const { server, collector } = await start({ database });
    expect((await collector.storedResponses()).map((r) => r.id)).toEqual(['v2-b', 'v2-a']);
    const html = await (await fetch(`${server.url}/results`)).text();
    // One promoter, one detractor: NPS 0, from the answer rows the migration made.
    expect(html).toContain('2 responses</strong>: <strong>2</strong> complete');
    expect(html).toContain('Lovely mug');
    expect(await (await fetch(`${server.url}/api/earshot/responses?user=u1`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect(await collector.store.query('PRAGMA user_version')).toEqual([{ user_version: 3 }]);
  });
});
