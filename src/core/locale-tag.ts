/** The BCP 47 tag for "undetermined": what a response carries when no usable language was found. */
export const UNDETERMINED_LOCALE = 'und';

/** Longest tag taken as found; RFC 5646 sizes buffers for tags without extensions at 35. */
const LOCALE_MAX_LENGTH = 35;

/**
 * `tag` as a valid, canonical BCP 47 tag, or undefined when it cannot be one. Pages carry tags
 * such as `en_US` or the POSIX `en_US.UTF-8` (`<html lang>`), which `Intl` and collectors refuse:
 * `_` becomes `-` and a `.charset` or `@modifier` is dropped, so both become `en-US`.
 */
export function canonicalLocale(tag: unknown): string | undefined {
  if (typeof tag != 'string' || tag.length > LOCALE_MAX_LENGTH) return undefined;
  try {
    return Intl.getCanonicalLocales(
      tag
        .trim()
        .replace(/[.@].*/, '')
        .replaceAll('_', '-'),
    )[0];
  } catch {
    return undefined;
  }
}
