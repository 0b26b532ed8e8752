// Bytes of each dist file (minified, gzip -9, brotli q11, node:zlib as size-limit uses), next to
// Lit's floor: one trivial LitElement bundled as an IIFE with the plugins the IIFE builds use
// (node-resolve for browsers, template-literal minifier, terser with the same options).
// The floor is plain JS, so the TypeScript plugin, which only strips types, is left out.
//
//   node test/bench/bytes.bench.mjs
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { bytes, runAlone, verdict } from './support.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const LIT_FLOOR = `import { LitElement, css, html } from 'lit';
class LitFloor extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  render() {
    return html\`<p>Hello, \${this.name}</p>\`;
  }
}
customElements.define('lit-floor', LitFloor);
`;

/** Goals of #8 in bytes (size-limit's kB is 1000 bytes). */
const GOALS = {
  'earshot.min.js': ['one-file ≤ 12 kB gzip', 12_000],
  'earshot.core.min.js': ['core ≤ 4 kB gzip', 4_000],
  'earshot.ui.min.js': ['UI ≤ 9 kB gzip', 9_000],
};

export function sizes(buffer) {
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length,
  };
}

/** Lit's floor, built in a temporary folder; `lit` resolves from the repo's node_modules. */
async function buildLitFloor() {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-lit-floor-'));
  try {
    const input = path.join(dir, 'lit-floor.js');
    await writeFile(input, LIT_FLOOR);
    const bundle = await rollup({
      input,
      plugins: [nodeResolve({ browser: true, modulePaths: [path.join(ROOT, 'node_modules')] }), minifyTemplateLiterals({ include: `${dir}/**`, failOnError: true })],
      onwarn: () => {},
    });
    const file = path.join(dir, 'lit-floor.min.js');
    await bundle.write({
      file,
      format: 'iife',
      plugins: [terser({ module: false, ecma: 2020, compress: { passes: 2 }, format: { comments: /^!/ } })],
    });
    await bundle.close();
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measure(bench) {
  const rows = [];
  const line = (name, { min, gzip, brotli }, goal = '') => [name, `${bytes(min)} / ${bytes(gzip)} / ${bytes(brotli)} B`, goal];
  for (const [route, buffer] of bench.dist) {
    const name = route.slice('/dist/'.length);
    const size = sizes(buffer);
    const [goal, limit] = GOALS[name];
    rows.push(line(`${name} (min / gzip / brotli)`, size, `${verdict(goal, size.gzip <= limit)} (${(size.gzip / 1000).toFixed(1)} kB)`));
  }
  rows.push(line("Lit's floor: one trivial LitElement, IIFE (min / gzip / brotli)", sizes(await buildLitFloor())));
  return { title: 'Bytes', rows };
}

runAlone(import.meta.url, measure);
