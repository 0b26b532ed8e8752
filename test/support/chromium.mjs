// How every test and benchmark starts Debian's Chromium. Without the background-networking,
// component-update and sync switches, Chromium keeps calling hosts this machine cannot reach.

/**
 * The tests drive Chromium's headless shell (Debian's `chromium-headless-shell`, the headless build
 * Playwright's own installs use): the same Blink and V8 as the browser, without the browser's
 * window layer, which makes each page about a third cheaper on 2 cores. EARSHOT_CHROMIUM overrides it.
 */
export const CHROMIUM = process.env.EARSHOT_CHROMIUM || '/usr/lib/chromium/chromium-headless-shell';
/** The benchmarks measure the full browser visitors run (Debian's `chromium`). */
export const BROWSER_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
