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
