// Impressions: the `shown` and `dismissed` events a batch carries beside its responses
// (docs/architecture.md §3), so results can count how many visitors saw a survey, not only how many answered.
// One row per event id (a repeat is the same event, kept once), with the collector's time (the
// receipt time minus the event's age on the device, as for responses: client-time.mjs) and the
// journey point named as responses name theirs (journey-point.mjs). Migration 5 creates the table;
// it reads nothing of the other tables, so it applies after any version 4.
import { MAX_RESPONSE_AGE_MS, parseDateTime } from './client-time.mjs';
import { journeyPointOf } from './journey-point.mjs';
import { dayNumberOf } from './stored-version.mjs';

export const IMPRESSIONS_VERSION = 5;
export const IMPRESSIONS_DESCRIPTION = 'impressions: shown and dismissed events, one row per event id';

/** Migration 5's statements, with `t` the engine's column types (migrations.mjs's TYPES). */
export function impressionTables(t) {
  return [
    `CREATE TABLE impressions (
      id            TEXT PRIMARY KEY,
      survey_id     TEXT NOT NULL,
      type          TEXT NOT NULL,            -- shown or dismissed
      at_ms         ${t.bigint} NOT NULL,     -- when it happened, by the collector's clock (client-time.mjs)
      day           ${t.bigint} NOT NULL,     -- the UTC day of at_ms
      journey_point TEXT NOT NULL,            -- named as responses.journey_point is
      response_id   TEXT,                     -- the response of that showing, when the visitor had answered
      received_ms   ${t.bigint} NOT NULL
    )`,
    'CREATE INDEX impressions_by_survey ON impressions (survey_id, type, journey_point, at_ms)',
    'CREATE INDEX impressions_by_received ON impressions (received_ms)',
  ];
}

export const IMPRESSION_COLUMNS = 'id, survey_id, type, at_ms, day, journey_point, response_id, received_ms';
const WIDTH = IMPRESSION_COLUMNS.split(', ').length;

/** Inserts `count` impressions; an id already stored is left as it is. */
export const insertImpressionsOf = (count) =>
  `INSERT INTO impressions (${IMPRESSION_COLUMNS}) VALUES ${Array.from({ length: count }, () => `(${Array.from({ length: WIDTH }, () => '?').join(', ')})`).join(', ')} ON CONFLICT (id) DO NOTHING`;

/**
 * The rows of a checked batch's events, in batch order, as arrays of IMPRESSION_COLUMNS' values.
 * An event marked as a preview (the SDK makes none) is left out: previews are never counted.
 */
export function toImpressionRows(batch, receivedMs) {
  const sentMs = parseDateTime(batch.sentAt);
  return (batch.events ?? [])
    .filter((event) => event.preview !== true)
    .map((event) => {
      const age = Math.min(Math.max(sentMs - parseDateTime(event.at), 0), MAX_RESPONSE_AGE_MS);
      const atMs = receivedMs - age;
      return [event.id, event.surveyId, event.type, atMs, dayNumberOf(atMs), journeyPointOf(event), event.responseId ?? null, receivedMs];
    });
}
