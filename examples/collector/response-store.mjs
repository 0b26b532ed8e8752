// Where responses are kept: SQLite (a file, or `:memory:`), the embedded default, or PostgreSQL
// when a `postgres://` URL is given (DATABASE_URL). Both stores have the same methods and the same
// behaviour (store-api.mjs); the collector awaits every one.
import { openPostgresStore } from './postgres-store.mjs';
import { IN_MEMORY, openSqliteStore } from './sqlite-store.mjs';

export { IN_MEMORY } from './sqlite-store.mjs';
export { SurveyMoveError } from './store-api.mjs';
/** How long a write waits for another connection's lock (or a free connection) before giving up; the client retries. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** Whether `url` names a PostgreSQL database. */
export const isPostgresUrl = (url) => typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the store: PostgreSQL at `databaseUrl` when given, else SQLite at `file`. The store's
 * `ready` settles once the schema is migrated.
 */
export function openResponseStore({ file = IN_MEMORY, databaseUrl = null, poolSize, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = {}) {
  if (databaseUrl !== null && databaseUrl !== undefined) {
    if (!isPostgresUrl(databaseUrl)) throw new Error(`DATABASE_URL: must start with postgres:// or postgresql:// (got ${JSON.stringify(String(databaseUrl).slice(0, 30))}…)`);
    return openPostgresStore({ databaseUrl, poolSize, busyTimeoutMs });
  }
  return openSqliteStore({ file, busyTimeoutMs });
}
