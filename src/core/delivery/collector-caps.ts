import { isRecord } from '../definition/checks.js';
import type { User, UserTraits } from '../types.js';

/**
 * The longest string a collector takes outside answers (examples/collector/limits.mjs). Answers
 * are cut to their question's `maxLength`, at most 10,000, when they are given.
 */
export const MAX_STRING_LENGTH = 20_000;

/** A string from the page (its URL, the referrer, a trait), within the collector's cap. */
export const clip = (text: string) => text.slice(0, MAX_STRING_LENGTH);

/**
 * The user as a response carries it. `identify()` takes whatever a page passes, so traits keep
 * only what a collector takes (strings, numbers, booleans, null): a nested object or a BigInt
 * would get the whole batch refused, or fail to serialise.
 */
export function fitUser({ id, traits }: User): User {
  return {
    ...(id && { id: clip(id) }),
    ...(isRecord(traits) && {
      traits: Object.fromEntries(
        Object.entries(traits).flatMap(([name, value]): [string, UserTraits[string]][] =>
          typeof value == 'string' ? [[name, clip(value)]] : value === null || ['number', 'boolean'].includes(typeof value) ? [[name, value]] : [],
        ),
      ),
    }),
  };
}
