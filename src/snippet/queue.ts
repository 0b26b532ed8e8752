import { consent, destroy, flush, identify, init, on, preview, setContext, show, track } from '../api/api.js';

/** The calls the loader snippet can queue, by name. */
const CALLS = { init, track, show, preview, identify, setContext, consent, flush, on, destroy } as const;

/** One queued call: its name, then its arguments (`["track", "checkout_completed", { total: 42 }]`). */
export type QueuedCall = { [K in keyof typeof CALLS]: [K, ...Parameters<(typeof CALLS)[K]>] }[keyof typeof CALLS];

/**
 * Runs calls in the snippet's format. Before the script arrives, the snippet's `earshot` is an
 * array collecting them; once loaded, `earshot.push([...])` runs them at once, so code written
 * for the queue keeps working. A config error from a queued `init` goes to the console: there
 * is no caller left to catch it.
 */
export function push(...calls: QueuedCall[]): void {
  for (const [name, ...args] of calls) {
    try {
      (CALLS[name] as (...given: unknown[]) => unknown)?.(...args);
    } catch (error) {
      console.error(error);
    }
  }
}

/** Replays what the loader snippet queued in `window.earshot` before this script arrived, in order. */
export function replayQueue(): void {
  const queued = (globalThis as { earshot?: unknown }).earshot;
  // After this script's own `var earshot =` has run: a queued listener may use the real global.
  if (Array.isArray(queued)) queueMicrotask(() => push(...(queued as QueuedCall[])));
}
