// How numbers, dates and counts read on the results page and in its charts' text alternatives.
import { zoneOffsetMs } from './time-zone.mjs';

const MINUS = '\u2212'; // a real minus sign; screen readers say "minus", not "dash"

/**
 * Date formats, made at their first use: the first Intl.DateTimeFormat loads ICU's calendar data
 * (7 MB of the process's memory, measured), which a collector that only ingests or exports never needs.
 */
const formats = new Map();
const formatOf = (key, options) => {
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat('en-GB', options));
  return formats.get(key);
};

/** An NPS as people quote it: a whole number with its sign, `+25`, `−10`, `0`. */
export function formatNps(score) {
  if (score === null) return '–';
  const rounded = Math.round(score);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `${MINUS}${-rounded}`;
}

/** A 95 % margin of error as `±12` (`digits` decimals, then `unit`), or `` when there is none (under 2 answers). */
export function formatMarginOf(margin, digits, unit = '') {
  return margin === null || margin === undefined ? '' : `±${margin.toFixed(digits)}${unit}`;
}

/** A share as a whole percentage: `67%`. */
export function formatPercent(percent) {
  return percent === null ? '–' : `${Math.round(percent)}%`;
}

/** An average with one decimal: `4.2`. */
export function formatAverage(average) {
  return average === null ? '–' : average.toFixed(1);
}

/** `1 answer`, `3 answers`. */
export function countOf(count, singular, plural = `${singular}s`) {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Formats a date, or `–` for an invalid one: Intl throws on those, and no page may fail for a date. */
const formatWith = (format, date) => (Number.isNaN(date.getTime()) ? '–' : format.format(date));

/** `2026-11-27` (a UTC day key) → `27 Nov 2026`. */
export function formatDay(day) {
  return formatWith(formatOf('day', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), new Date(`${day}T00:00:00Z`));
}

/** `2026-11-27` → `27 Nov`, for chart axes. */
export function formatShortDay(day) {
  return formatWith(formatOf('short day', { day: 'numeric', month: 'short', timeZone: 'UTC' }), new Date(`${day}T00:00:00Z`));
}

/** The moment format of a time zone (an IANA name Intl knows: result-filter.mjs checked it). */
const momentFormat = (zone) => formatOf(`moment ${zone}`, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone });

/** An ISO date-time → `27 Nov 2026, 09:59 UTC`, or in `zone`: `27 Nov 2026, 10:59 Europe/Paris`. */
export function formatMoment(iso, zone = 'UTC') {
  return `${formatWith(momentFormat(zone), new Date(iso))} ${zone}`;
}

/** The day an ISO date-time falls on in `zone`, as `2026-11-27`. */
export function dayOf(iso, zone = 'UTC') {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso.slice(0, 10);
  return new Date(ms + zoneOffsetMs(ms, zone)).toISOString().slice(0, 10);
}
