// The package as users get it: `npm pack` of this repo (its dist/ as `npm test` just built it),
// installed from the tarball into a scratch project without the network, type-checked against
// with tsc, bundled by rollup as an app would (the UI stays a chunk of its own), and its ESM build
// loaded in Chromium through the README's import map, which fetches the UI chunk (and Lit) only
// when a survey is about to show or may show on the page.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const IMPORT_MAP_PAGE = readFileSync(path.join(REPO, 'examples', 'import-map', 'index.html'), 'utf8');
/** The README's import map alone, for pages that start Earshot their own way. */
const IMPORT_MAP = IMPORT_MAP_PAGE.match(/<script type="importmap">[\s\S]*?<\/script>/)![0];
const UI_CHUNK = 'node_modules/earshot/dist/earshot-ui.js';
const LIT = 'node_modules/lit/index.js';

const h = useBrowserHarness();

let scratch = '';
let packed: string[] = [];
let installed = '';

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'earshot-package-'));
  const { stdout } = await run('npm', ['pack', REPO, '--pack-destination', scratch, '--ignore-scripts', '--json'], { cwd: scratch });
  const [tarball] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = tarball.files.map((file) => file.path).sort();
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  // Offline: lit and idb-keyval come from the npm cache this repo's own install filled.
  await run('npm', ['install', path.join(scratch, tarball.filename), '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: scratch });
  installed = path.join(scratch, 'node_modules', 'earshot');
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('packs the builds, their types, locales, schemas, manifest, the survey builder page, README and LICENSE, and no sources or tests', () => {
  expect(packed).toEqual(
    expect.arrayContaining([
      'LICENSE',
      'README.md',
      'package.json',
      'dist/earshot.js',
      // The ESM build's chunks: what every page runs, and the UI it imports on demand.
      'dist/earshot-core.js',
      'dist/earshot-ui.js',
      'dist/earshot-debug-panel.js',
      'dist/earshot.min.js',
      'dist/earshot.core.min.js',
      'dist/earshot.ui.min.js',
      'dist/earshot.debug-panel.min.js',
      'dist/index.d.ts',
      'dist/core/types.d.ts',
      'dist/custom-elements.json',
      'dist/locales/de.json',
      'dist/locales/de.js',
      'src/schema/survey.schema.json',
      'src/schema/batch.schema.json',
      // The survey builder, a static page that works from the package's files.
      'dist/builder/index.html',
      'dist/builder/builder.js',
      'dist/builder/builder.css',
      'dist/builder/survey.schema.json',
    ]),
  );
  const unexpected = packed.filter(
    (file) =>
      !['LICENSE', 'README.md', 'package.json'].includes(file) &&
      !/^dist\/.+\.(js|js\.map|d\.ts|json)$/.test(file) &&
      !/^dist\/builder\/[\w.-]+\.(html|css)$/.test(file) &&
      !/^src\/schema\/[\w.-]+\.schema\.json$/.test(file),
  );
  expect(unexpected).toEqual([]);
  expect(packed.filter((file) => /^(test|examples)\//.test(file) || /(?<!\.d)\.ts$/.test(file))).toEqual([]);
});

it('names in package.json only files the installed package holds, with the script-tag build for CDNs', () => {
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  expect(manifest.unpkg).toBe('./dist/earshot.min.js');
  expect(manifest.jsdelivr).toBe('./dist/earshot.min.js');
  expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/earshot.js' });
  const exportTargets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  const named = [manifest.main, manifest.module, manifest.types, manifest.unpkg, manifest.jsdelivr, manifest.customElements, ...exportTargets];
  // `./locales/*` stands for every file of the folder; one of them stands in for the pattern.
  const missing = named.map((target: string) => target.replace('*', 'de.json')).filter((target: string) => !existsSync(path.join(installed, target)));
  expect(missing).toEqual([]);
});

it('type-checks a TypeScript file using the installed package, and reports a wrong call with its diagnostic', async () => {
  writeFileSync(
    path.join(scratch, 'uses-earshot.ts'),
    `import { init, on, type EarshotConfig } from "earshot";
const config: EarshotConfig = { endpoint: "/api/earshot", surveys: [{ id: "nps", questions: [{ id: "score", type: "nps", text: "How likely?" }] }] };
init(config);
const off: () => void = on("completed", (response) => console.log(response.answers, response.surveyId));
off();
`,
  );
  writeFileSync(path.join(scratch, 'wrong-call.ts'), `import { init } from "earshot";\ninit({ endpoint: "/api/earshot", cooldownDays: "three" });\n`);
  // Library checking stays on: the package's own declarations must hold up too.
  const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] };
  writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['uses-earshot.ts', 'wrong-call.ts'] }));
  const result = await run(process.execPath, [TSC, '-p', scratch], { cwd: scratch }).then(
    () => ({ code: 0, stdout: '' }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  expect(result.stdout.trim().split('\n')).toEqual(["wrong-call.ts(2,34): error TS2322: Type 'string' is not assignable to type 'number'."]);
  expect(result.code).toBe(2);
});

it("leaves the UI and Lit out of an app's bundle, in a chunk of their own that the app imports on demand (rollup as the app's bundler)", async () => {
  writeFileSync(path.join(scratch, 'app.js'), `import { init } from "earshot";\ninit({ endpoint: "/api/earshot" });\n`);
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const bundle = await rollup({ input: path.join(scratch, 'app.js'), plugins: [nodeResolve({ browser: true, rootDir: scratch })] });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = output.flatMap((item) => (item.type === 'chunk' ? [item] : []));
  const modulesOf = (chunk: (typeof chunks)[number]) => Object.keys(chunk.modules).map((id) => path.relative(scratch, id));
  const [entry] = chunks.filter((chunk) => chunk.isEntry);
  const holding = (file: string) => chunks.find((chunk) => modulesOf(chunk).includes(`node_modules/earshot/dist/${file}`))!;
  const ui = holding('earshot-ui.js');
  expect(modulesOf(entry)).toEqual(expect.arrayContaining(['node_modules/earshot/dist/earshot-core.js', 'node_modules/idb-keyval/dist/index.js']));
  expect(modulesOf(entry).filter((id) => id.includes('lit') || /earshot-(ui|debug-panel)\.js$/.test(id))).toEqual([]);
  expect(entry.dynamicImports).toEqual([ui.fileName]);
  expect(modulesOf(ui)).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/lit-element\/(development\/)?lit-element\.js$/)]));
  // The `debug: true` panel is the UI's own on-demand import.
  expect(ui.dynamicImports).toEqual([holding('earshot-debug-panel.js').fileName]);
});

