/**
 * Reports when the page has been visible for each of a list of durations; time in a hidden tab
 * does not count. One timer per duration still to come, no polling.
 */
export function countVisibleTime(onPassed: (seconds: number) => void, signal: AbortSignal) {
  let durations: number[] = [];
  let passed = new Set<number>();
  /** Visible milliseconds before `since`. */
  let counted = 0;
  /** When the page last became visible; undefined while hidden. */
  let since: number | undefined;
  let timers: ReturnType<typeof setTimeout>[] = [];

  const schedule = () => {
    timers.forEach(clearTimeout);
    timers = [];
    if (since === undefined) return;
    const elapsed = counted + Date.now() - since;
    for (const seconds of durations) {
      const reached = passed;
      if (reached.has(seconds)) continue;
      const pass = () => {
        reached.add(seconds);
        onPassed(seconds);
      };
      timers.push(setTimeout(pass, seconds * 1000 - elapsed));
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      if (since !== undefined) counted += Date.now() - since;
      since = undefined;
    } else since ??= Date.now();
    schedule();
  };
  document.addEventListener('visibilitychange', onVisibility, { signal });
  signal.addEventListener('abort', () => timers.forEach(clearTimeout));

  return {
    /** Counts from zero again (a new page); returns the set of durations passed, filled as they pass. */
    restart(): Set<number> {
      passed = new Set();
      counted = 0;
      since = undefined;
      onVisibility();
      return passed;
    },
    /** The durations to report, in seconds. */
    watch(seconds: number[]): void {
      durations = seconds;
      schedule();
    },
  };
}
