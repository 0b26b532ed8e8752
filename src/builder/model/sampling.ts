/** The share of visitors asked as the builder shows it: a percentage of the definition's fraction (0.3 → "30", 0.07 → "7", never "7.000000000000001"). */
export function percentOf(sample: unknown): string {
  if (typeof sample !== 'number') return sample === undefined ? '' : String(sample);
  return String(Number((sample * 100).toPrecision(12)));
}

/**
 * The definition's fraction from a typed percentage ("30" → 0.3, "12,5 %" → 0.125). Empty asks
 * everyone (no `sample`); what is not a number stays as typed, so the validator names the field.
 */
export function fractionOf(typed: string): number | string | undefined {
  const text = typed.trim().replace(/\s*%$/, '').replace(',', '.');
  if (text === '') return undefined;
  const percent = Number(text);
  return Number.isFinite(percent) ? Number((percent / 100).toPrecision(12)) : typed;
}

/** The validator's words on `sample` (a fraction from 0 to 1) in the field's own terms, a percentage. */
export function percentProblem(message: string, sample: unknown): string {
  if (!message.startsWith('expected a number from 0 to 1')) return message;
  const got = typeof sample === 'number' ? `${percentOf(sample)} %` : JSON.stringify(sample);
  return `expected a percentage from 0 to 100 (got ${got})`;
}
