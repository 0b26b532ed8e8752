import { isRecord } from './definition/checks.js';
import type { Context } from './types.js';

/** Most keys a response's `context` (and a recorded event's `properties`) holds. */
export const MAX_CONTEXT_KEYS = 30;
/** Longest string value, in UTF-16 code units; what goes over is dropped, not cut. */
export const MAX_CONTEXT_VALUE_LENGTH = 500;
/** A key as `{{context.plan}}` and a collector's `by=context.plan` can name it. */
export const CONTEXT_KEY = /^[A-Za-z0-9][\w-]{0,63}$/;

/** The `error` event's message for values dropped: which, and the one rule they broke. */
export const droppedValues = (where: string, keys: string[]) =>
  `${where}: dropped ${keys.join(', ')} (keys of 1–64 letters, digits, _ or -; values a string of at most ${MAX_CONTEXT_VALUE_LENGTH} characters, number, boolean or null; at most ${MAX_CONTEXT_KEYS} keys)`;

/**
 * `into` with `values` merged in, keeping only what a collector takes; with `nullRemoves`, a
 * `null` removes its key. Also returns the keys dropped, for an `error` event.
 */
export function mergeContext(into: Context, values: unknown, nullRemoves = false): [Context, string[]] {
  const merged = { ...into };
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(isRecord(values) ? values : {})) {
    const removing = nullRemoves && value === null;
    const fits =
      CONTEXT_KEY.test(key) &&
      (value === null || typeof value == 'boolean' || Number.isFinite(value) || (typeof value == 'string' && value.length <= MAX_CONTEXT_VALUE_LENGTH)) &&
      (removing || Object.hasOwn(merged, key) || Object.keys(merged).length < MAX_CONTEXT_KEYS);
    if (!fits) dropped.push(key.slice(0, 64));
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

/** An own value only: `context.constructor` is no value of the page's (what a survey's texts recall, recall.ts). */
export const own = (values: object | undefined, key: string): unknown => (values && Object.hasOwn(values, key) ? values[key as keyof typeof values] : undefined);
