// Makes sure a Chromium binary exists for the browser tests (playwright-core cannot download one here).
// EARSHOT_CHROMIUM may point at another binary; otherwise Debian's /usr/bin/chromium is used.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const custom = process.env.EARSHOT_CHROMIUM;
const binary = custom || '/usr/bin/chromium';
const installCmd = 'sudo apt-get update && sudo apt-get install -y chromium';

if (existsSync(binary)) process.exit(0);

if (custom) {
  console.error(`EARSHOT_CHROMIUM points at ${custom}, which does not exist.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (isRoot && hasApt) {
  console.log('Chromium is missing; installing it with apt-get (about a minute)…');
  const run = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status === 0 && existsSync(binary)) process.exit(0);
  console.error(`Installing Chromium failed. Try by hand: ${installCmd}`);
  process.exit(1);
}

console.error(
  `The browser tests need Chromium at ${binary}, and it is missing.\n` +
    `Install it with:\n  ${installCmd}\n` +
    'or set EARSHOT_CHROMIUM to the path of a Chromium binary.',
);
process.exit(1);
