import { isRecord } from './definition/checks.js';
import type { Context } from './types.js';

/** Most keys a response's `context` (and a recorded event's `properties`) holds. */
export const MAX_CONTEXT_KEYS = 30;
/** Longest string value, in UTF-16 code units; what goes over is dropped, not cut. */
export const MAX_CONTEXT_VALUE_LENGTH = 500;
/** A key as `{{context.plan}}` and a collector's `by=context.plan` can name it. */
export const CONTEXT_KEY = /^[A-Za-z0-9][\w-]{0,63}$/;

/**
 * `into` with `values` merged in, keeping only what a collector takes; with `nullRemoves`, a
 * `null` removes its key. Returns what was dropped, each with its reason, for an `error` event.
 */
export function mergeContext(into: Context, values: unknown, nullRemoves = false): [Context, string[]] {
  const merged = { ...into };
  const dropped: string[] = [];
  if (!isRecord(values)) return [merged, values === undefined ? [] : ['every value (expected an object)']];
  for (const [key, value] of Object.entries(values)) {
    const removing = nullRemoves && value === null;
    const problem = !CONTEXT_KEY.test(key)
      ? 'not a key of 1–64 letters, digits, _ or -'
      : !(value === null || typeof value == 'string' || typeof value == 'boolean' || Number.isFinite(value))
        ? 'not a string, number, boolean or null'
        : (value as string).length > MAX_CONTEXT_VALUE_LENGTH
          ? `longer than ${MAX_CONTEXT_VALUE_LENGTH} characters`
          : !removing && !Object.hasOwn(merged, key) && Object.keys(merged).length >= MAX_CONTEXT_KEYS && `more than ${MAX_CONTEXT_KEYS} keys`;
    if (problem) dropped.push(`${key.slice(0, 64)} (${problem})`);
    else if (removing) delete merged[key];
    else merged[key] = value as Context[string];
  }
  return [merged, dropped];
}

/** The values of these URL query parameters on the current page (a survey's `hiddenFields`), those present. */
export const queryValues = (names: readonly string[] = []): Record<string, string> => {
  const query = new URLSearchParams(location.search);
  return Object.fromEntries(names.flatMap((name) => (query.has(name) ? [[name, query.get(name)!]] : [])));
};
