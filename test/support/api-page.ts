// The page every public-API test starts from: empty IndexedDB, a fake clock, a fake collector,
// navigator.locks as browsers have it; and, after each test, nothing of Earshot left behind.
import { afterEach, beforeEach, vi } from 'vitest';
import { destroy } from '../../src/index.js';
import { installCollector, installLocks, resetIndexedDB, useFakeClock, type FakeCollector } from './fakes.js';

/** Registers the hooks; `collector()` is the current test's fake collector. */
export function usePublicApiPage(): { collector(): FakeCollector } {
  let collector: FakeCollector | undefined;
  let removeLocks = () => {};

  beforeEach(() => {
    resetIndexedDB();
    useFakeClock();
    collector = installCollector();
    // As in the browsers: the lease fallback of browsers without navigator.locks has tests of its own.
    removeLocks = installLocks();
  });

  afterEach(() => {
    destroy();
    removeLocks();
    for (const leftover of document.body.querySelectorAll('earshot-survey')) leftover.remove();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  return {
    collector() {
      if (!collector) throw new Error('the collector is only available inside a test');
      return collector;
    },
  };
}
