// vitest globalSetup of the `collector-postgres` project: one throwaway PostgreSQL cluster for the
// whole run (each test file makes its own database in it), removed afterwards even when tests fail.
import type { TestProject } from 'vitest/node';
import { TEST_SETTINGS, startPostgresCluster } from './postgres-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's `postgres` database URL; absent when the collector runs on SQLite. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster({ settings: TEST_SETTINGS });
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
