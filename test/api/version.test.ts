import { expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { version } from '../../src/index.js';
import { SDK_VERSION } from '../../src/core/version.js';

it("exports the SDK's version, the one in package.json and in every response's sdk.version", () => {
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  expect(version).toBe(pkg.version);
  expect(version).toBe(SDK_VERSION);
});
