import { afterEach, describe, expect, it, vi } from 'vitest';
import { createId } from '../../src/core/id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives a version-4 UUID', () => {
    expect(createId()).toMatch(UUID_V4);
  });

  it('gives distinct version-4 UUIDs where randomUUID is missing (pages served over plain http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(array: T) => real.getRandomValues(array) });
    const ids = Array.from({ length: 50 }, () => createId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(50);
  });
});
