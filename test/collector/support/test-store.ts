// The store the collector suite runs against: SQLite in the `collector` project, PostgreSQL in
// `collector-postgres` (its globalSetup provides a cluster). Tests ask for a fresh database here
// and stay the same for both stores.
import pg from 'pg';
import { inject } from 'vitest';
import type { CollectorOptions } from '../../../examples/collector/collector.mjs';

const clusterUrl = inject('postgresUrl');
/** Which store this run tests. */
export const storeUnderTest: 'sqlite' | 'postgres' = clusterUrl ? 'postgres' : 'sqlite';
let databases = 0;

/** A PostgreSQL database of its own, on the test cluster; its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const name = `earshot_${process.pid}_${++databases}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Collector options for an empty database of the store under test: `:memory:` SQLite, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<CollectorOptions> {
  return storeUnderTest === 'postgres' ? { databaseUrl: await freshPostgresDatabase() } : {};
}
