// The delivery options of the config.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/validate.js';
import { EarshotConfigError, init } from '../../src/index.js';

const endpoint = '/api/earshot';

describe('validateConfig: delivery options', () => {
  it('defaults to no cookies', () => {
    const { config, problems } = validateConfig({ endpoint });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ credentials: 'omit' });
  });

  it('keeps the values given', () => {
    const { config, problems, warnings } = validateConfig({ endpoint, credentials: 'include' });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({ credentials: 'include' });
    expect(validateConfig({ endpoint, credentials: 'same-origin' }).config?.credentials).toBe('same-origin');
  });

  it.each(['cookies', true, 'INCLUDE'])('refuses credentials %s with its path', (credentials) => {
    expect(validateConfig({ endpoint, credentials }).problems).toEqual([
      expect.stringMatching(/^credentials: expected one of omit, same-origin, include/),
    ]);
  });

  it('init throws on a wrong delivery option', () => {
    expect(() => init({ endpoint, credentials: 'yes' } as never)).toThrow(EarshotConfigError);
  });
});
