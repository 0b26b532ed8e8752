// URL matching for `url` triggers: globs and the regex subset mean what they say, and no pattern
// can make matching take more than (path length + 1) × (program length + 1) steps. A regex such
// as ^(.|.)*#$ froze a visitor's tab for 12 s when it ran on the browser's backtracking engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepts, type Program } from '../../../src/core/targeting/nfa.js';
import { compileRegex, URL_REGEX_SUBSET } from '../../../src/core/targeting/url-regex.js';
import { compileGlob, urlMatches } from '../../../src/core/targeting/url-match.js';

describe('glob', () => {
  it.each([
    ['/blog/*', '/blog/2026/launch', true],
    ['/blog/*', '/blog/', true],
    ['/blog/*', '/blog', false],
    ['/blog/*', '/en/blog/x', false],
    ['/products/*/reviews', '/products/mug/reviews', true],
    ['/products/*/reviews', '/products/mug/reviews/2', false],
    ['*', '', true],
    ['*checkout*', '/shop/checkout/done', true],
    ['/a**b', '/ab', true],
    ['/a*b*c', '/axxbyyc', true],
    ['/a*b*c', '/axxcyyb', false],
    // Everything but * is literal, regex punctuation included.
    ['/v1.0/*', '/v1.0/docs', true],
    ['/v1.0/*', '/v1x0/docs', false],
    ['/(x)+[y]?', '/(x)+[y]?', true],
    ['/(x)+[y]?', '/xx', false],
    ['/^$\\d', '/^$\\d', true],
    ['/café/*', '/café/menu', true],
    ['/😀/*', '/😀/x', true],
    ['/😀', '/😁', false],
  ])('%j on %j: %s', (glob, path, expected) => {
    expect(urlMatches(glob, path)).toBe(expected);
    expect(urlMatches({ glob }, path)).toBe(expected);
  });
});

describe('regex', () => {
  it.each([
    ['^/order/\\d+$', '/order/1234', true],
    ['^/order/\\d+$', '/order/12a', false],
    // Unanchored, as RegExp.test: anywhere in the path.
    ['checkout', '/shop/checkout/done', true],
    ['done$', '/shop/checkout/done', true],
    ['^done', '/shop/checkout/done', false],
    ['^/(en|fr)/checkout', '/fr/checkout/2', true],
    ['^/(en|fr)/checkout', '/de/checkout', false],
    ['^/(?:en|fr)?/?help$', '/help', true],
    ['^/p/[^/]+/reviews$', '/p/mug/reviews', true],
    ['^/p/[^/]+/reviews$', '/p/a/b/reviews', false],
    ['^/[a-z0-9_-]+$', '/my_page-2', true],
    ['^/[\\]]$', '/]', true],
    ['^/\\w+\\.html$', '/page.html', true],
    ['^/\\w+\\.html$', '/page-html', false],
    ['^/a.c$', '/a\nc', false],
    ['^/a\\sb$', '/a b', true],
    ['^(a|ab)(c|bcd)(d*)$', 'abcd', true],
    ['^(a*)*$', 'aaaa', true],
    ['^(a*)*$', 'aaab', false],
    ['^(a|)+b$', 'aab', true],
    ['^x*?y$', 'xxy', true],
    ['^a+?$', '', false],
    ['^a??b$', 'b', true],
    ['a|^b', 'cb', false],
    ['a|^b', 'bc', true],
    ['(^a|b$)c', 'ac', true],
    ['^$', '', true],
    ['|x', '/anything', true],
    ['^(.|.)*#$', '/a#', true],
  ])('%j on %j: %s, as RegExp says', (source, path, expected) => {
    expect(new RegExp(source).test(path)).toBe(expected);
    expect(urlMatches({ regex: source }, path)).toBe(expected);
  });

  it('agrees with RegExp on random patterns of the subset and random paths', () => {
    const atom = fc.constantFrom('a', 'b', '/', '.', '\\d', '\\w', '\\s', '\\.', '\\/', '[ab]', '[^a]', '[a-c/]', '^', '$', '1');
    const pattern: fc.Arbitrary<string> = fc.letrec<{ pattern: string }>((tie) => ({
      pattern: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('pattern'), tie('pattern')).map(([a, b]) => a + b),
        fc.tuple(tie('pattern'), tie('pattern')).map(([a, b]) => `${a}|${b}`),
        fc.tuple(tie('pattern'), fc.constantFrom('(', '(?:')).map(([a, open]) => `${open}${a})`),
        fc
          .tuple(
            fc.oneof(
              atom.filter((one) => one !== '^' && one !== '$'),
              tie('pattern').map((a) => `(${a})`),
            ),
            fc.constantFrom('*', '+', '?', '*?', '+?'),
          )
          .map(([a, q]) => a + q),
      ),
    })).pattern;
    const path = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', '1', ' ', 'c'), maxLength: 10 });
    fc.assert(
      fc.property(
        pattern.filter((source) => URL_REGEX_SUBSET.test(source) && source.length <= 200),
        path,
        (source, text) => {
          expect(urlMatches({ regex: source }, text)).toBe(new RegExp(source).test(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('time to match', () => {
  /** Visits of program steps to match `text`: at most (text length + 1) × (program length + 1). */
  function visits(program: Program, text: string): number {
    const tally = { visits: 0 };
    accepts(program, text, tally);
    expect(tally.visits).toBeLessThanOrEqual((text.length + 1) * (program.length + 1));
    return tally.visits;
  }

  it.each([
    ['^(.|.)*#$', 'a'],
    ['^(a+)+$', 'a'],
    ['^(a|aa)*b$', 'a'],
    ['^(a*)*$', 'a'],
    ['^a*a*a*a*a*a*a*a*a*a*b$', 'a'],
    ['(\\w+\\s?)*$', 'word '],
  ])('grows in step with the path for %j, where backtracking takes exponential or high-polynomial time', (source, unit) => {
    const program = compileRegex(source);
    const short = visits(program, `/${unit.repeat(500)}!`);
    const long = visits(program, `/${unit.repeat(1000)}!`);
    // Twice the path, about twice the work (backtracking would take 4 or 2^500 times as long).
    expect(long / short).toBeLessThan(2.1);
  });

  it('answers at once for the pattern and path that froze a tab for 12 s', () => {
    const path = `/${'a'.repeat(28)}`;
    expect(urlMatches({ regex: '^(.|.)*#$' }, path)).toBe(false);
    expect(visits(compileRegex('^(.|.)*#$'), path)).toBeLessThan(400);
  });

  it('matches a glob of ten * in linear time (it took 1.1 s as a RegExp)', () => {
    const glob = '/*a*a*a*a*a*a*a*a*a*a*b';
    expect(urlMatches(glob, `/${'a'.repeat(2000)}`)).toBe(false);
    expect(urlMatches(glob, `/${'a'.repeat(2000)}b`)).toBe(true);
    const program = compileGlob(glob);
    const short = visits(program, `/${'a'.repeat(500)}`);
    expect(visits(program, `/${'a'.repeat(1000)}`) / short).toBeLessThan(2.1);
  });
});
