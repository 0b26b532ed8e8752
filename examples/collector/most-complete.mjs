// The de-duplication rule of docs/architecture.md §3: the SDK resends a response under the same id as it
// grows (partial, then complete) and retries deliveries, so a collector keeps one row per id,
// holding the most complete version it has seen. It is one SQL condition, so the database decides
// inside the upsert and several collector processes can share one database.
//
// A version replaces the stored one when (completed, rank, device updatedAt) is greater:
//   - a completed response is never replaced by a partial one, and always replaces one;
//   - between two of the same kind the later `updatedAt` wins, capped at the receipt time plus
//     MAX_CLOCK_SKEW_MS (client-time.mjs), so a forged far-future time cannot pin the row;
//   - under the cap, the device's own `updatedAt` breaks ties (two versions in one batch from a
//     fast clock); an equal one is the same version sent again, so the stored copy stays.
// A version of another survey never replaces anything: the store refuses it.

/** SQL (SQLite and PostgreSQL) for "the incoming version `excluded` replaces the stored `responses` row". */
export const REPLACES_STORED = `(excluded.completed, excluded.rank_ms, excluded.client_updated_ms) > (responses.completed, responses.rank_ms, responses.client_updated_ms)`;

/** SQL for "the incoming version belongs to the stored row's survey". */
export const SAME_SURVEY = 'excluded.survey_id = responses.survey_id';
