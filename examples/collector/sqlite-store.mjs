// Responses kept in SQLite (better-sqlite3), the embedded default: one row per response id, holding
// the most complete version received (most-complete.mjs), with its answer rows beside it. A file
// database keeps everything across restarts and is migrated on open (migrations.mjs); `:memory:`
// lives as long as the process (tests). better-sqlite3 answers synchronously; the collector awaits
// every method all the same, as it does the PostgreSQL store's.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrateSqlite, prepareSqliteChildRows } from './migrations.mjs';
import { insertImpressionsOf } from './impressions.mjs';
import { DELETE_CHILDREN_OF, ENQUEUE_NOTIFICATION, ROW_COLUMNS, SURVEY_OF, UPSERT, isNotified } from './store-queries.mjs';
import { SurveyMoveError, listedBody, storeApi } from './store-api.mjs';
import { responseValues } from './migrations.mjs';

export const IN_MEMORY = ':memory:';
const STATEMENTS_KEPT = 200;
/** At most this many batches share one commit. */
const MAX_BATCHES_PER_COMMIT = 100;
const SQLITE_CACHE_KB = 64 * 1024;
/**
 * Pages the WAL may hold before SQLite copies them back into the database file (its default is
 * 1,000, 4 MB). A batch dirties a leaf page in each of the many places the indexes insert into,
 * and a checkpoint rewrites every page the WAL holds: with 1,000, a checkpoint came every few
 * commits and the same hot pages were written again and again (340 KB written per response
 * stored, 502 responses/s; with 20,000, 95 KB and 1,090/s, measured back to back). The WAL file
 * grows to about 80 MB between checkpoints instead of 4 MB.
 */
const WAL_AUTOCHECKPOINT_PAGES = 20_000;
/**
 * The export's own connection keeps a small page cache: it reads the whole table once, in order,
 * so a large cache would only hold pages it never reads again (64 MB of them, measured: the
 * export's peak memory went from 231 MB to 165 MB at 100,000 responses with this one).
 */
const EXPORT_CACHE_KB = 2 * 1024;

/** How long a collector waits between two tries at WAL mode while another process sets up the file. */
const WAL_RETRY_MS = 25;

/**
 * Puts `db` in WAL mode. Two collectors starting at once on a new file: the one that switches the
 * file to WAL needs it to itself, and SQLite may answer the other SQLITE_BUSY at once, without its
 * busy timeout (a lock it cannot wait for without a deadlock). Seen once in the two-process test
 * under a full test run: the second collector exited. It tries again until `timeoutMs` has passed.
 */
export function useWal(db, timeoutMs = 0) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (error?.code !== 'SQLITE_BUSY' || Date.now() >= until) throw error;
      // Opening the store is synchronous, as better-sqlite3 is: a short sleep, not a timer.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_MS);
    }
  }
}

/**
 * Opens (and if needed creates or migrates) the SQLite store at `file`. `notification(version)`,
 * when given, makes the webhook's message for a newly completed response (or null: none).
 */
