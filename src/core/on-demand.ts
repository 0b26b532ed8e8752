// A part of the SDK that each build gets its own way (docs/architecture.md §7): bundled, at hand
// from the start, or a file fetched the first time it is needed. The content check
// (definition/unchecked.ts) and explain()'s sentences (words/loader.ts) are such parts.

export interface OnDemand<T> {
  /** How this build gets the part: the part itself (`bundled`), or a loader (a file fetched on demand). */
  use(part: T | (() => Promise<T>), bundled?: boolean): void;
  /** The part, loaded once (again after a failure, as the network may be back). */
  load(): Promise<T>;
  /** The part if it is here already (bundled, or loaded before). */
  atHand(): T | undefined;
}

/** A part named `what` in the error of a build that gives no way to get it. */
export function onDemand<T>(what: string): OnDemand<T> {
  let loadPart: () => Promise<T> = () => Promise.reject(new Error(`no ${what} in this build`));
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    use(part, bundled = false) {
      loaded = bundled ? (part as T) : undefined;
      loading = undefined;
      if (!bundled) loadPart = part as () => Promise<T>;
    },
    load() {
      if (loaded) return Promise.resolve(loaded);
      return (loading ??= loadPart().then(
        (got) => (loaded = got),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      ));
    },
    atHand: () => loaded,
  };
}
