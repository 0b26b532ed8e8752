/**
 * The path a `url` trigger matches: the location's path, plus the hash when it is a hash route
 * (`#/settings`), so hash-routed apps have pages too while in-page anchors (`#reviews`) do not.
 */
export function currentPath(): string {
  return pathOf(location);
}

/** The path a `url` trigger matches on a page at this address (the builder's page tester asks it of any address). */
export function pathOf({ pathname, hash }: Pick<URL, 'pathname' | 'hash'>): string {
  return pathname + (hash.startsWith('#/') ? hash : '');
}

/**
 * Calls `onChange` after every single-page-app navigation: `history.pushState`/`replaceState`
 * (patched, as no event reports them), back/forward and hash changes. Aborting `signal` restores
 * the history methods, unless another script patched them after us; then ours stays and does nothing.
 */
export function watchRouteChanges(onChange: () => void, signal: AbortSignal): void {
  const notify = () => {
    try {
      if (!signal.aborted) onChange();
    } catch {
      // The host's navigation must go on whatever happens in Earshot.
    }
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    const patched = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      notify();
    };
    history[name] = patched;
    signal.addEventListener('abort', () => {
      if (history[name] === patched) history[name] = original;
    });
  }
  addEventListener('popstate', notify, { signal });
  addEventListener('hashchange', notify, { signal });
}
