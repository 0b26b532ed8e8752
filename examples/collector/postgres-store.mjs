// Responses kept in PostgreSQL (node-postgres), for collectors past one machine: any number of
// collector processes share one database. The statements are the SQLite store's (store-queries.mjs):
// the most-complete rule is the upsert's condition, so the database decides for concurrent
// writers; a batch is one transaction. Migrations run at start, once across processes
// (migrations.mjs, under an advisory lock).
import { createRequire } from 'node:module';
import { ANSWER_COLUMNS, PICK_COLUMNS, answerValues, migratePostgres, pickValues, responseValues } from './migrations.mjs';
import { insertImpressionsOf } from './impressions.mjs';
import { DELETE_CHILDREN_OF, isNotified, upsertOf } from './store-queries.mjs';
import { SurveyMoveError, storeApi } from './store-api.mjs';

/** Connections per collector process; N processes open up to N × this many (docs/deployment.md). */
export const DEFAULT_POOL_SIZE = 10;
/** A batch that lost a deadlock or a serialization conflict to another process is tried again this many times. */
const CONFLICT_RETRIES = 3;
const RETRIED_CODES = new Set(['40P01', '40001']);
/** Rows per multi-row INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const ROWS_PER_INSERT = 2000;
/** Advisory locks (namespace 1) on the hashes of the batch's ids, taken in sorted order, held until commit. */
const LOCK_IDS = 'SELECT pg_advisory_xact_lock(1, hashtext(id)) FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY 1) AS ids';

/**
 * node-postgres, loaded when a PostgreSQL store is first opened: a collector on SQLite never holds
 * it (8 MB of a process's memory, measured at start).
 */
const loadPg = () => createRequire(import.meta.url)('pg');

// Counts (bigint) and sums (numeric) as numbers: every one here is far below 2^53.
const typesOf = (pg) => ({
  getTypeParser(oid, format) {
    if (oid === 20 || oid === 1700) return (text) => (text === null ? null : Number(text));
    return pg.types.getTypeParser(oid, format);
  },
});

/** `?` placeholders as PostgreSQL's `$1`, `$2`…; the statements hold no `?` of their own. */
function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL without its password, as logs and the console may show it. */
export function redactedUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'postgres://…';
  }
}

