import { expect, it } from 'vitest';
import { SDK_VERSION } from '../src/core/version.js';
import pkg from '../package.json' with { type: 'json' };

it("reports the package's version to collectors", () => {
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(SDK_VERSION).toBe(pkg.version);
});
