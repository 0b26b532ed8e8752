// The surveys registry (docs/collector.md, "The surveys registry"): every published version of each survey, which one is live,
// and the list GET /api/earshot/surveys serves to the SDK's `surveysUrl`. A survey whose quota is
// reached (`maxResponses` completed, non-preview responses, or `closesAt` passed) is closed: it
// leaves the list until a version is published again. Every method is a few single statements
// that both stores run as written (migration 4, registry-tables.mjs).
import { createHash } from 'node:crypto';

/** PostgreSQL's unique_violation: another process took the same version number first. */
const UNIQUE_VIOLATION = '23505';
const PUBLISH_ATTEMPTS = 3;

export const CLOSED_BY = { maxResponses: 'maxResponses', closesAt: 'closesAt' };

/** The list's ETag: a digest of exactly the bytes served, so it changes whenever they do. */
export const etagOf = (body) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header names `etag` (or `*`); weak validators compare as equal. */
export function matchesEtag(header, etag) {
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export function createSurveyRegistry({ store, now }) {
  const { query, first } = store;

  /** A stored version as the routes describe it. */
  const describeVersion = (row, liveVersion) => ({
    version: Number(row.version),
    publishedAt: new Date(Number(row.publishedMs)).toISOString(),
    live: Number(row.version) === liveVersion,
    definition: JSON.parse(row.definition),
  });

  /** The survey's pointer row: `{ liveVersion, closedMs, closedReason }`, or null if never published. */
  async function stateOf(surveyId) {
    const row = await first('SELECT live_version AS "liveVersion", closed_ms AS "closedMs", closed_reason AS "closedReason" FROM published_surveys WHERE survey_id = ?', [
      surveyId,
    ]);
    if (!row) return null;
    return {
      liveVersion: row.liveVersion === null ? null : Number(row.liveVersion),
      closedMs: row.closedMs === null ? null : Number(row.closedMs),
      closedReason: row.closedReason,
    };
  }

  const statusOf = (state) => (state.liveVersion === null ? 'unpublished' : state.closedMs !== null ? 'closed' : 'live');
  const closedOf = (state) => (state.closedMs === null ? null : { reason: state.closedReason, at: new Date(state.closedMs).toISOString() });

  /** Makes `version` the live one: served again, quota state cleared (a new version may have a new quota). */
  async function makeLive(surveyId, version) {
    const at = now();
    // first_published_ms orders the list, and the SDK keeps that order between surveys of equal
    // priority: a survey first published in the same millisecond as the last one (a script
    // publishing several) is placed a millisecond after it, not sorted by its id. (`WHERE true`:
    // SQLite's upsert after a SELECT needs one.)
    await query(
      `INSERT INTO published_surveys (survey_id, live_version, first_published_ms, changed_ms)
       SELECT ?, ?, CASE WHEN COALESCE(MAX(first_published_ms), 0) < ? THEN ? ELSE MAX(first_published_ms) + 1 END, ? FROM published_surveys WHERE true
       ON CONFLICT (survey_id) DO UPDATE SET live_version = excluded.live_version, changed_ms = excluded.changed_ms, closed_ms = NULL, closed_reason = NULL`,
      [surveyId, version, at, at, at],
    );
  }

  async function versionRow(surveyId, version) {
    return first('SELECT version, definition, published_ms AS "publishedMs" FROM survey_versions WHERE survey_id = ? AND version = ?', [surveyId, version]);
  }

  /** Adds the next version of the survey; its number. Two processes racing for one number: the loser takes the next. */
  async function addVersion(surveyId, text) {
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await query(
          `INSERT INTO survey_versions (survey_id, version, definition, published_ms)
           SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ? FROM survey_versions WHERE survey_id = ? RETURNING version`,
          [surveyId, text, now(), surveyId],
        );
        return Number(row.version);
      } catch (error) {
        if (error.code !== UNIQUE_VIOLATION || attempt >= PUBLISH_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether the live `definition` of `surveyId` has reached a quota now; the reason, or null. */
  async function quotaReached(surveyId, definition) {
    const closesAt = typeof definition.closesAt === 'string' ? Date.parse(definition.closesAt) : NaN;
    if (closesAt <= now()) return CLOSED_BY.closesAt;
    if (Number.isInteger(definition.maxResponses)) {
      // Counted up to the quota only: what it costs is bounded by the quota, not by the survey's size.
      const row = await first('SELECT COUNT(*) AS n FROM (SELECT 1 FROM responses WHERE survey_id = ? AND preview = 0 AND readable = 1 AND completed = 1 LIMIT ?) AS counted', [
        surveyId,
        definition.maxResponses,
      ]);
      if (Number(row.n) >= definition.maxResponses) return CLOSED_BY.maxResponses;
    }
    return null;
  }

  return {
    /**
     * Publishes `definition` (already checked) as the survey's live version: a new version when it
     * differs from the live one (`created: true`), else the live one unchanged, as PUT promises.
     */
    async publish(surveyId, definition) {
      const text = JSON.stringify(definition);
      const state = await stateOf(surveyId);
      if (state?.liveVersion != null) {
        const live = await versionRow(surveyId, state.liveVersion);
        if (live?.definition === text) return { created: false, status: statusOf(state), ...describeVersion(live, state.liveVersion) };
      }
      const version = await addVersion(surveyId, text);
      await makeLive(surveyId, version);
      return { created: true, status: 'live', ...describeVersion(await versionRow(surveyId, version), version) };
    },

    /** Makes an earlier `version` live again; null when the survey has no such version. */
    async republish(surveyId, version) {
      const row = await versionRow(surveyId, version);
      if (!row) return null;
      await makeLive(surveyId, version);
      return { status: 'live', ...describeVersion(row, version) };
    },

    /** Stops serving the survey (its versions stay); null when it was never published. */
    async unpublish(surveyId) {
      const state = await stateOf(surveyId);
      if (!state) return null;
      await query('UPDATE published_surveys SET live_version = NULL, changed_ms = ? WHERE survey_id = ?', [now(), surveyId]);
      return { surveyId, live: null, status: 'unpublished', previouslyLive: state.liveVersion };
    },

    /** The survey's versions, newest first, and what is live; null when it was never published. */
    async versionsOf(surveyId) {
      const state = await stateOf(surveyId);
      if (!state) return null;
      const rows = await query('SELECT version, definition, published_ms AS "publishedMs" FROM survey_versions WHERE survey_id = ? ORDER BY version DESC', [surveyId]);
      return { surveyId, live: state.liveVersion, status: statusOf(state), closed: closedOf(state), versions: rows.map((row) => describeVersion(row, state.liveVersion)) };
    },

    /**
     * What GET /api/earshot/surveys serves now: `{ body, etag }`, the live definitions as
     * published, in the order they were first published. A survey whose quota is reached is
     * closed here, once, and left out.
     */
    async liveList() {
      const rows = await query(
        `SELECT p.survey_id AS "surveyId", p.live_version AS version, v.definition
         FROM published_surveys p JOIN survey_versions v ON v.survey_id = p.survey_id AND v.version = p.live_version
         WHERE p.closed_ms IS NULL ORDER BY p.first_published_ms, p.survey_id`,
      );
      const served = [];
      for (const row of rows) {
        const reason = await quotaReached(row.surveyId, JSON.parse(row.definition));
        if (reason === null) served.push(row.definition);
        else {
          // Kept, so the versions route can say why; a read replica cannot write, and need not:
          // the survey is left out all the same, and a primary records it at its next read.
          await query('UPDATE published_surveys SET closed_ms = ?, closed_reason = ? WHERE survey_id = ? AND live_version = ? AND closed_ms IS NULL', [
            now(),
            reason,
            row.surveyId,
            row.version,
          ]).catch(() => {});
        }
      }
      // The stored texts as they are: no parse and stringify per request.
      const body = `{"surveys":[${served.join(',')}]}`;
      return { body, etag: etagOf(body) };
    },

    /** Removes every survey and version (tests). */
    async clear() {
      await query('DELETE FROM published_surveys', []);
      await query('DELETE FROM survey_versions', []);
    },
  };
}