export function openSqliteStore({ file = IN_MEMORY, busyTimeoutMs, notification = null }) {
  if (file !== IN_MEMORY) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  if (file !== IN_MEMORY) {
    // WAL lets the results page read while answers are written; FULL sync makes a commit that was
    // acknowledged with 2xx survive a power cut (WAL's usual NORMAL could lose the last ones).
    useWal(db, busyTimeoutMs);
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  }
  // Results read several indexes of a large table at once: a 64 MB page cache (SQLite's default
  // is 2 MB) keeps them in memory instead of rereading the file for each.
  db.pragma(`cache_size = -${SQLITE_CACHE_KB}`);
  migrateSqlite(db);

  const upsert = db.prepare(UPSERT);
  const surveyOf = db.prepare(SURVEY_OF).pluck();
  const children = prepareSqliteChildRows(db);
  const completedBefore = db.prepare('SELECT completed FROM responses WHERE id = ?').pluck();
  const enqueue = db.prepare(ENQUEUE_NOTIFICATION);
  const insertImpression = db.prepare(insertImpressionsOf(1));
  // Prepared statements by text; the summary's IN lists vary, so the cache starts over past a bound.
  const statements = new Map();
  const prepared = (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= STATEMENTS_KEPT) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };

  const saveAll = db.transaction((versions, impressions) => {
    let stored = 0;
    const moves = [];
    versions.forEach((version, index) => {
      const newlyCompleted = notification !== null && isNotified(version) && completedBefore.get(version.id) !== 1;
      const row = upsert.get(...responseValues(version));
      if (row) {
        stored++;
        children.remove(row.seq);
        children.insert(row.seq, version);
        // In the batch's transaction: a stored response's notification is never lost.
        const body = newlyCompleted ? notification(version) : null;
        if (body !== null) enqueue.run(version.id, version.surveyId, body, version.receivedMs, version.receivedMs);
      } else {
        const storedSurveyId = surveyOf.get(version.id);
        if (storedSurveyId !== version.surveyId) moves.push({ index, id: version.id, storedSurveyId, surveyId: version.surveyId });
      }
    });
    // Throwing inside the transaction rolls the whole batch back.
    if (moves.length > 0) throw new SurveyMoveError(moves);
    let events = 0;
    for (const row of impressions) events += insertImpression.run(...row).changes;
    return { stored, kept: versions.length - stored, events };
  });
  // Group commit: the batches that arrive while one commit is written are committed together, in
  // one transaction (IMMEDIATE: the write lock up front, so two processes on one file cannot
  // interleave), each batch inside its own savepoint so that one refused batch (a survey move)
  // rolls back alone. A commit costs one fsync and rewrites the index pages it touched, so many
  // small commits would cost far more than a few larger ones; every batch is still answered only
  // once its transaction is committed.
  const pending = [];
  const saveGroup = db.transaction((group) =>
    group.map(({ versions, impressions }) => {
      try {
        return { result: saveAll(versions, impressions) };
      } catch (error) {
        if (error instanceof SurveyMoveError) return { error };
        throw error;
      }
    }),
  );
  function commitPending() {
    const group = pending.splice(0, MAX_BATCHES_PER_COMMIT);

    if (pending.length > 0) setImmediate(commitPending);
    let outcomes;
    try {
      outcomes = saveGroup.immediate(group);
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, i) => (outcomes[i].error ? reject(outcomes[i].error) : resolve(outcomes[i].result)));
  }

  // Opened at the first export, after the migrations; read-only, so it never takes the write lock.
  // A file's only: `:memory:` is private to its connection, and tests' exports are small.
  let exportDb = null;
  const exportStatements = new Map();
  const exportQuery = async (sql, params = []) => {
    if (file === IN_MEMORY) return prepared(sql).all(...params);
    if (exportDb === null) {
      exportDb = new Database(file, { readonly: true, timeout: busyTimeoutMs });
      exportDb.pragma(`cache_size = -${EXPORT_CACHE_KB}`);
    }
    let statement = exportStatements.get(sql);
    if (!statement) {
      statement = exportDb.prepare(sql);
      if (exportStatements.size >= STATEMENTS_KEPT) exportStatements.clear();
      exportStatements.set(sql, statement);
    }
    return statement.all(...params);
  };

  const deleteWhere = db.transaction((where, params) => {
    const statements = DELETE_CHILDREN_OF(where);
    for (const statement of statements.slice(0, -1)) prepared(statement).run(...params);
    return prepared(statements.at(-1)).run(...params).changes;
  });

  return storeApi({
    engine: 'sqlite',
    where: file,
    save: (versions, impressions = []) =>
      new Promise((resolve, reject) => {
        pending.push({ versions, impressions, resolve, reject });
        if (pending.length === 1) setImmediate(commitPending);
      }),
    query: async (sql, params = []) => {
      const statement = prepared(sql);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    },
    exportQuery,
    deleteWhere: async (where, params) => deleteWhere.immediate(where, params),
    close: async () => {
      exportDb?.close();
      db.close();
    },
    /** SQLite only: the stored responses at once, for callers that cannot await (the browser tests' harness). */
    listNow: () => prepared(`SELECT ${ROW_COLUMNS}, id FROM responses ORDER BY seq`).all().map(listedBody),
  });
}
