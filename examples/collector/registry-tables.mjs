// Migration 4: the surveys registry (every published version of each survey, and which one is
// live) and the webhook's queue of notifications to send. Kept apart from the response tables:
// nothing here is read by results, and nothing in results is written here.

/** Migration 4's statements for `engine` (TYPES of migrations.mjs). */
export function registryTables(t) {
  return [
    // Each PUT of a changed definition adds a version; none is ever rewritten or removed.
    `CREATE TABLE survey_versions (
      survey_id     TEXT NOT NULL,
      version       ${t.int4} NOT NULL,
      definition    TEXT NOT NULL,          -- as published (the JSON text the registry serves)
      published_ms  ${t.bigint} NOT NULL,
      PRIMARY KEY (survey_id, version)
    )`,
    // One row per survey ever published: which version GET /api/earshot/surveys serves (none once
    // unpublished), and whether a quota closed it (cleared when a version is published again).
    `CREATE TABLE published_surveys (
      survey_id           TEXT PRIMARY KEY,
      live_version        ${t.int4},
      first_published_ms  ${t.bigint} NOT NULL,  -- the order the list is served in
      changed_ms          ${t.bigint} NOT NULL,  -- when live_version last changed
      closed_ms           ${t.bigint},
      closed_reason       TEXT                   -- maxResponses or closesAt
    )`,
    // A notification per newly completed response, written in the transaction that stores it, so
    // none is lost when the process stops; senders claim rows for a while (claimed_until_ms).
    `CREATE TABLE webhook_queue (
      seq               ${t.seq},
      response_id       TEXT NOT NULL UNIQUE,     -- one notification per response, ever; its idempotency key
      survey_id         TEXT NOT NULL,
      body              TEXT NOT NULL,            -- the JSON POSTed
      queued_ms         ${t.bigint} NOT NULL,
      attempts          ${t.int4} NOT NULL DEFAULT 0,
      next_attempt_ms   ${t.bigint} NOT NULL,
      claimed_until_ms  ${t.bigint} NOT NULL DEFAULT 0,
      sent_ms           ${t.bigint},
      failed_ms         ${t.bigint},              -- given up after the last attempt
      last_error        TEXT
    )`,
    'CREATE INDEX webhook_queue_due ON webhook_queue (next_attempt_ms) WHERE sent_ms IS NULL AND failed_ms IS NULL',
  ];
}