/**
 * Serves the scratch project's node_modules as the import map expects them, and `html` at `pagePath`;
 * returns the page, not yet navigated, and the node_modules files it requested so far, in order.
 */
async function installedPackagePage(pagePath: string, html: string): Promise<{ page: Page; served: string[] }> {
  const page = await h.newPage();
  const served: string[] = [];
  // The import map's /node_modules/ is the scratch project's, not this repo's.
  await page.route(
    (url) => url.pathname.startsWith('/node_modules/'),
    (route) => {
      const file = path.join(scratch, decodeURIComponent(new URL(route.request().url()).pathname));
      served.push(path.relative(scratch, file));
      return existsSync(file) ? route.fulfill({ path: file, contentType: 'text/javascript' }) : route.fulfill({ status: 404 });
    },
  );
  await page.route(h.url(pagePath), (route) => route.fulfill({ contentType: 'text/html', body: html }));
  return { page, served };
}

/** A page with the README's import map whose module script starts Earshot with `surveys`. */
const pageStarting = (surveys: unknown[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Installed</title>${IMPORT_MAP}
<script type="module">
import * as earshot from "earshot";
window.earshot = earshot;
earshot.init({ endpoint: "/api/earshot", surveys: ${JSON.stringify(surveys)} });
</script></head><body><main><h1>A page</h1></main></body></html>`;

/** Time enough for the idle-time prefetch (and anything it would fetch) to have happened. */
const IDLE_MS = 1500;

it('loads the installed ESM build in Chromium through the README import map, fetches the UI only for show(), shows a survey and delivers', async () => {
  const { page, served } = await installedPackagePage('/guide/', IMPORT_MAP_PAGE);
  await page.goto(h.url('/guide/'));
  await page.getByRole('button', { name: 'Give feedback' }).waitFor();
  await page.waitForTimeout(IDLE_MS);
  // Its only survey shows when asked: nothing of the UI yet.
  expect(served.filter((file) => file === UI_CHUNK || file.includes('/lit'))).toEqual([]);
  await page.getByRole('button', { name: 'Give feedback' }).click();
  await page.getByRole('radio', { name: /^5/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-csat', answers: { satisfaction: 5 }, sdk: { name: 'earshot' } });
  expect(served).toEqual(
    expect.arrayContaining(['node_modules/earshot/dist/earshot.js', 'node_modules/earshot/dist/earshot-core.js', UI_CHUNK, LIT, 'node_modules/idb-keyval/dist/index.js']),
  );
  expect(served.filter((file) => file === UI_CHUNK)).toHaveLength(1);
  assertNoPageErrors(h.problems(page));
});

it('never fetches the UI chunk or Lit on a page where no survey can show, and fetches them at idle once the visitor reaches one where a survey may', async () => {
  const checkoutSurvey = {
    id: 'after-checkout',
    trigger: { all: [{ url: '/checkout/*' }, { event: 'checkout_completed' }] },
    questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
  };
  const { page, served } = await installedPackagePage('/pricing', pageStarting([checkoutSurvey]));
  await page.goto(h.url('/pricing'));
  await waitUntil(() => served.includes('node_modules/earshot/dist/earshot-core.js'), { describe: () => 'the ESM build to load' });
  // A journey point, but the survey is for checkout pages only.
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.waitForTimeout(IDLE_MS);
  expect(served.filter((file) => file === UI_CHUNK || file.includes('/lit'))).toEqual([]);
  expect(await page.evaluate(() => customElements.get('earshot-survey'))).toBeUndefined();

  // A single-page app routes to the checkout: the UI is fetched at idle, before the journey point.
  await page.evaluate(() => history.pushState(null, '', '/checkout/done'));
  await waitUntil(() => served.includes(UI_CHUNK), { describe: () => `the UI chunk to be prefetched (served: ${served.join(', ')})` });
  expect(served).toContain(LIT);
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'after-checkout', answers: { score: 9 }, page: { url: expect.stringContaining('/checkout/done') } });
  expect(served.filter((file) => file === UI_CHUNK)).toHaveLength(1);
  assertNoPageErrors(h.problems(page));
});
