// Language tags as the collector keeps and uses them. Pages carry invalid tags (`<html
// lang="en_US">`) and the SDK once sent them as found; Intl throws on them, so every tag is made
// canonical BCP 47 on the way in (`en_US` → `en-US`) and replaced with `und` (undetermined) when
// it cannot be. Rendering goes through the same function, for rows stored before this rule.
import { MAX_LOCALE_LENGTH } from './limits.mjs';

export const UNDETERMINED = 'und';

/** Tags seen recently: a results page reads the same few tags once per response. */
const canonicalByTag = new Map();
const TAGS_REMEMBERED = 1000;

/** The canonical form of `tag` (`en_us` → `en-US`), or `und` when it is not a usable language tag. */
export function canonicalLocale(tag) {
  if (typeof tag !== 'string' || tag.length > MAX_LOCALE_LENGTH) return UNDETERMINED;
  let canonical = canonicalByTag.get(tag);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] ?? UNDETERMINED;
    } catch {
      canonical = UNDETERMINED;
    }
    if (canonicalByTag.size >= TAGS_REMEMBERED) canonicalByTag.clear();
    canonicalByTag.set(tag, canonical);
  }
  return canonical;
}
