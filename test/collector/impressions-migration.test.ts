// Migration 5 (impressions) on a database an earlier collector left at version 3: the table is
// added, nothing else changes, and shown events are then stored. On each store under test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../examples/collector/collector.mjs';
import { SCHEMA_VERSION, version3Tables } from '../../examples/collector/migrations.mjs';
import { freshPostgresDatabase, storeUnderTest } from './support/test-store';

let collector: Collector | undefined;
let folder: string | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** A database at version 3 with no impressions table, as the collector before migration 5 left it; the collector's options for it. */
async function databaseAtVersion3(): Promise<{ database?: string; databaseUrl?: string }> {
  if (storeUnderTest === 'sqlite') {
    folder = mkdtempSync(path.join(tmpdir(), 'earshot-v3-'));
    const file = path.join(folder, 'earshot.sqlite');
    const db = new Database(file);
    for (const statement of version3Tables('sqlite')) db.exec(statement);
    db.pragma('user_version = 3');
    db.close();
    return { database: file };
  }
  const databaseUrl = await freshPostgresDatabase();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE earshot_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    for (const statement of version3Tables('postgres')) await client.query(statement);
    await client.query("INSERT INTO earshot_migrations (version, description) VALUES (3, 'version 3')");
  } finally {
    await client.end();
  }
  return { databaseUrl };
}

describe('migrations 4 and 5', () => {
  it('bring a version-3 database to version 5 (the registry, then the impressions table), which then stores shown events', async () => {
    collector = createCollector(await databaseAtVersion3());
    await collector.ready;
    if (storeUnderTest === 'sqlite') expect(await collector.store.query('PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
    else expect((await collector.store.query('SELECT version FROM earshot_migrations ORDER BY version')).map((row) => Number(row.version))).toEqual([3, 4, 5]);
    const saved = await collector.store.save([], [['ev-1', 'nps', 'shown', 1, 0, 'manual: show(), feedback tab or embed', null, 1]]);
    expect(saved).toEqual({ stored: 0, kept: 0, events: 1 });
  });
});
