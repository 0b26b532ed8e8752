/** Visually hidden, still read: important, because host-page rules may match the element. */
const HIDDEN = 'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important';

/** Screen readers notice changes in a live region only if it was on the page before they happened. */
const ANNOUNCE_DELAY_MS = 150;

let region: HTMLElement | null = null;

/** Puts the polite live region on the page (once) until `signal` aborts. */
export function prepareAnnouncer(signal: AbortSignal): void {
  if (region?.isConnected) return;
  const live = document.createElement('earshot-live');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('style', HIDDEN);
  const place = () => !signal.aborted && document.body.append(live);
  if (document.body) place();
  else addEventListener('DOMContentLoaded', place, { once: true, signal });
  signal.addEventListener('abort', () => live.remove(), { once: true });
  region = live;
}

/** Says `message` politely in `lang` through the live region; returns what clears it. */
export function announce(message: string, lang: string): () => void {
  const live = region;
  if (!live) return () => {};
  const timer = setTimeout(() => {
    live.lang = lang;
    live.textContent = message;
  }, ANNOUNCE_DELAY_MS);
  return () => {
    clearTimeout(timer);
    if (live.textContent === message) live.textContent = '';
  };
}
