// How every test and benchmark starts Debian's Chromium. Without the background-networking,
// component-update and sync switches, Chromium keeps calling hosts this machine cannot reach.
export const CHROMIUM = process.env.EARSHOT_CHROMIUM || '/usr/bin/chromium';
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
