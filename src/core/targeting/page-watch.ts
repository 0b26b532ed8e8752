import { watchExitIntent } from './exit-intent.js';
import type { Page, Signal } from './page.js';
import { currentPath, watchRouteChanges } from './route-changes.js';
import { scrollDepth } from './scroll-depth.js';
import { countVisibleTime } from './visible-time.js';

export interface PageWatch {
  /** The current page (a new object after each route change). */
  readonly page: Page;
  /** Records a journey point on the current page. */
  track(name: string, props: Record<string, unknown>): void;
  /** The `delay` triggers to time, in seconds. */
  watchDelays(seconds: number[]): void;
  /** The `selector` triggers whose clicks count. */
  watchSelectors(selectors: string[]): void;
  /** Starts following the scroll depth (once some trigger waits for it). */
  watchScroll(): void;
}

/**
 * Follows the visitor on the page and reports each signal triggers may wait for. Listeners are
 * delegated (one click listener for every selector) and passive; aborting `signal` removes them all.
 */
export function watchPage(onSignal: (signal: Signal, page: Page) => void, signal: AbortSignal): PageWatch {
  let page: Page;
  let selectors: string[] = [];
  const emit = (happened: Signal) => onSignal(happened, page);
  const clock = countVisibleTime((delay) => emit({ delay }), signal);
  const open = () => {
    page = { path: currentPath(), events: [], clicked: new Set(), scroll: 0, exit: false, delays: clock.restart() };
    emit({ page: true });
  };
  const track = (name: string, props: Record<string, unknown>) => {
    const event = { name, props };
    page.events.push(event);
    emit({ event });
  };
  const measureScroll = () => {
    const from = page.scroll;
    const depth = scrollDepth();
    if (depth > from) {
      page.scroll = depth;
      emit({ scroll: [from, depth] });
    }
  };
  const passive = { passive: true, signal };

  open();
  // Capture phase: a host handler that stops propagation does not hide the click from Earshot.
  document.addEventListener(
    'click',
    ({ target }) => {
      if (!(target instanceof Element)) return;
      const name = target.closest('[data-earshot-event]')?.getAttribute('data-earshot-event');
      if (name) track(name, {});
      for (const selector of selectors) if (target.closest(selector)) page.clicked.add(selector);
      emit({ click: target });
    },
    { capture: true, signal },
  );
  let followingScroll = false;
  // Only for a `scroll` trigger: measuring reads the page's height, which forces a layout of the host page.
  const watchScroll = () => {
    if (followingScroll) return;
    followingScroll = true;
    addEventListener('scroll', measureScroll, passive);
    addEventListener('resize', measureScroll, passive);
    // Measured once the page has its height: a page that fits the viewport is at 100 % without scrolling.
    if (document.readyState === 'complete') measureScroll();
    else addEventListener('load', measureScroll, { once: true, signal });
  };
  watchExitIntent(() => {
    if (page.exit) return;
    page.exit = true;
    emit({ exit: true });
  }, signal);
  watchRouteChanges(() => currentPath() !== page.path && open(), signal);

  return {
    get page() {
      return page;
    },
    track,
    watchDelays: clock.watch,
    watchSelectors(list) {
      selectors = list;
    },
    watchScroll,
  };
}
