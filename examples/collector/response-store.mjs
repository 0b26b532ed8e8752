// Responses kept in SQLite (better-sqlite3): one row per response id, holding the most complete
// version received (most-complete.mjs). A file database keeps everything across restarts and is
// migrated on open; `:memory:` lives as long as the process (tests).
//
// The collector awaits every method, so a store whose methods return promises (PostgreSQL) can
// take this one's place; this one answers synchronously. The rules live in SQL (the upsert's
// condition, deletions by time) so another engine runs the same statements.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseDateTime } from './client-time.mjs';
import { REPLACES_STORED, SAME_SURVEY } from './most-complete.mjs';
import { passesIngestionRules } from './ingestion-rules.mjs';

export const IN_MEMORY = ':memory:';
/** How long a write waits for another connection's lock before giving up (the client retries). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** Thrown by `save` when a version would move a stored response to another survey; nothing is stored. */
export class SurveyMoveError extends Error {
  /** @param {Array<{ index: number, id: string, storedSurveyId: string, surveyId: string }>} moves */
  constructor(moves) {
    super(`${moves.length} response(s) already stored under another survey`);
    this.moves = moves;
  }
}

const CREATE_RESPONSES = `
  CREATE TABLE responses (
    seq               INTEGER PRIMARY KEY,  -- arrival order of the first version; a replacement keeps it
    id                TEXT NOT NULL UNIQUE,
    survey_id         TEXT NOT NULL,
    completed         INTEGER NOT NULL,
    preview           INTEGER NOT NULL,
    user_id           TEXT,
    rank_ms           INTEGER NOT NULL,     -- updatedAt capped by the receipt time (client-time.mjs)
    client_updated_ms INTEGER NOT NULL,     -- updatedAt as the device sent it
    created_ms        INTEGER NOT NULL,     -- shown times, derived from the receipt time
    updated_ms        INTEGER NOT NULL,
    received_ms       INTEGER NOT NULL,     -- the collector's clock when the stored version arrived
    readable          INTEGER NOT NULL,     -- 1: passed the ingestion rules; 0: an older row that did not
    body              TEXT NOT NULL         -- the response JSON as delivered, its locale made canonical
  );
  CREATE INDEX responses_by_survey ON responses (survey_id, seq);
  CREATE INDEX responses_by_user ON responses (user_id);
  CREATE INDEX responses_by_received ON responses (received_ms);
`;

/**
 * Version 1 kept the client's `updatedAt` as text (and a JavaScript comparison of it); version 2
 * keeps the collector's own times as numbers. Old rows get times from their receipt.
 */
function migrateFromVersion1(db) {
  const rows = db.prepare('SELECT seq, id, survey_id AS surveyId, completed, updated_at AS updatedAt, received_at AS receivedAt, body FROM responses ORDER BY seq').all();
  db.exec('ALTER TABLE responses RENAME TO responses_v1; DROP INDEX responses_by_survey;');
  db.exec(CREATE_RESPONSES);
  const insert = db.prepare(
    `INSERT INTO responses (seq, id, survey_id, completed, preview, user_id, rank_ms, client_updated_ms, created_ms, updated_ms, received_ms, readable, body)
     VALUES (@seq, @id, @surveyId, @completed, @preview, @userId, @rankMs, @clientUpdatedMs, @createdMs, @updatedMs, @receivedMs, @readable, @body)`,
  );
  for (const row of rows) {
    let response = {};
    try {
      response = JSON.parse(row.body) ?? {};
    } catch {
      // Kept as it is, unreadable: the results page leaves it out and counts it.
    }
    const receivedMs = parseDateTime(row.receivedAt) ?? 0;
    const updatedMs = parseDateTime(row.updatedAt) ?? receivedMs;
    const age = Math.max(0, updatedMs - (parseDateTime(response.createdAt) ?? updatedMs));
    insert.run({
      ...row,
      preview: response.preview === true ? 1 : 0,
      userId: typeof response.user?.id === 'string' ? response.user.id : null,
      rankMs: Math.min(updatedMs, receivedMs),
      clientUpdatedMs: updatedMs,
      createdMs: receivedMs - age,
      updatedMs: receivedMs,
      receivedMs,
      readable: passesIngestionRules(response) ? 1 : 0,
    });
  }
  db.exec('DROP TABLE responses_v1');
}

const SCHEMA_VERSION = 2;
/** The step that brings a database from each older version to the next. */
const UPGRADES = { 1: migrateFromVersion1 };

