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
  if (typeof body !== 'object' || body === null || !createdAt || !updatedAt || !receivedAt) return null;
  return { ...body, locale: canonicalLocale(body.locale), createdAt, updatedAt, receivedAt };
}
