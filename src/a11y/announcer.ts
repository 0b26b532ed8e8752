/** Visually hidden, still read: important, because host-page rules may match the element. */
const HIDDEN = 'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important';

/** Screen readers notice changes in a live region only if it was on the page before they happened. */
const ANNOUNCE_DELAY_MS = 150;

/** The live region, found in the page: the split build prepares it in one bundle and speaks in another. */
const region = () => document.querySelector('earshot-live');

/** Puts the polite live region on the page (once) until `signal` aborts. */
export function prepareAnnouncer(signal: AbortSignal): void {
  const live = document.createElement('earshot-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  // Through the CSSOM: a strict CSP blocks style attributes, not style properties set by script.
  live.style.cssText = HIDDEN;
  const place = () => !signal.aborted && !region() && document.body.append(live);
  if (document.body) place();
  else addEventListener('DOMContentLoaded', place, { once: true, signal });
  signal.addEventListener('abort', () => live.remove(), { once: true });
}

/** Says `message` politely in `lang` through the live region; returns what clears it. */
export function announce(message: string, lang: string): () => void {
  const timer = setTimeout(() => {
    const live = region();
    if (!live) return;
    live.setAttribute('lang', lang);
    live.textContent = message;
  }, ANNOUNCE_DELAY_MS);
  return () => {
    clearTimeout(timer);
    const live = region();
    if (live?.textContent === message) live.textContent = '';
  };
}
