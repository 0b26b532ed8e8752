// Time zones for the results page: an IANA name (`Europe/Paris`) checked with Intl, the offset of
// a zone at a moment, and the start of a local day as a UTC time, so a date range and the daily
// trend follow the viewer's days rather than UTC's. Offsets come from Intl at each moment, so
// daylight saving time is followed.

export const UTC = 'UTC';

/** The zone's canonical name, or null when Intl does not know it. */
export function canonicalZone(name) {
  if (typeof name !== 'string' || name === '' || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const partsFormats = new Map();
function partsFormat(zone) {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** How far `zone`'s clock is ahead of UTC at `ms`, in ms (Paris in winter: 3,600,000). */
export function zoneOffsetMs(ms, zone) {
  if (zone === UTC) return 0;
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(new Date(ms))
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The UTC ms at which the local day `YYYY-MM-DD` (given as its UTC midnight, `dayMs`) starts in `zone`. */
export function localDayStart(dayMs, zone) {
  // The offset at a guess, then at the corrected time: right also across a DST change that day.
  let start = dayMs - zoneOffsetMs(dayMs, zone);
  start = dayMs - zoneOffsetMs(start, zone);
  return start;
}

/** The local day of `ms` in `zone`, as days since 1970-01-01 (what the trend groups by). */
export const localDayNumber = (ms, zone) => Math.floor((ms + zoneOffsetMs(ms, zone)) / 86_400_000);
