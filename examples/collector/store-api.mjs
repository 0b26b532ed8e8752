// What the collector asks of a store, built once over an engine's four primitives (save, query,
// deleteWhere, close): the SQLite and PostgreSQL stores differ in how they talk to their database,
// never in what a method means.
import { ROW_COLUMNS } from './store-queries.mjs';
import { whereOf } from './result-filter.mjs';

/** Thrown by `save` when a version would move a stored response to another survey; nothing is stored. */
export class SurveyMoveError extends Error {
  /** @param {Array<{ index: number, id: string, storedSurveyId: string, surveyId: string }>} moves */
  constructor(moves) {
    super(`${moves.length} response(s) already stored under another survey`);
    this.moves = moves;
  }
}

/** A stored body as the JSON list shows it; one that no longer parses (an older collector's) as `{ id, surveyId, unreadable: true }`. */
export function listedBody({ id, surveyId, body }) {
  try {
    return JSON.parse(body);
  } catch {
    return { id, surveyId, unreadable: true };
  }
}

/**
 * The store's methods over an engine's primitives:
 *   save(versions) → { stored, kept }, in one transaction, all or nothing (SurveyMoveError, or the engine's error);
 *   query(sql, params) → rows, `?` placeholders;
 *   exportQuery(sql, params) → rows, as query, for reads that walk the whole table (the CSV export's
 *     pages): an engine may run them where they do not crowd the results' cache out;
 *   deleteWhere(where, params) → how many responses it removed, with their answer rows.
 */
export function storeApi({ engine, where: location, save, query, exportQuery = query, deleteWhere, close, listNow, ready = Promise.resolve() }) {
  const first = async (sql, params) => (await query(sql, params))[0];
  return {
    engine,
    /** The SQLite file (or `:memory:`), or the PostgreSQL URL without its password. */
    location,
    /** Resolves once the database is open and migrated; rejects when it cannot be. */
    ready,
    save,
    query,
    exportQuery,
    first,
    listNow,
    /**
     * Response bodies (parsed), previews included, in arrival order, of the responses `filter`
     * selects (result-filter.mjs; `{}` for all); `limit` null is all.
     */
    async list({ filter = {}, limit = null, offset = 0 } = {}) {
      const where = whereOf({ ...filter, counted: false }, engine);
      const page = limit === null ? '' : ` LIMIT ${Number(limit)} OFFSET ${Number(offset)}`;
      const rows = await query(`SELECT id, survey_id AS "surveyId", body FROM responses WHERE ${where.sql} ORDER BY seq${page}`, where.params);
      return rows.map(listedBody);
    },
    /** How many responses `filter` selects; `preview` true or false counts only those. */
    async count({ filter = {}, preview = null } = {}) {
      const where = whereOf({ ...filter, counted: false }, engine);
      const previewSql = preview === null ? '' : ` AND preview = ${preview ? 1 : 0}`;
      return Number((await first(`SELECT COUNT(*) AS n FROM responses WHERE ${where.sql}${previewSql}`, where.params)).n);
    },
    /**
     * Up to `limit` real (not preview) responses after `afterSeq` that `filter` selects, in
     * arrival order, as `{ seq, surveyId, readable, body (text), createdMs, updatedMs, receivedMs }`:
     * pages a reader walks (the CSV export) without holding the database, or all rows, at once.
     */
    async rowsAfter({ filter = {}, afterSeq = 0, limit }) {
      const where = whereOf({ ...filter, counted: false }, engine);
      const rows = await exportQuery(`SELECT ${ROW_COLUMNS} FROM responses WHERE seq > ? AND preview = 0 AND ${where.sql} ORDER BY seq LIMIT ${Number(limit)}`, [
        afterSeq,
        ...where.params,
      ]);
      // Numbers set on the driver's own row objects, not on copies: a spread copy of every row kept
      // V8 promoting them to its old generation during an export (readable-response.mjs).
      for (const row of rows) {
        row.seq = Number(row.seq);
        row.readable = Number(row.readable);
        row.createdMs = Number(row.createdMs);
        row.updatedMs = Number(row.updatedMs);
        row.receivedMs = Number(row.receivedMs);
      }
      return rows;
    },
    /**
     * Surveys with responses that `filter` selects, `{ surveyId, responses, previews }` (real and
     * preview responses), in order of their first response.
     */
    async surveys({ filter = {} } = {}) {
      const where = whereOf({ ...filter, counted: false }, engine);
      const rows = await query(
        `SELECT survey_id AS "surveyId", SUM(1 - preview) AS responses, SUM(preview) AS previews FROM responses WHERE ${where.sql} GROUP BY survey_id ORDER BY MIN(seq)`,
        where.params,
      );
      return rows.map((row) => ({ surveyId: row.surveyId, responses: Number(row.responses), previews: Number(row.previews) }));
    },
    /** Removes every response of user `userId`; returns how many. */
    deleteByUser: (userId) => deleteWhere('user_id = ?', [userId]),
    /** Removes every response whose stored version arrived before `ms`; returns how many. */
    async deleteReceivedBefore(ms) {
      await query('DELETE FROM impressions WHERE received_ms < ?', [ms]);
      return deleteWhere('received_ms < ?', [ms]);
    },
    async clear() {
      await query('DELETE FROM impressions', []);
      return deleteWhere('1 = 1', []);
    },
    close,
  };
}
