// Makes sure the browsers the tests drive are installed (test tools cannot download browsers here):
// Chromium's headless shell for test/browser and the three engines of test/engines — Chromium, Firefox ESR, and
// WebKitGTK's WebKitWebDriver with Xvfb and xauth for its virtual display. As root with apt-get,
// whatever is missing is installed; otherwise the exact command is printed and the run fails.
// With --screenshots (npm run screenshots) an emoji font and an Arabic font are needed too.
// EARSHOT_CHROMIUM may point at another Chromium binary; otherwise Debian's chromium-headless-shell is
// used (test/support/chromium.mjs says why).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM } from './chromium.mjs';

const customChromium = process.env.EARSHOT_CHROMIUM;
if (customChromium && !existsSync(customChromium)) {
  console.error(`EARSHOT_CHROMIUM points at ${customChromium}, which does not exist.`);
  process.exit(1);
}

const hasCommand = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** What each engine needs, and the Debian package that provides it. */
const NEEDS = [
  { what: "Chromium's headless shell", package: 'chromium-headless-shell', present: () => existsSync(CHROMIUM) },
  { what: 'Firefox ESR', package: 'firefox-esr', present: () => existsSync('/usr/bin/firefox-esr') },
  { what: "WebKitGTK's WebKitWebDriver", package: 'webkit2gtk-driver', present: () => existsSync('/usr/bin/WebKitWebDriver') },
  { what: 'Xvfb (xvfb-run)', package: 'xvfb', present: () => hasCommand('xvfb-run') },
  { what: 'xauth', package: 'xauth', present: () => hasCommand('xauth') },
];
// The pictures in docs/images/ show emoji faces; Debian's default fonts have none of them.
if (process.argv.includes('--screenshots')) {
  NEEDS.push({ what: 'a colour emoji font', package: 'fonts-noto-color-emoji', present: () => existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf') });
  // …and the right-to-left pictures show Arabic.
  NEEDS.push({ what: 'an Arabic font', package: 'fonts-kacst-one', present: () => existsSync('/usr/share/fonts/truetype/kacst-one/KacstOne.ttf') });
}

const missing = NEEDS.filter((need) => !need.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((need) => need.package).join(' ');
const installCmd = `sudo apt-get update && sudo apt-get install -y ${packages}`;
const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(missing.map((need) => need.what));

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = hasCommand('apt-get');

if (isRoot && hasApt) {
  console.log(`Missing for the browser tests: ${list}. Installing ${packages} with apt-get (a minute or two)…`);
  const run = spawnSync('sh', ['-c', `apt-get update && apt-get install -y ${packages}`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const stillMissing = NEEDS.filter((need) => !need.present());
  if (run.status === 0 && stillMissing.length === 0) process.exit(0);
  console.error(`Installing ${packages} failed. Try by hand: ${installCmd}`);
  process.exit(1);
}

console.error(
  `The browser tests need ${list}, which ${missing.length === 1 ? 'is' : 'are'} missing.\n` +
    `Install with:\n  ${installCmd}\n` +
    (missing.some((need) => need.package === 'chromium-headless-shell') ? 'or set EARSHOT_CHROMIUM to the path of a Chromium binary.\n' : ''),
);
process.exit(1);
