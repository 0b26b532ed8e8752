// Types for postgres-cluster.mjs.
export const POSTGRES_ROOT: string;
export function postgresBinFolder(): string | null;
export interface PostgresCluster {
  url: string;
  folder: string;
  stop(): void;
}
export function startPostgresCluster(options?: { settings?: Record<string, string | number> }): Promise<PostgresCluster>;
export const TEST_SETTINGS: Record<string, string | number>;
