// Bytes of each dist file (minified, gzip -9, brotli q11, node:zlib as size-limit uses), next to
// Lit's floor: one trivial LitElement bundled as an IIFE with the plugins the IIFE builds use
// (node-resolve for browsers, template-literal minifier, terser with the same options).
// The floor is plain JS, so the TypeScript plugin, which only strips types, is left out.
// Then what the split core is made of: its minified text split by source file (its source map),
// grouped by part, each part's bytes and that part gzipped on its own (parts compress a little
// better together, so the gzip figures add up to somewhat more than the file's).
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
import { SourceMapConsumer } from 'source-map-js';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { DIST_FILES, bytes, runAlone, verdict } from './support.mjs';

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

/** Goals of #23 in bytes (size-limit's kB is 1000 bytes). */
const GOALS = {
  'earshot.min.js': ['one-file ≤ 20 kB gzip', 20_000],
  'earshot.core.min.js': ['core ≤ 8 kB gzip', 8_000],
};
/** What a page that shows an NPS survey fetches for its UI: the UI (Lit, the card, the scale) and the NPS kind's file. */
const NPS_UI = ['earshot.ui.min.js', 'earshot.ui-nps-question.min.js'];
const NPS_UI_GOAL = ['UI for an NPS page ≤ 9 kB gzip', 9_000];
/** When the files without a goal of their own are fetched. */
const WHEN = {
  'earshot.ui.min.js': '(with a survey that may show, at idle or at show)',
  'earshot.ui-nps-question.min.js': '(with a survey that asks an NPS question)',
  'earshot.ui-feedback-tab.min.js': '(with a `tab` survey that may show, beside the UI)',
  'earshot.check.min.js': '(with a survey that may show, at idle or at show; at init with `debug: true`)',
  'earshot.words.min.js': "(explain()'s sentences: fetched by explain(), or at init with `debug: true`)",
  'earshot.embed.min.js': '(on a page with an `<earshot-survey>` of its own, once Earshot runs)',
  'earshot.debug-panel.min.js': '(fetched only with `debug: true`)',
};

/** Parts of the split core, by source path (first match wins). */
const CORE_PARTS = [
  ['survey definitions: the config, identity and targeting checks and their messages (src/core/definition/)', /src\/core\/definition\//],
  ["targeting, frequency and explain()'s reasons (src/core/targeting/)", /src\/core\/targeting\//],
  ['outbox and delivery (src/core/delivery/, idb-keyval)', /src\/core\/delivery\/|src\/core\/id\.ts$|idb-keyval/],
  ['embeds, API, controller, loader queue and the rest', /./],
];

/** The minified text of `code` that came from each source file, by its source map. */
function textBySource(code, map) {
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(map).eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);
  const texts = new Map();
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const line = lines[mapping.generatedLine - 1] ?? '';
    const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
    const source = mapping.source ?? '';
    texts.set(source, (texts.get(source) ?? '') + line.slice(mapping.generatedColumn, end));
  });
  return texts;
}

async function coreParts(code) {
  const map = JSON.parse(await readFile(path.join(ROOT, 'dist/earshot.core.min.js.map'), 'utf8'));
  const parts = CORE_PARTS.map(([name]) => [name, '']);
  for (const [source, text] of textBySource(code, map)) {
    const index = CORE_PARTS.findIndex(([, pattern]) => pattern.test(source));
    parts[index][1] += text;
  }
  return parts.map(([name, text]) => [`  ${name}`, `${bytes(text.length)} B min; ${bytes(gzipSync(text, { level: 9 }).length)} B gzip alone`, '']);
}

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
  for (const name of DIST_FILES) {
    const buffer = bench.dist.get(`/dist/${name}`);
    const size = sizes(buffer);
    const [goal, limit] = GOALS[name] ?? [];
    rows.push(line(`${name} (min / gzip / brotli)`, size, goal ? `${verdict(goal, size.gzip <= limit)} (${(size.gzip / 1000).toFixed(2)} kB)` : (WHEN[name] ?? '')));
    if (name === 'earshot.core.min.js') rows.push(...(await coreParts(buffer.toString('utf8'))));
  }
  const npsUi = NPS_UI.reduce((sum, name) => sum + sizes(bench.dist.get(`/dist/${name}`)).gzip, 0);
  rows.push([`UI for an NPS page: ${NPS_UI.join(' + ')}, gzip each`, `${bytes(npsUi)} B`, `${verdict(NPS_UI_GOAL[0], npsUi <= NPS_UI_GOAL[1])} (${(npsUi / 1000).toFixed(2)} kB)`]);
  rows.push(line("Lit's floor: one trivial LitElement, IIFE (min / gzip / brotli)", sizes(await buildLitFloor())));
  return { title: 'Bytes', rows };
}

runAlone(import.meta.url, measure);