function migrate(db) {
  const version = db.pragma('user_version', { simple: true });
  if (version > SCHEMA_VERSION) {
    throw new Error(`database: schema version ${version} is newer than this collector understands (${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) db.exec(CREATE_RESPONSES);
    else for (let from = version; from < SCHEMA_VERSION; from++) UPGRADES[from](db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function parseBody({ id, surveyId, body }) {
  try {
    return JSON.parse(body);
  } catch {
    return { id, surveyId, unreadable: true };
  }
}

/** A response's columns as the queries below return them: the body text, its order and the collector's times. */
const ROW_COLUMNS = 'seq, survey_id AS surveyId, readable, body, created_ms AS createdMs, updated_ms AS updatedMs, received_ms AS receivedMs';

/** Opens (and if needed creates or migrates) the store at `file`. */
export function openResponseStore({ file = IN_MEMORY, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = {}) {
  if (file !== IN_MEMORY) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  if (file !== IN_MEMORY) {
    // WAL lets the results page read while answers are written; FULL sync makes a commit that was
    // acknowledged with 2xx survive a power cut (WAL's usual NORMAL could lose the last ones).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  migrate(db);

  const upsert = db.prepare(`
    INSERT INTO responses (id, survey_id, completed, preview, user_id, rank_ms, client_updated_ms, created_ms, updated_ms, received_ms, readable, body)
    VALUES (@id, @surveyId, @completed, @preview, @userId, @rankMs, @clientUpdatedMs, @createdMs, @updatedMs, @receivedMs, 1, @body)
    ON CONFLICT (id) DO UPDATE SET
      completed = excluded.completed, preview = excluded.preview, user_id = excluded.user_id, rank_ms = excluded.rank_ms,
      client_updated_ms = excluded.client_updated_ms, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms,
      received_ms = excluded.received_ms, readable = excluded.readable, body = excluded.body
    WHERE ${SAME_SURVEY} AND ${REPLACES_STORED}`);
  const surveyOf = db.prepare('SELECT survey_id FROM responses WHERE id = ?').pluck();

  const saveAll = db.transaction((versions) => {
    let stored = 0;
    const moves = [];
    versions.forEach((version, index) => {
      const row = { ...version, completed: version.completed ? 1 : 0, preview: version.preview ? 1 : 0 };
      if (upsert.run(row).changes > 0) stored++;
      else {
        const storedSurveyId = surveyOf.get(version.id);
        if (storedSurveyId !== version.surveyId) moves.push({ index, id: version.id, storedSurveyId, surveyId: version.surveyId });
      }
    });
    // Throwing inside the transaction rolls the whole batch back.
    if (moves.length > 0) throw new SurveyMoveError(moves);
    return { stored, kept: versions.length - stored };
  });

  const statements = {
    page: db.prepare('SELECT id, survey_id AS surveyId, body FROM responses WHERE (@surveyId IS NULL OR survey_id = @surveyId) ORDER BY seq LIMIT @limit OFFSET @offset'),
    count: db.prepare('SELECT COUNT(*) FROM responses WHERE (@surveyId IS NULL OR survey_id = @surveyId) AND (@preview IS NULL OR preview = @preview)').pluck(),
    rowsAfter: db.prepare(
      `SELECT ${ROW_COLUMNS} FROM responses WHERE seq > @afterSeq AND (@surveyId IS NULL OR survey_id = @surveyId) AND preview = 0 ORDER BY seq LIMIT @limit`,
    ),
    surveys: db.prepare(
      'SELECT survey_id AS surveyId, COUNT(*) AS responses FROM responses WHERE preview = 0 AND (@surveyId IS NULL OR survey_id = @surveyId) GROUP BY survey_id ORDER BY MIN(seq)',
    ),
    deleteByUser: db.prepare('DELETE FROM responses WHERE user_id = ?'),
    deleteReceivedBefore: db.prepare('DELETE FROM responses WHERE received_ms < ?'),
    deleteAll: db.prepare('DELETE FROM responses'),
  };
  const flag = (value) => (value === null ? null : value ? 1 : 0);

  return {
    file,
    /**
     * Upserts the versions of one batch (stored-version.mjs) in one transaction, all or nothing,
     * and reports how many were stored (new or more complete) and how many were kept as they were.
     * Throws SurveyMoveError when one belongs to a response of another survey, and the engine's
     * error when the database cannot commit (e.g. another process holds the write lock).
     */
    save(versions) {
      // IMMEDIATE takes the write lock up front, so two collector processes cannot interleave a
      // read-then-write of the same id.
      return saveAll.immediate(versions);
    },
    /**
     * Response bodies (parsed), previews included, in arrival order, optionally of one survey;
     * `limit` -1 is all. A body that no longer parses (an older collector's) is listed as
     * `{ id, surveyId, unreadable: true }`.
     */
    list({ surveyId = null, limit = -1, offset = 0 } = {}) {
      return statements.page.all({ surveyId, limit, offset }).map(parseBody);
    },
    /** How many responses are stored; `preview` true or false counts only those. */
    count({ surveyId = null, preview = null } = {}) {
      return statements.count.get({ surveyId, preview: flag(preview) });
    },
    /**
     * Up to `limit` real (not preview) responses after `afterSeq`, in arrival order, as
     * `{ seq, surveyId, readable, body (text), createdMs, updatedMs, receivedMs }`: pages that readers walk
     * without holding the database between them.
     */
    rowsAfter({ surveyId = null, afterSeq = 0, limit }) {
      return statements.rowsAfter.all({ surveyId, afterSeq, limit });
    },
    /** Surveys with real responses, `{ surveyId, responses }`, in order of their first response. */
    surveys({ surveyId = null } = {}) {
      return statements.surveys.all({ surveyId });
    },
    /** Removes every response of user `userId`; returns how many. */
    deleteByUser(userId) {
      return statements.deleteByUser.run(userId).changes;
    },
    /** Removes every response whose stored version arrived before `ms`; returns how many. */
    deleteReceivedBefore(ms) {
      return statements.deleteReceivedBefore.run(ms).changes;
    },
    clear() {
      statements.deleteAll.run();
    },
    close() {
      db.close();
    },
  };
}
