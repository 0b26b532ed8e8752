// Language tags as the collector keeps and uses them. Pages carry invalid tags (`<html
// lang="en_US">`) and the SDK once sent them as found; Intl throws on them, so every tag is made
// canonical BCP 47 on the way in (`en_US` → `en-US`) and replaced with `und` (undetermined) when
// it cannot be. Rendering goes through the same function, for rows stored before this rule.
import { MAX_LOCALE_LENGTH } from './limits.mjs';

export const UNDETERMINED = 'und';

/** The canonical form of `tag` (`en_us` → `en-US`), or `und` when it is not a usable language tag. */
export function canonicalLocale(tag) {
  if (typeof tag !== 'string' || tag.length > MAX_LOCALE_LENGTH) return UNDETERMINED;
  try {
    return Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] ?? UNDETERMINED;
  } catch {
    return UNDETERMINED;
  }
}
