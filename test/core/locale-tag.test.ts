// The language a response carries is a valid BCP 47 tag: pages say `<html lang="en_US">`, which
// Intl (and a collector summarising results with it) refuses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateWholeConfig } from '../../src/core/definition/validate-whole.js';
import { createResponse } from '../../src/core/delivery/response.js';
import { canonicalLocale } from '../../src/core/locale-tag.js';

describe('canonicalLocale', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-us', 'en-US'],
    ['en_US', 'en-US'],
    ['pt_br', 'pt-BR'],
    [' en-GB ', 'en-GB'],
    ['zh_Hant_TW', 'zh-Hant-TW'],
    ['sr-latn-rs', 'sr-Latn-RS'],
    ['es-419', 'es-419'],
    // POSIX locales, as some servers write them into the page.
    ['en_US.UTF-8', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    // Deprecated codes become their current ones.
    ['iw', 'he'],
    ['de-DE-u-co-phonebk', 'de-DE-u-co-phonebk'],
  ])('%j → %j', (tag, canonical) => {
    expect(canonicalLocale(tag)).toBe(canonical);
    expect(() => new Intl.PluralRules(canonical)).not.toThrow();
  });

  it.each([[''], ['  '], ['C'], ['C.UTF-8'], ['*'], ['e'], ['123'], ['en-'], ['en-US-US'], ['x-private'], ['en--US'], [`en-${'abcdefgh-'.repeat(4)}x`], [null], [42]])(
    '%j cannot be a language tag',
    (tag) => {
      expect(canonicalLocale(tag)).toBeUndefined();
    },
  );
});

describe("the visitor's language", () => {
  const resolved = (locale?: string) => validateWholeConfig({ endpoint: '/api/earshot', ...(locale !== undefined && { locale }) }).config?.locale;

  afterEach(() => {
    document.documentElement.lang = '';
    vi.restoreAllMocks();
  });

  it.each([
    // config locale, <html lang>, navigator.language → the locale used and sent
    ['pt_br', 'fr', 'de', 'pt-BR'],
    [undefined, 'en_US', 'de', 'en-US'],
    [undefined, 'en-gb', 'de', 'en-GB'],
    [undefined, 'english (US)', 'de-AT', 'de-AT'],
    [undefined, '', 'de_AT', 'de-AT'],
    [undefined, 'C', '', 'und'],
    [undefined, '', '', 'und'],
  ])('config %j, page %j, browser %j → %j', (locale, lang, browser, expected) => {
    document.documentElement.lang = lang;
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(browser);
    expect(resolved(locale)).toBe(expected);
  });

  it('refuses a config locale that no language tag can be, naming it', () => {
    expect(validateWholeConfig({ endpoint: '/api/earshot', locale: 'English (US)' }).problems).toEqual([
      'locale: expected a locale tag such as "en" or "pt-BR" (got "English (US)")',
    ]);
  });

  it('is sent as a canonical tag, whatever the survey texts are keyed by', () => {
    const survey = { id: 's', questions: [{ id: 'q', type: 'thumbs' as const, text: '?' }] };
    expect(createResponse({ survey, trigger: { manual: true }, locale: 'pt-br' }, { q: 1 }, true).locale).toBe('pt-BR');
    expect(createResponse({ survey, trigger: { manual: true }, locale: 'en-GB-oed' }, { q: 1 }, true).locale).toBe('und');
  });
});
