// The values a response's `context` and `event.properties` hold: merged, removed with null, and
// kept within what a collector takes (src/core/context.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_KEYS, MAX_CONTEXT_VALUE_LENGTH, droppedValues, mergeContext, queryValues } from '../../src/core/context.js';

describe('mergeContext', () => {
  it('merges new values over the old ones, keeping the rest', () => {
    expect(mergeContext({ plan: 'free', seats: 1 }, { plan: 'pro', beta: true })).toEqual([{ plan: 'pro', seats: 1, beta: true }, []]);
  });

  it('with nullRemoves, a null removes its key; without, null is a value like any other', () => {
    expect(mergeContext({ plan: 'pro', coupon: 'WELCOME' }, { coupon: null, gone: null }, true)).toEqual([{ plan: 'pro' }, []]);
    expect(mergeContext({}, { coupon: null })).toEqual([{ coupon: null }, []]);
  });

  it('leaves the values it was given alone', () => {
    const into = { plan: 'free' };
    mergeContext(into, { plan: 'pro' });
    expect(into).toEqual({ plan: 'free' });
  });

  it('drops, and names, what a collector could not take: a bad key, an object, a list, a function, NaN, a long string', () => {
    const [merged, dropped] = mergeContext(
      {},
      {
        ok: 'yes',
        'two words': 'x',
        __proto__key: 'x',
        '': 'x',
        ['k'.repeat(65)]: 'x',
        nested: { a: 1 },
        list: [1],
        run: () => 1,
        nan: Number.NaN,
        infinite: Infinity,
        big: 'b'.repeat(MAX_CONTEXT_VALUE_LENGTH + 1),
        justRight: 'b'.repeat(MAX_CONTEXT_VALUE_LENGTH),
        'dash-and_underscore9': 0,
      },
    );
    expect(merged).toEqual({ ok: 'yes', justRight: 'b'.repeat(MAX_CONTEXT_VALUE_LENGTH), 'dash-and_underscore9': 0 });
    expect(dropped).toEqual(['two words', '__proto__key', '', 'k'.repeat(64), 'nested', 'list', 'run', 'nan', 'infinite', 'big']);
  });

  it(`keeps at most ${MAX_CONTEXT_KEYS} keys: new keys past them are dropped, known keys still change and null still removes`, () => {
    const full = Object.fromEntries(Array.from({ length: MAX_CONTEXT_KEYS }, (_, i) => [`k${i}`, i]));
    const [merged, dropped] = mergeContext(full, { extra: 1, k0: 'changed', k1: null }, true);
    expect(dropped).toEqual(['extra']);
    expect(merged.k0).toBe('changed');
    expect('k1' in merged).toBe(false);
    expect(Object.keys(merged)).toHaveLength(MAX_CONTEXT_KEYS - 1);
    // Room again after the removal.
    expect(mergeContext(merged, { extra: 1 })[1]).toEqual([]);
  });

  it('takes nothing from what is not an object, and drops nothing for undefined', () => {
    expect(mergeContext({ a: 1 }, 'plan=pro')).toEqual([{ a: 1 }, []]);
    expect(mergeContext({ a: 1 }, undefined)).toEqual([{ a: 1 }, []]);
    expect(mergeContext({}, null)).toEqual([{}, []]);
  });

  it('reads only its own keys, never the prototype', () => {
    const values = Object.create({ inherited: 'x' }) as Record<string, unknown>;
    values.own = 'y';
    expect(mergeContext({}, values)).toEqual([{ own: 'y' }, []]);
  });

  it('says what was dropped, where, and the rule', () => {
    expect(droppedValues('setContext()', ['nested', 'big'])).toBe(
      'setContext(): dropped nested, big (keys of 1–64 letters, digits, _ or -; values a string of at most 500 characters, number, boolean or null; at most 30 keys)',
    );
  });
});

describe('queryValues', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('reads the named query parameters present on the page, and nothing else', () => {
    history.replaceState(null, '', '/order/done?utm_source=mail&plan=pro&email=a%40b.example#top');
    expect(queryValues(['utm_source', 'plan', 'utm_campaign'])).toEqual({ utm_source: 'mail', plan: 'pro' });
    expect(queryValues()).toEqual({});
  });

  it('keeps an empty parameter as an empty string', () => {
    history.replaceState(null, '', '/?ref=');
    expect(queryValues(['ref'])).toEqual({ ref: '' });
  });
});
