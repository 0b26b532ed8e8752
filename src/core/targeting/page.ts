/** A tracked journey point, with its properties. */
export interface TrackedEvent {
  name: string;
  props: Record<string, unknown>;
}

/**
 * What happened on the current page: triggers inside `all` count what is here. A single-page-app
 * route change starts a new page.
 */
export interface Page {
  /** See `currentPath`. */
  path: string;
  events: TrackedEvent[];
  /** The watched selectors a click matched, for `selector` triggers (selectors, not elements: nothing clicked is kept alive). */
  clicked: Set<string>;
  /** Deepest scroll reached, in percent. */
  scroll: number;
  exit: boolean;
  /** `delay` thresholds (seconds visible) passed. */
  delays: Set<number>;
}

/** Something that just happened on the page; triggers fire only on a signal that completes them. */
export type Signal =
  | { page: true }
  | { event: TrackedEvent }
  | { click: Element }
  /** Scroll depth went from the first percentage to the second. */
  | { scroll: [number, number] }
  | { exit: true }
  | { delay: number };
