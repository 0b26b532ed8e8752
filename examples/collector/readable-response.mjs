// A stored row as the results page, the scores and the CSV export read it. Rows stored by this
// collector passed the ingestion rules; a row an older collector stored that does not (a date
// JavaScript cannot read, 5,000 questions) is marked unreadable when the database is migrated.
// Such a row, or one whose text no longer parses, is left out and counted, never allowed to fail
// the page. Its times are the collector's (client-time.mjs), not the device's.
import { canonicalLocale } from './locale.mjs';

const isoOf = (ms) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);

/**
 * The response in `row` (`{ readable, body, createdMs, updatedMs, receivedMs }` from the store)
 * with the collector's `createdAt`, `updatedAt` and `receivedAt`, or null when it cannot be shown.
 */
export function readStoredRow(row) {
  if (row.readable !== 1) return null;
  let body;
  try {
    body = JSON.parse(row.body);
  } catch {
    return null;
  }
  const [createdAt, updatedAt, receivedAt] = [row.createdMs, row.updatedMs, row.receivedMs].map(isoOf);
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !createdAt || !updatedAt || !receivedAt) return null;
  // Set on the object JSON.parse just made (the same keys, in the same order, as a copy would
  // have): copying it with spread made V8 keep about 240 bytes per row past a young-generation
  // collection, which filled the old generation during a CSV export (--trace-gc-nvp: 9.6 MB
  // promoted per 40,000 rows with the copy, 0.3 MB without).
  body.locale = canonicalLocale(body.locale);
  body.createdAt = createdAt;
  body.updatedAt = updatedAt;
  body.receivedAt = receivedAt;
  return body;
}
