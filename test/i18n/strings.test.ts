import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGLISH, LOCALES_KEY, addLocale, directionOf, format, stringsFor, type Strings } from '../../src/i18n/strings.js';

// happy-dom's import.meta.url is not a file URL: the folder is found from the working directory.
const LOCALES = path.resolve('src/i18n/locales');
const tables = Object.fromEntries(readdirSync(LOCALES).map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(path.join(LOCALES, file), 'utf8')) as Strings]));
const globals = globalThis as { [LOCALES_KEY]?: Record<string, Partial<Strings>> };

afterEach(() => {
  delete globals[LOCALES_KEY];
});

describe('locale tables', () => {
  it('ship es, fr, de, pt-BR, ja and ar outside the bundle', () => {
    expect(Object.keys(tables).sort()).toEqual(['ar', 'de', 'es', 'fr', 'ja', 'pt-BR']);
  });

  it.each(Object.keys(tables))('%s has every word English has, in the same shape and with the same places', (code) => {
    const table = tables[code] as unknown as Record<string, unknown>;
    const english = ENGLISH as unknown as Record<string, unknown>;
    expect(Object.keys(table).sort()).toEqual(
      Object.keys(english)
        .filter((key) => key !== 'locale')
        .sort(),
    );
    const places = (value: unknown) => [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    for (const [key, value] of Object.entries(table)) {
      if (Array.isArray(english[key])) expect(value, key).toHaveLength((english[key] as string[]).length);
      else if (typeof value === 'object') expect(typeof (value as { other?: unknown }).other, key).toBe('string');
      // Every place a translation uses exists in English (a form may leave out {n}, as Arabic's "one" does).
      for (const name of places(value)) expect(places(english[key]), `${code}.${key}`).toContain(name);
    }
  });
});

describe('stringsFor', () => {
  it('is English when nothing else is known', () => {
    expect(stringsFor('xx')).toEqual({ ...ENGLISH, locale: 'xx' });
  });

  it('reads tables a locale script left on the page, matching tags in any case, the language for a region', () => {
    globals[LOCALES_KEY] = { fr: tables.fr, 'pt-BR': tables['pt-BR'] };
    expect(stringsFor('fr-CA')).toMatchObject({ locale: 'fr-CA', next: 'Suivant', close: 'Fermer' });
    expect(stringsFor('PT-br').next).toBe('Próxima');
    // Portuguese from Portugal has no table of its own: its words stay English.
    expect(stringsFor('pt-PT').next).toBe('Next');
  });

  it('merges tables added with addLocale over loaded ones, word by word, English filling the gaps', () => {
    globals[LOCALES_KEY] = { de: tables.de };
    addLocale('de', { submit: 'Los!' });
    addLocale('de-CH', { close: 'Schliessen' });
    expect(stringsFor('de-CH')).toMatchObject({ submit: 'Los!', close: 'Schliessen', next: 'Weiter' });
    addLocale('xx', { next: 'Onward' });
    expect(stringsFor('xx')).toMatchObject({ next: 'Onward', back: 'Back' });
  });

  it('ignores words of the wrong shape, so a broken table cannot break the survey', () => {
    addLocale('yy', { next: 42, csat: ['only', 'three', 'labels'], stars: { one: '{n} x' }, unknown: 'x' } as never);
    addLocale(undefined as never, {});
    const strings = stringsFor('yy');
    expect([strings.next, strings.csat, strings.stars]).toEqual([ENGLISH.next, ENGLISH.csat, ENGLISH.stars]);
    expect('unknown' in strings).toBe(false);
  });
});

describe('format', () => {
  it('fills places and picks the plural form of the locale', () => {
    expect(format(ENGLISH, ENGLISH.progress, { step: 2, total: 3 })).toBe('Question 2 of 3');
    expect(format(ENGLISH, ENGLISH.stars, { n: 1 })).toBe('1 star');
    expect(format(ENGLISH, ENGLISH.stars, { n: 4 })).toBe('4 stars');
    const arabic = { ...ENGLISH, ...tables.ar, locale: 'ar' };
    expect([0, 1, 2, 3, 11, 100].map((n) => format(arabic, arabic.charactersLeft, { n }))).toEqual([
      'لم يتبقَّ أي حرف',
      'تبقّى حرف واحد',
      'تبقّى حرفان',
      'تبقّت 3 أحرف',
      'تبقّى 11 حرفًا',
      'تبقّى 100 حرف',
    ]);
    expect(format({ ...ENGLISH, ...tables.ja, locale: 'ja' }, tables.ja.stars, { n: 3 })).toBe('3 つ星');
  });

  it('uses the general form for an invalid locale tag and leaves unknown places as they are', () => {
    expect(format({ ...ENGLISH, locale: '!!' }, ENGLISH.stars, { n: 1 })).toBe('1 stars');
    expect(format(ENGLISH, 'Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('directionOf', () => {
  it('is right to left for Arabic, Hebrew, Persian and Urdu, with or without a region', () => {
    expect(['ar', 'ar-EG', 'he', 'fa-IR', 'ur'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'fr-CA', 'ja', 'pt-BR'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});