async function insertRows(client, table, columns, rows) {
  const width = columns.split(', ').length;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns}) VALUES ${values}`, chunk.flat());
  }
}

/**
 * Opens a pool on `databaseUrl`; the store's `ready` resolves once the schema is migrated.
 * `notification(version)`, when given, makes the webhook's message for a newly completed response.
 */
export function openPostgresStore({ databaseUrl, poolSize = DEFAULT_POOL_SIZE, busyTimeoutMs, notification = null }) {
  const pg = loadPg();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, types: typesOf(pg), connectionTimeoutMillis: busyTimeoutMs, application_name: 'earshot-collector' });
  // An idle connection the server dropped must not end the process; the next query reconnects.
  pool.on('error', () => {});
  const ready = (async () => {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  })();
  ready.catch(() => {});
  const upserts = new Map();
  /** The upsert of `count` rows at once, returning the seq and id of each row it inserted or replaced. */
  const upsertRows = (count) => {
    if (!upserts.has(count)) upserts.set(count, numbered(upsertOf(count)));
    return upserts.get(count);
  };

  async function saveOnce(versions, impressions) {
    const client = await pool.connect();
    try {
      // Question sets are shared and harmless to keep: written outside the batch's transaction, so
      // two batches never wait on each other for one.
      const sets = new Map(versions.map((v) => [v.questionSet.hash, v.questionSet.json]));
      await client.query('INSERT INTO question_sets (hash, questions) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (hash) DO NOTHING', [
        [...sets.keys()],
        [...sets.values()],
      ]);
      await client.query('BEGIN');
      let stored = 0;
      const moves = [];
      const versionsBySeq = new Map();
      // The batch's ids are locked first, in one order, so two processes writing the same ids in
      // different orders wait for each other instead of deadlocking; rows are then written in batch
      // order, which is the order they are listed in.
      await client.query(LOCK_IDS, [versions.map((v) => v.id)]);
      // Read under the ids' locks: which responses were already complete, so only the newly completed are notified.
      const completedBefore = new Set();
      if (notification !== null) {
        const { rows } = await client.query('SELECT id FROM responses WHERE id = ANY($1::text[]) AND completed = 1', [versions.map((v) => v.id)]);
        for (const row of rows) completedBefore.add(row.id);
      }
      // One statement per round: round k holds the k-th version of each id in the batch (a batch
      // rarely holds two of one id; one statement cannot update a row twice), so a batch costs a
      // few round trips, not one per response.
      const rounds = [];
      const seen = new Map();
      versions.forEach((version, index) => {
        const k = seen.get(version.id) ?? 0;
        seen.set(version.id, k + 1);
        (rounds[k] ??= []).push({ version, index });
      });
      for (const round of rounds) {
        const { rows } = await client.query(
          upsertRows(round.length),
          round.flatMap(({ version }) => responseValues(version)),
        );
        stored += rows.length;
        const storedIds = new Map(rows.map((row) => [row.id, row.seq]));
        // A later round's version of an id replaces an earlier one's answer rows.
        for (const { version } of round) if (storedIds.has(version.id)) versionsBySeq.set(storedIds.get(version.id), version);
        const kept = round.filter(({ version }) => !storedIds.has(version.id));
        if (kept.length > 0) {
          const found = await client.query('SELECT id, survey_id FROM responses WHERE id = ANY($1::text[])', [kept.map(({ version }) => version.id)]);
          const surveyById = new Map(found.rows.map((row) => [row.id, row.survey_id]));
          for (const { version, index } of kept) {
            const storedSurveyId = surveyById.get(version.id);
            if (storedSurveyId !== version.surveyId) moves.push({ index, id: version.id, storedSurveyId, surveyId: version.surveyId });
          }
        }
      }
      if (moves.length > 0) {
        await client.query('ROLLBACK');
        throw new SurveyMoveError(moves.sort((a, b) => a.index - b.index));
      }
      // A stored row's answers are replaced by its latest version's (a new row has none yet).
      const seqs = [...versionsBySeq.keys()];
      if (seqs.length > 0) {
        await client.query('DELETE FROM answers WHERE response_seq = ANY($1::bigint[])', [seqs]);
        await client.query('DELETE FROM choice_picks WHERE response_seq = ANY($1::bigint[])', [seqs]);
      }
      const answers = [];
      const picks = [];
      for (const [seq, version] of versionsBySeq) {
        for (const answer of version.answers) {
          answers.push(answerValues(seq, version, answer));
          if (answer.picks) picks.push(...pickValues(seq, version, answer));
        }
      }
      await insertRows(client, 'answers', ANSWER_COLUMNS, answers);
      await insertRows(client, 'choice_picks', PICK_COLUMNS, picks);
      // In the batch's transaction: a stored response's notification is never lost.
      const notices = [];
      for (const version of versionsBySeq.values()) {
        const body = notification !== null && isNotified(version) && !completedBefore.has(version.id) ? notification(version) : null;
        if (body !== null) notices.push([version.id, version.surveyId, body, version.receivedMs]);
      }
      if (notices.length > 0) {
        await client.query(
          `INSERT INTO webhook_queue (response_id, survey_id, body, queued_ms, next_attempt_ms)
           SELECT id, survey_id, body, at, at FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS n (id, survey_id, body, at)
           ON CONFLICT (response_id) DO NOTHING`,
          [notices.map((n) => n[0]), notices.map((n) => n[1]), notices.map((n) => n[2]), notices.map((n) => n[3])],
        );
      }
      // Impressions: an id already stored (a resent batch) is kept as it is.
      let events = 0;
      if (impressions.length > 0) events = (await client.query(numbered(insertImpressionsOf(impressions.length)), impressions.flat())).rowCount;
      await client.query('COMMIT');
      return { stored, kept: versions.length - stored, events };
    } catch (error) {
      if (!(error instanceof SurveyMoveError)) await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function save(versions, impressions = []) {
    await ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return await saveOnce(versions, impressions);
      } catch (error) {
        if (!RETRIED_CODES.has(error.code) || attempt > CONFLICT_RETRIES) throw error;
      }
    }
  }

  async function query(sql, params = []) {
    await ready;
    return (await pool.query(numbered(sql), params)).rows;
  }

  async function deleteWhere(where, params) {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      let deleted = 0;
      for (const statement of DELETE_CHILDREN_OF(where)) deleted = (await client.query(numbered(statement), params)).rowCount;
      await client.query('COMMIT');
      return deleted;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return storeApi({
    engine: 'postgres',
    where: redactedUrl(databaseUrl),
    ready,
    save,
    query,
    deleteWhere,
    close: () => pool.end(),
    listNow: () => {
      throw new Error('responses(): the PostgreSQL store cannot answer synchronously; await collector.storedResponses()');
    },
  });
}
