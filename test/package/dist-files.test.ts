// The minified files a page loads, as `npm run build` writes them: what their first lines must say,
// and the version they give.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

// A path, not a URL: under happy-dom `URL` is the simulated browser's.
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const read = (name: string) => {
  const file = join(DIST, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return readFileSync(file, 'utf8');
};
const firstLines = (name: string) => read(name).split('\n', 2);

// V8 reads the hint only on a file's very first line; the page-cost bench shows what it saves
// (init under 2 ms instead of about 3.5 ms, half the main-thread script time of loading Earshot).
it.each(['earshot.min.js', 'earshot.core.min.js', 'earshot.ui.min.js', 'earshot.check.min.js', 'earshot.words.min.js', 'earshot.embed.min.js'])(
  '%s asks V8 to compile its functions while it streams in, and keeps its license notice',
  (name) => {
    const [hint, notice] = firstLines(name);
    expect(hint).toBe('//# allFunctionsCalledOnLoad');
    expect(notice).toMatch(new RegExp(`^/\\*! Earshot ${pkg.version.replaceAll('.', '\\.')} \\| MIT( \\| includes (Lit|idb-keyval)| \\*/$)`));
  },
);

// The script-tag builds define the global `earshot`; run here as a classic script would run them.
it.each(['earshot.min.js', 'earshot.core.min.js'])('%s gives earshot.version, the version in package.json', (name) => {
  const earshot = new Function(`${read(name)}\nreturn earshot;`)() as { version: unknown; destroy(): void };
  expect(earshot.version).toBe(pkg.version);
  earshot.destroy();
});
