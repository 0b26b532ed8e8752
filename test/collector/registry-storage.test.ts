// Migration 4 on the store under test: the surveys registry and the webhook's queue survive a
// restart, a database written by a version-3 collector is brought up to date with its responses
// kept, and a notification queued before a restart is sent after it, never twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, type CollectorOptions } from '../../examples/collector/collector.mjs';
import { POSTGRES_MIGRATIONS, SCHEMA_VERSION, version3Tables } from '../../examples/collector/migrations.mjs';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { waitUntil } from '../support/wait.mjs';
import { batchOf } from './demo';
import { freshPostgresDatabase, storeUnderTest } from './support/test-store';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database of the store under test that outlives one collector: a SQLite file, or a PostgreSQL database. */
async function durableDatabase(): Promise<CollectorOptions> {
  if (storeUnderTest === 'postgres') return { databaseUrl: await freshPostgresDatabase() };
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-registry-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return { database: path.join(folder, 'earshot.sqlite') };
}

async function start(options: CollectorOptions) {
  const collector = createCollector(options);
  await collector.ready;
  const server = await createServer({ port: 0, collector });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await server.close();
      await collector.close();
    })());
  cleanups.push(stop);
  return { server, collector, stop };
}

const definition = (text: string) => ({ id: 'cart-help', questions: [{ id: 'found', type: 'thumbs', text }] });
const publish = (server: DemoServer, text: string) =>
  fetch(`${server.url}/api/earshot/surveys/cart-help`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition(text)) });
const listed = async (server: DemoServer) => (await (await fetch(`${server.url}/api/earshot/surveys`)).json()).surveys;
const post = (server: DemoServer, ...responses: unknown[]) =>
  fetch(`${server.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batchOf(...responses)) });

describe('migration 4', () => {
  it('keeps every version and what is live across a restart', async () => {
    const database = await durableDatabase();
    const first = await start(database);
    await publish(first.server, 'One');
    await publish(first.server, 'Two');
    await first.stop();
    const second = await start(database);
    expect(await listed(second.server)).toEqual([definition('Two')]);
    const history = await (await fetch(`${second.server.url}/api/earshot/surveys/cart-help/versions`)).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await publish(second.server, 'Three')).status).toBe(201);
    expect(await listed(second.server)).toEqual([definition('Three')]);
  });

  it('brings a version-3 database up to date, its responses kept', async () => {
    const database = await durableDatabase();
    if (database.database) {
      const db = new Database(database.database);
      for (const statement of version3Tables('sqlite')) db.exec(statement);
      db.pragma('user_version = 3');
      db.close();
    } else {
      const client = new pg.Client({ connectionString: database.databaseUrl! });
      await client.connect();
      await client.query('CREATE TABLE earshot_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      for (const statement of POSTGRES_MIGRATIONS.find((m) => m.version === 3)!.statements) await client.query(statement);
      await client.query("INSERT INTO earshot_migrations (version, description) VALUES (3, 'as a version-3 collector left it')");
      await client.end();
    }
    // A version-3 collector's response, written before the upgrade: the version-3 tables take it as they did.
    const old = await start(database);
    await post(old.server, makeResponse({ id: 'before-4' }));
    expect((await old.collector.storedResponses()).map((r) => r.id)).toEqual(['before-4']);
    const version = storeUnderTest === 'postgres' ? 'SELECT MAX(version) AS v FROM earshot_migrations' : 'PRAGMA user_version';
    expect(Object.values((await old.collector.store.query(version))[0])).toEqual([SCHEMA_VERSION]);
    expect((await publish(old.server, 'After the upgrade')).status).toBe(201);
    expect(await listed(old.server)).toEqual([definition('After the upgrade')]);
  });
});

describe('the webhook queue', () => {
  let receiver: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve())));

  it('sends after a restart what was queued before it, once', async () => {
    const received: string[] = [];
    receiver = createHttpServer((req, res) => {
      received.push(String(req.headers['idempotency-key']));
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const database = await durableDatabase();
    // The first collector's receiver is down: nothing is delivered, the notification waits in the queue.
    const down = await start({ ...database, webhookUrl: 'http://127.0.0.1:9/down', webhookRetryBaseMs: 60_000 });
    await post(down.server, makeResponse({ id: 'queued-1' }));
    await waitUntil(async () => Number((await down.collector.store.query('SELECT attempts FROM webhook_queue'))[0]?.attempts) >= 1);
    await down.stop();

    const up = await start({ ...database, webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, webhookPollIntervalMs: 20 });
    // Its first attempt failed a minute's backoff ago; the next is due now for the test's sake.
    await up.collector.store.query('UPDATE webhook_queue SET next_attempt_ms = 0', []);
    await waitUntil(() => received.length === 1, { timeout: 10_000 });
    // The same response completed again, after the restart: no second notification.
    await post(up.server, makeResponse({ id: 'queued-1', answers: { score: 3 }, updatedAt: new Date(Date.now() + 1000).toISOString() }));
    await post(up.server, makeResponse({ id: 'after-restart' }));
    await waitUntil(() => received.length === 2, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual(['queued-1', 'after-restart']);
  });
});
