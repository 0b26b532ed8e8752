// Responses kept in SQLite (better-sqlite3): one row per response id, holding the most complete
// version received (most-complete.mjs). The schema is created on first open; a file database keeps
// everything across restarts, `:memory:` lives as long as the process (tests).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { shouldReplace } from './most-complete.mjs';

export const IN_MEMORY = ':memory:';
/** How long a write waits for another connection's lock before giving up (the client retries). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

const SCHEMA_VERSION = 1;

const CREATE_SCHEMA = `
  CREATE TABLE responses (
    seq         INTEGER PRIMARY KEY,  -- arrival order of the first version; a replacement keeps it
    id          TEXT NOT NULL UNIQUE,
    survey_id   TEXT NOT NULL,
    completed   INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    received_at TEXT NOT NULL,
    body        TEXT NOT NULL         -- the response JSON exactly as delivered
  );
  CREATE INDEX responses_by_survey ON responses (survey_id, seq);
`;

function createSchema(db) {
  const version = db.pragma('user_version', { simple: true });
  if (version === SCHEMA_VERSION) return;
  if (version !== 0) {
    throw new Error(`database: schema version ${version} is newer than this collector understands (${SCHEMA_VERSION})`);
  }
  db.transaction(() => {
    db.exec(CREATE_SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/**
 * Opens (and if needed creates) the store at `file`. Methods are synchronous: when `save` returns,
 * the transaction is committed.
 */
export function openResponseStore({ file = IN_MEMORY, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = {}) {
  if (file !== IN_MEMORY) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  if (file !== IN_MEMORY) {
    // WAL lets the results page read while answers are written; FULL sync makes a commit that was
    // acknowledged with 2xx survive a power cut (WAL's usual NORMAL could lose the last ones).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  createSchema(db);

  const findVersion = db.prepare('SELECT completed, updated_at AS updatedAt FROM responses WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO responses (id, survey_id, completed, updated_at, received_at, body) VALUES (@id, @surveyId, @completed, @updatedAt, @receivedAt, @body)',
  );
  const replace = db.prepare(
    'UPDATE responses SET survey_id = @surveyId, completed = @completed, updated_at = @updatedAt, received_at = @receivedAt, body = @body WHERE id = @id',
  );
  const rowOf = (response, receivedAt) => ({
    id: response.id,
    surveyId: response.surveyId,
    completed: response.completed ? 1 : 0,
    updatedAt: response.updatedAt,
    receivedAt,
    body: JSON.stringify(response),
  });

  const saveAll = db.transaction((responses, receivedAt) => {
    let stored = 0;
    let kept = 0;
    for (const response of responses) {
      const existing = findVersion.get(response.id);
      if (!existing) insert.run(rowOf(response, receivedAt));
      else if (shouldReplace({ completed: existing.completed === 1, updatedAt: existing.updatedAt }, response)) replace.run(rowOf(response, receivedAt));
      else {
        kept++;
        continue;
      }
      stored++;
    }
    return { stored, kept };
  });

  const bySurvey = {
    page: db.prepare('SELECT body FROM responses WHERE survey_id = ? ORDER BY seq LIMIT ? OFFSET ?').pluck(),
    count: db.prepare('SELECT COUNT(*) FROM responses WHERE survey_id = ?').pluck(),
  };
  const everything = {
    page: db.prepare('SELECT body FROM responses ORDER BY seq LIMIT ? OFFSET ?').pluck(),
    count: db.prepare('SELECT COUNT(*) FROM responses').pluck(),
  };
  const surveyIds = db.prepare('SELECT survey_id FROM responses GROUP BY survey_id ORDER BY MIN(seq)').pluck();
  const deleteAll = db.prepare('DELETE FROM responses');

  const parse = (bodies) => bodies.map((body) => JSON.parse(body));

  return {
    file,
    /**
     * Upserts every response of a batch in one transaction (all or nothing) and reports how many
     * were stored (new or more complete) and how many were kept as they were. Throws if the
     * database cannot commit, e.g. while another process holds the write lock.
     */
    save(responses, receivedAt = new Date().toISOString()) {
      // IMMEDIATE takes the write lock up front, so two collector processes cannot interleave a
      // read-then-write of the same id.
      return saveAll.immediate(responses, receivedAt);
    },
    /** Responses in arrival order, optionally of one survey, `limit` (-1: all) from `offset`. */
    list({ surveyId = null, limit = -1, offset = 0 } = {}) {
      return parse(surveyId === null ? everything.page.all(limit, offset) : bySurvey.page.all(surveyId, limit, offset));
    },
    count({ surveyId = null } = {}) {
      return surveyId === null ? everything.count.get() : bySurvey.count.get(surveyId);
    },
    /** Survey ids that have responses, in order of their first response. */
    surveyIds() {
      return surveyIds.all();
    },
    clear() {
      deleteAll.run();
    },
    close() {
      db.close();
    },
  };
}
