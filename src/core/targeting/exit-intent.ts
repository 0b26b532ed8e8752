/** On touch screens, an upward scroll of this many pixels… */
export const FAST_SCROLL_UP_PX = 200;
/** …within this many milliseconds reads as reaching for the address bar. */
export const FAST_SCROLL_UP_MS = 250;

/** Calls `onExit` when the visitor seems about to leave the page (possibly more than once). */
export function watchExitIntent(onExit: () => void, signal: AbortSignal): void {
  // With a mouse: the pointer leaves the window through the top, towards the tabs and the address bar.
  document.addEventListener(
    'mouseout',
    (event) => {
      if (!event.relatedTarget && event.clientY <= 0) onExit();
    },
    { signal },
  );
  if (!matchMedia('(pointer: coarse)').matches) return;
  // A touch screen has no pointer to follow: a fast scroll back up, which brings back the address bar, is the sign.
  let fromY = scrollY;
  let fromTime = 0;
  addEventListener(
    'scroll',
    () => {
      const now = Date.now();
      if (scrollY >= fromY || now - fromTime > FAST_SCROLL_UP_MS) {
        fromY = scrollY;
        fromTime = now;
      } else if (fromY - scrollY >= FAST_SCROLL_UP_PX) onExit();
    },
    { passive: true, signal },
  );
}
