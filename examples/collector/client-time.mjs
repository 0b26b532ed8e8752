// Times a visitor's device sends (`createdAt`, `updatedAt`, `sentAt`) and what the collector makes
// of them. Device clocks are often wrong and a stranger can send any time, so the collector keeps
// its own receipt time and derives every time it relies on from it:
//   - shown times (results, trend, CSV) are the receipt time minus the response's age measured on
//     the device's own clock (`sentAt − createdAt`), so a clock that is a year off still dates the
//     answer right, and no time lies in the future or more than MAX_RESPONSE_AGE_MS back;
//   - the order of two versions of one response (most-complete.mjs) uses `updatedAt` capped at the
//     receipt time plus MAX_CLOCK_SKEW_MS, so a far-future `updatedAt` outranks a later resend for
//     a few minutes at most, and the device's own `updatedAt` breaks ties.

/** How far ahead of the collector a device clock may plausibly be. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** The SDK keeps an undelivered response at most 365 days (`ttlDays`); nothing older is honest. */
export const MAX_RESPONSE_AGE_MS = 365 * 86_400_000;

/**
 * RFC 3339 date-times, with the leniencies of the JSON Schema `date-time` format the batch schema
 * uses (ajv-formats): `t` or a space for `T`, `z` for `Z`, offsets without minutes or colon, any
 * number of fraction digits.
 */
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt\s](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:[Zz]|([+-])(\d\d)(?::?(\d\d))?)$/;

/**
 * Milliseconds since the epoch, or null when `text` is not such a date-time. JavaScript's Date
 * cannot parse all of them (`23:59:60Z`, `+01`); a leap second counts as the last millisecond of
 * its minute, so it keeps its day and its order.
 */
export function parseDateTime(text) {
  const parts = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const offsetMinutes = parts[8] ? (parts[8] === '-' ? -1 : 1) * (Number(parts[9]) * 60 + Number(parts[10] ?? 0)) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60 || Number(parts[9] ?? 0) > 23 || Number(parts[10] ?? 0) > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null; // 31 April, 29 February of a common year
  date.setUTCHours(hour, minute, Math.min(second, 59), second === 60 ? 999 : Number(`0.${parts[7] ?? 0}`) * 1000);
  const ms = Math.floor(date.getTime() - offsetMinutes * 60_000);
  return Number.isFinite(ms) ? ms : null;
}

const clamp = (value, min, max) => Math.min(Math.max(value, min), max);

/**
 * The collector's times for one version of a response, all in ms: `createdMs` and `updatedMs`
 * (shown), `rankMs` and `clientUpdatedMs` (which version is kept). `sentMs` is the batch's
 * `sentAt`, `receivedMs` the collector's clock when the batch arrived.
 */
export function collectorTimes({ createdMs, updatedMs, sentMs, receivedMs }) {
  const shown = (deviceMs) => receivedMs - clamp(sentMs - deviceMs, 0, MAX_RESPONSE_AGE_MS);
  const created = shown(createdMs);
  return {
    createdMs: created,
    updatedMs: Math.max(shown(updatedMs), created),
    rankMs: Math.min(updatedMs, receivedMs + MAX_CLOCK_SKEW_MS),
    clientUpdatedMs: updatedMs,
  };
}
