import { describe, expect, it } from 'vitest';
import { describe as describeValue } from '../../../src/core/definition/checks.js';
import { MAX_TRIGGER_NESTING } from '../../../src/core/definition/validate.js';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';

const REGEX_RULE = 'expected a regular expression of at most 200 characters, without {n}, lookaround or back-references';

const questions = [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }];

/** Problems of a config whose only survey has these extra fields. */
const problemsOf = (fields: Record<string, unknown>) => validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ id: 's', questions, ...fields }] }).problems;
const triggerProblems = (trigger: unknown) => problemsOf({ trigger });

describe('validateConfig: targeting', () => {
  it('accepts every trigger kind, audience, sample, dates, frequency and priority fields', () => {
    const result = validateWholeConfig({
      endpoint: '/api/earshot',
      surveysUrl: '/earshot/surveys.json',
      cooldownDays: 0,
      surveys: [
        {
          id: 's',
          questions,
          trigger: {
            any: [
              { event: 'checkout_completed', where: { total: { gte: 50 }, currency: 'EUR', coupon: { exists: false } } },
              { url: '/blog/*' },
              { url: { equals: '/pricing' } },
              { url: { startsWith: '/docs' } },
              { url: { contains: 'help' } },
              { url: { glob: '/p/*/reviews' } },
              { url: { regex: '^/order/\\d+$' } },
              { selector: '#buy, .buy' },
              { scroll: 60 },
              { exitIntent: true },
              { all: [{ url: '/blog/*' }, { delay: 20 }] },
            ],
          },
          audience: { traits: { plan: { in: ['pro', 'team'] }, seats: { gt: 5 } }, device: 'mobile', language: { neq: 'de' }, referrer: { exists: true } },
          sample: 0.25,
          startsAt: '2026-12-01',
          endsAt: '2027-01-01T00:00:00Z',
          recontactDays: 90,
          dismissedRecontactDays: 7,
          priority: 2,
        },
      ],
    });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config?.cooldownDays).toBe(0);
  });

  it('fills cooldownDays with 3', () => {
    expect(validateWholeConfig({ endpoint: '/api/earshot' }).config?.cooldownDays).toBe(3);
  });

  describe('reports each mistake with its path', () => {
    it('a trigger with two kinds, which must be combined with all or any', () => {
      expect(triggerProblems({ url: '/a', delay: 5 })).toEqual([
        'surveys[0].trigger: expected one of event, url, selector, scroll, exitIntent, delay, all, any (combine several with "all" or "any") (got {"url":"/a","delay":5})',
      ]);
    });

    it('a mistake deep inside all / any', () => {
      expect(triggerProblems({ all: [{ url: '/blog/*' }, { any: [{ event: 'a' }, { scroll: 150 }] }] })).toEqual([
        'surveys[0].trigger.all[1].any[1].scroll: expected a percentage above 0, at most 100 (got 150)',
      ]);
      expect(triggerProblems({ any: [] })).toEqual(['surveys[0].trigger.any: expected a non-empty list of triggers (got [])']);
    });

    it('event and where', () => {
      expect(triggerProblems({ event: '' })).toEqual(['surveys[0].trigger.event: expected a non-empty string of at most 200 characters (got "")']);
      expect(triggerProblems({ event: 'x', where: { total: { gte: '50' }, plan: { is: 'pro' }, tags: { in: [] }, gift: { exists: 'yes' }, items: [1] } })).toEqual([
        'surveys[0].trigger.where.total.gte: expected a number (got "50")',
        'surveys[0].trigger.where.plan.is: is not an operator; expected one of eq, neq, lt, lte, gt, gte, in, exists',
        'surveys[0].trigger.where.tags.in: expected a non-empty list of values (got [])',
        'surveys[0].trigger.where.gift.exists: expected true or false (got "yes")',
        'surveys[0].trigger.where.items: expected a value, or an object with eq, neq, lt, lte, gt, gte, in, exists (got [1])',
      ]);
      expect(triggerProblems({ url: '/a', where: { x: 1 } })).toEqual([]);
      expect(validateWholeConfig({ endpoint: '/e', surveys: [{ id: 's', questions, trigger: { url: '/a', where: { x: 1 } } }] }).warnings).toEqual([
        'surveys[0].trigger.where: unknown key, ignored',
      ]);
    });

    it('url', () => {
      expect(triggerProblems({ url: '' })).toEqual(['surveys[0].trigger.url: expected a non-empty string of at most 500 characters (got "")']);
      expect(triggerProblems({ url: { matches: '/a' } })).toEqual([
        'surveys[0].trigger.url: expected a glob, or an object with one of equals, startsWith, contains, glob, regex (got {"matches":"/a"})',
      ]);
      expect(triggerProblems({ url: { equals: '/a', contains: 'b' } })).toHaveLength(1);
      expect(triggerProblems({ url: { startsWith: 7 } })).toEqual(['surveys[0].trigger.url.startsWith: expected a non-empty string of at most 500 characters (got 7)']);
      expect(triggerProblems({ url: { regex: '/order/(' } })).toEqual([`surveys[0].trigger.url.regex: ${REGEX_RULE} (got "/order/(")`]);
    });

    // Matched without backtracking (src/core/targeting/url-regex.ts), so what needs it is refused.
    it.each([
      ['a count', '^/p/\\d{2,}$'],
      ['a lookahead', '^(?=/a)(a+)+$'],
      ['a negative lookbehind', '(?<!x)/y'],
      ['a named group', '^/(?<lang>en|fr)/'],
      ['a back-reference', '^/(a|b)\\1$'],
      ['a word boundary', '\\bhelp\\b'],
      ['a unicode escape', '^/\\u00e9$'],
      ['over 200 characters', `^/${'a'.repeat(199)}`],
    ])('url regex: refuses %s, naming the path', (_, regex) => {
      expect(triggerProblems({ url: { regex } })).toEqual([`surveys[0].trigger.url.regex: ${REGEX_RULE} (got ${describeValue(regex)})`]);
    });

    it('url regex: takes characters, escaped punctuation, . [] \\d \\w \\s () (?:) | * + ? ^ $, even a pattern that backtracks catastrophically', () => {
      for (const regex of ['^/order/\\d+$', '^/(?:en|fr)/[^/]+\\.html$', '\\/a\\s?\\W*?$', '^(.|.)*#$', 'x'.repeat(200)]) {
        expect(triggerProblems({ url: { regex } })).toEqual([]);
      }
    });

    it(`all and any: at most ${MAX_TRIGGER_NESTING} levels inside each other`, () => {
      const nested = (levels: number) => {
        let trigger: unknown = { event: 'go' };
        for (let level = 1; level <= levels; level++) trigger = { [level % 2 ? 'all' : 'any']: [{ url: '/a' }, trigger] };
        return trigger;
      };
      expect(triggerProblems(nested(MAX_TRIGGER_NESTING))).toEqual([]);
      expect(triggerProblems(nested(MAX_TRIGGER_NESTING + 1))).toEqual(['surveys[0].trigger.all[1].any[1].all[1].any[1].all: expected "all" and "any" at most 4 levels deep']);
      // Refused at the fifth level, without going down through the thousand below.
      expect(triggerProblems(nested(1000))).toHaveLength(1);
    });

    it('selector, scroll, exitIntent and delay', () => {
      expect(triggerProblems({ selector: 'button[' })).toEqual(['surveys[0].trigger.selector: expected a CSS selector of at most 500 characters (got "button[")']);
      expect(triggerProblems({ scroll: 0 })).toEqual(['surveys[0].trigger.scroll: expected a percentage above 0, at most 100 (got 0)']);
      expect(triggerProblems({ scroll: '50%' })).toEqual(['surveys[0].trigger.scroll: expected a percentage above 0, at most 100 (got "50%")']);
      expect(triggerProblems({ exitIntent: false })).toEqual(['surveys[0].trigger.exitIntent: expected true (got false)']);
      expect(triggerProblems({ delay: -1 })).toEqual(['surveys[0].trigger.delay: expected a number from 0 to 86400 (got -1)']);
      expect(triggerProblems({ delay: 90 * 86_400 })).toHaveLength(1);
    });

    it('audience', () => {
      expect(problemsOf({ audience: { traits: { plan: { eq: ['pro'] } }, device: 'phone', language: { gte: 'en' }, country: 'FR' } })).toEqual([
        'surveys[0].audience.traits.plan.eq: expected a string, number, boolean or null (got ["pro"])',
        'surveys[0].audience.device: expected devices among mobile, tablet, desktop (got "phone")',
        'surveys[0].audience.language.gte: expected a number (got "en")',
      ]);
      expect(problemsOf({ audience: { device: { in: ['mobile', 'watch'] } } })).toEqual([
        'surveys[0].audience.device: expected devices among mobile, tablet, desktop (got {"in":["mobile","watch"]})',
      ]);
      expect(problemsOf({ audience: 'pro users' })).toEqual(['surveys[0].audience: expected an object (got "pro users")']);
      expect(problemsOf({ audience: { traits: ['plan'] } })).toEqual(['surveys[0].audience.traits: expected an object of conditions by name (got ["plan"])']);
    });

    it('sample, dates, recontact days and priority', () => {
      expect(problemsOf({ sample: 1.5, startsAt: 'next week', endsAt: 20261201, recontactDays: -1, dismissedRecontactDays: '30', priority: 'high' })).toEqual([
        'surveys[0].sample: expected a number from 0 to 1 (got 1.5)',
        'surveys[0].startsAt: expected a date such as "2026-12-01" or "2026-12-01T09:00:00Z" (got "next week")',
        'surveys[0].endsAt: expected a date such as "2026-12-01" or "2026-12-01T09:00:00Z" (got 20261201)',
        'surveys[0].recontactDays: expected a number from 0 to 3650 (got -1)',
        'surveys[0].dismissedRecontactDays: expected a number from 0 to 3650 (got "30")',
        'surveys[0].priority: expected a number (got "high")',
      ]);
      expect(problemsOf({ startsAt: '2027-01-01', endsAt: '2026-12-01' })).toEqual(['surveys[0].endsAt: expected a date after startsAt (got "2026-12-01")']);
    });

    it('surveysUrl and cooldownDays', () => {
      expect(validateWholeConfig({ endpoint: '/api/earshot', surveysUrl: 'ftp://x/surveys.json', cooldownDays: 'weekly' }).problems).toEqual([
        'surveysUrl: expected a relative path, an https: URL, or http: on localhost (got "ftp://x/surveys.json")',
        'cooldownDays: expected a number from 0 to 3650 (got "weekly")',
      ]);
    });
  });
});
