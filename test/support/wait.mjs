// Waiting in tests and benchmarks that drive a real browser (Chromium, Firefox, WebKit) or a
// server: plain JavaScript, so the benchmarks (run by node itself) share it with the tests.

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every `interval` ms until it returns a truthy value, and resolves with it; rejects
 * after `timeout` ms with `describe()` saying what was awaited.
 */
export async function waitUntil(check, { timeout = 10_000, interval = 50, describe = () => 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${describe()}`);
    await sleep(interval);
  }
}
