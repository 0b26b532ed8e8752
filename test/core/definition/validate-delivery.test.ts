// The delivery options of the config: ttlDays, outboxLimit and credentials.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/definition/validate.js';
import { EarshotConfigError, init } from '../../../src/index.js';

const endpoint = '/api/earshot';

describe('validateConfig: delivery options', () => {
  it('defaults to a time to live of 7 days, an outbox of 1,000 responses and no cookies', () => {
    const { config, problems } = validateConfig({ endpoint });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ ttlDays: 7, outboxLimit: 1000, credentials: 'omit' });
  });

  it('keeps the values given', () => {
    const { config, problems, warnings } = validateConfig({ endpoint, ttlDays: 30, outboxLimit: 50, credentials: 'include' });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({ ttlDays: 30, outboxLimit: 50, credentials: 'include' });
    expect(validateConfig({ endpoint, credentials: 'same-origin' }).config?.credentials).toBe('same-origin');
  });

  it.each([0, -1, 2.5, '7', 366, Number.POSITIVE_INFINITY, Number.NaN, null])('refuses ttlDays %s with its path', (ttlDays) => {
    const { config, problems } = validateConfig({ endpoint, ttlDays });
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^ttlDays: expected a whole number from 1 to 365/)]);
  });

  it.each([0, 1.5, -3, '1000', 100_001])('refuses outboxLimit %s with its path', (outboxLimit) => {
    expect(validateConfig({ endpoint, outboxLimit }).problems).toEqual([expect.stringMatching(/^outboxLimit: expected a whole number from 1 to 100000/)]);
  });

  it.each(['cookies', true, 'INCLUDE'])('refuses credentials %s with its path', (credentials) => {
    expect(validateConfig({ endpoint, credentials }).problems).toEqual([expect.stringMatching(/^credentials: expected one of omit, same-origin, include/)]);
  });

  it('reports every wrong delivery option at once, and init throws them', () => {
    const bad = { endpoint, ttlDays: -2, outboxLimit: 0, credentials: 'yes' };
    expect(validateConfig(bad).problems).toHaveLength(3);
    expect(() => init(bad as never)).toThrow(EarshotConfigError);
  });
});

describe('validateConfig: what responses carry', () => {
  it('takes context as an object (its values are fitted later, with error events, never thrown) and pageUrl as stripped or full', () => {
    const { config, problems, warnings } = validateConfig({ endpoint, context: { plan: 'pro', nested: { a: 1 } }, pageUrl: 'full' });
    expect([problems, warnings]).toEqual([[], []]);
    expect(config).toMatchObject({ context: { plan: 'pro', nested: { a: 1 } }, pageUrl: 'full' });
    expect(validateConfig({ endpoint, pageUrl: 'stripped' }).problems).toEqual([]);
  });

  it.each([
    [{ context: 'plan=pro' }, 'context: expected an object of values by key (got "plan=pro")'],
    [{ context: ['pro'] }, 'context: expected an object of values by key (got ["pro"])'],
    [{ pageUrl: true }, 'pageUrl: expected one of stripped, full (got true)'],
  ])('refuses %j with its path', (given, problem) => {
    expect(validateConfig({ endpoint, ...given }).problems).toEqual([problem]);
  });
});

describe('validateConfig: labels and hidden fields of a survey', () => {
  const survey = (fields: Record<string, unknown>) => ({ id: 's', questions: [{ id: 'q', type: 'thumbs', text: '?' }], ...fields });
  const problemsOf = (fields: Record<string, unknown>) => validateConfig({ endpoint, surveys: [survey(fields)] }).problems;

  it('accepts a label on the survey and on any part of its trigger, and hidden fields', () => {
    const fields = {
      label: 'Cart',
      hiddenFields: ['utm_source', 'plan', 'a-b'],
      trigger: {
        any: [
          { delay: 20, label: 'Cart, waited 20 s' },
          { exitIntent: true, label: 'Cart, leaving' },
        ],
        label: 'Cart page',
      },
    };
    const { problems, warnings } = validateConfig({ endpoint, surveys: [survey(fields)] });
    expect([problems, warnings]).toEqual([[], []]);
  });

  it.each([
    [{ label: '' }, 'surveys[0].label: expected a non-empty string of at most 200 characters (got "")'],
    [{ trigger: { delay: 20, label: 3 } }, 'surveys[0].trigger.label: expected a non-empty string of at most 200 characters (got 3)'],
    [
      { trigger: { any: [{ label: 'only a label' }] } },
      'surveys[0].trigger.any[0]: expected one of event, url, selector, scroll, exitIntent, delay, all, any (combine several with "all" or "any") (got {"label":"only a label"})',
    ],
    [{ hiddenFields: 'utm_source' }, 'surveys[0].hiddenFields: expected a list of at most 10 query parameter names (got "utm_source")'],
    [{ hiddenFields: ['utm source', 'ok'] }, 'surveys[0].hiddenFields[0]: expected 1–64 letters, digits, _ or - starting with a letter or digit (got "utm source")'],
    [{ hiddenFields: Array.from({ length: 11 }, (_, i) => `p${i}`) }, expect.stringMatching(/^surveys\[0\]\.hiddenFields: expected a list of at most 10 /)],
  ])('refuses %j with its path', (fields, problem) => {
    expect(problemsOf(fields)).toEqual([problem]);
  });
});
