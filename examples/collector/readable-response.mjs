// A stored row as the results page, the scores and the CSV export read it. A row is read only if
// it passes today's ingestion rules (rows stored by an older collector may not): one that cannot
// be summarized is left out and counted, never allowed to fail the page. Its times are the
// collector's (client-time.mjs), not the device's.
import { checkBatchLimits, findTooDeep } from './batch-limits.mjs';
import { validateBatch } from './batch-validation.mjs';
import { canonicalLocale } from './locale.mjs';

const isoOf = (ms) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);

/**
 * The response in `row` (`{ body, createdMs, updatedMs, receivedMs }` from the store) with the
 * collector's `createdAt`, `updatedAt` and `receivedAt`, or null when it cannot be shown.
 */
export function readStoredRow(row) {
  let body;
  try {
    body = JSON.parse(row.body);
  } catch {
    return null;
  }
  const [createdAt, updatedAt, receivedAt] = [row.createdMs, row.updatedMs, row.receivedMs].map(isoOf);
  if (!createdAt || !updatedAt || !receivedAt) return null;
  const batch = { sentAt: receivedAt, responses: [body] };
  if (findTooDeep(batch) || validateBatch(batch).length > 0 || checkBatchLimits(batch).length > 0) return null;
  return { ...body, locale: canonicalLocale(body.locale), createdAt, updatedAt, receivedAt };
}
