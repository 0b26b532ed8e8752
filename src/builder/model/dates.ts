/** A definition's date (`2026-12-01`, UTC, or a date-time) in the reader's own locale and time zone; none for what is no date. */
export function readableDate(value: unknown, locale?: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toLocaleString(locale, { dateStyle: 'full', timeStyle: 'short' });
}
