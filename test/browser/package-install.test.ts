// The package as users get it: `npm pack` of this repo (its dist/ as `npm test` just built it),
// installed from the tarball into a scratch project without the network or the npm cache,
// type-checked against with tsc (with the framework recipes and the element types in TSX and Vue),
// imported and required in plain Node, bundled by `vite build --ssr` and rendered on the server by
// React and Vue, bundled by rollup as an app would (the UI stays a chunk of its own), and its ESM build
// loaded in Chromium through the README's import map, which fetches the UI chunk (and Lit) only
// when a survey is about to show or may show on the page.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
/** The ESM build's file of each question kind: one per folder of src/ui/questions/ but the scale they share. */
const KIND_FILES = readdirSync(path.join(REPO, 'src', 'ui', 'questions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'scale')
  .map((entry) => `earshot-${entry.name}-question.js`);
const LIT = 'node_modules/lit/index.js';

/** The app's frameworks (linked from this repo's node_modules into the scratch project). */
const FRAMEWORKS = ['react', 'react-dom', '@types/react', 'vue'];
/** The TypeScript recipes of examples/, copied into the scratch project with the same layout. */
const RECIPES = [
  'react/EarshotSurvey.tsx',
  'react/App.tsx',
  'vue/EarshotSurvey.ts',
  'nextjs/app/layout.tsx',
  'nextjs/app/page.tsx',
  'nextjs/app/earshot-init.tsx',
  'nextjs/app/earshot-survey.tsx',
  'nextjs/app/feedback-button.tsx',
];

const h = useBrowserHarness();

let scratch = '';
let packed: string[] = [];
let installed = '';

/** The packages the installed earshot needs at run time, transitively, from this repo's lock file. */
function runtimeDependencies(): string[] {
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  const found = new Set<string>();
  const pending = Object.keys(lock.packages[''].dependencies ?? {});
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    found.add(name);
    pending.push(...Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {}));
  }
  return [...found];
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'earshot-package-'));
  // An npm cache of its own, empty: the install must not depend on what this machine's cache holds.
  const env = { ...process.env, npm_config_cache: path.join(scratch, '.npm-cache') };
  const pack = async (...dirs: string[]) =>
    JSON.parse((await run('npm', ['pack', ...dirs, '--pack-destination', scratch, '--ignore-scripts', '--json'], { cwd: scratch, env })).stdout) as Array<{
      name: string;
      filename: string;
      files: Array<{ path: string }>;
    }>;
  const [tarball] = await pack(REPO);
  packed = tarball.files.map((file) => file.path).sort();
  // No network at test time: lit and idb-keyval (and what they need) are packed from this repo's
  // node_modules, and overrides point npm at those tarballs instead of the registry.
  const dependencies = await pack(...runtimeDependencies().map((name) => path.join(REPO, 'node_modules', name)));
  const overrides = Object.fromEntries(dependencies.map((dependency) => [dependency.name, `file:./${dependency.filename}`]));
  const manifest = { name: 'scratch-app', private: true, type: 'module', dependencies: { earshot: `file:./${tarball.filename}` }, overrides };
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify(manifest));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: scratch, env });
  installed = path.join(scratch, 'node_modules', 'earshot');
  // The app's own frameworks, as its package.json would bring them: this repo's copies.
  for (const name of FRAMEWORKS) symlinkSync(path.join(REPO, 'node_modules', name), path.join(scratch, 'node_modules', name), 'dir');
  for (const recipe of RECIPES) cpSync(path.join(REPO, 'examples', recipe), path.join(scratch, recipe));
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
      // The check of what surveys ask, imported just before a survey first shows.
      'dist/earshot-check-content.js',
      // explain()'s sentences, imported when it is called.
      'dist/earshot-words.js',
      // What runs an <earshot-survey> a page placed, imported only on such a page.
      'dist/earshot-embed.js',
      // Each question kind, fetched with a survey that asks it.
      ...KIND_FILES.map((file) => `dist/${file}`),
      'dist/earshot.min.js',
      'dist/earshot.core.min.js',
      'dist/earshot.ui.min.js',
      'dist/earshot.debug-panel.min.js',
      'dist/earshot.check.min.js',
      'dist/earshot.words.min.js',
      'dist/earshot.embed.min.js',
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
  // ESM only; `default` lets require() load it where Node can (20.19+, 22.12+), and Jest find it.
  expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/earshot.js', default: './dist/earshot.js' });
  expect(manifest.exports['./react']).toEqual({ types: './dist/frameworks/react.d.ts' });
  expect(manifest.exports['./vue']).toEqual({ types: './dist/frameworks/vue.d.ts' });
  const exportTargets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  const named = [manifest.main, manifest.module, manifest.types, manifest.unpkg, manifest.jsdelivr, manifest.customElements, ...exportTargets];
  // `./locales/*` stands for every file of the folder; one of them stands in for the pattern.
  const missing = named.map((target: string) => target.replace('*', 'de.json')).filter((target: string) => !existsSync(path.join(installed, target)));
  expect(missing).toEqual([]);
});

/**
 * The one tsc run over the scratch project (with the React and Vue types) took about 58 s on this
 * shared machine under load, past the default 30 s: the first test to ask waits for all of it.
 */
const TSC_TIMEOUT_MS = 120_000;

/** What tsc says of the scratch project's TypeScript files, checked once for the tests below. */
let typeCheck: Promise<{ code: number; lines: string[] }> | undefined;
function typeCheckScratch(): Promise<{ code: number; lines: string[] }> {
  return (typeCheck ??= (async () => {
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
    writeFileSync(path.join(scratch, 'element-types.tsx'), ELEMENT_TYPES);
    // Library checking stays on: the package's own declarations must hold up too. Resolution as
    // in an app built by Vite or Next.js (package.json "exports", extensionless relative imports).
    const compilerOptions = {
      strict: true,
      noEmit: true,
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      jsx: 'react-jsx',
      allowImportingTsExtensions: true,
    };
    const files = ['uses-earshot.ts', 'wrong-call.ts', 'element-types.tsx', ...RECIPES];
    writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    return run(process.execPath, [TSC, '-p', scratch], { cwd: scratch }).then(
      () => ({ code: 0, lines: [] }),
      (error: { code: number; stdout: string }) => ({ code: error.code, lines: error.stdout.trim().split('\n') }),
    );
  })());
}

/** An app's uses of the elements' types: right ones, and one wrong of each kind. */
const ELEMENT_TYPES = `/// <reference types="earshot/react" />
/// <reference types="earshot/vue" />
import type { GlobalComponents } from "vue";
import type { EarshotSurveyElement } from "earshot";

const element: EarshotSurveyElement | null = document.querySelector("earshot-survey");
element?.addEventListener("earshot:completed", (event) => console.log(event.detail.answers));
addEventListener("earshot:delivered", (event) => console.log(event.detail.responseIds));
export const inReact = <earshot-survey src="/s.json" endpoint="/api/earshot" debug onearshot:completed={(event) => console.log(event.detail.responseId)} />;
export const wrongInReact = <earshot-survey endpoint={42} />;
type VueProps = InstanceType<GlobalComponents["earshot-survey"]>["$props"];
export const inVue: VueProps = { src: "/s.json", endpoint: "/api/earshot", debug: true };
export const wrongInVue: VueProps = { src: 42 };
`;

it(
  'type-checks a TypeScript file using the installed package, and reports a wrong call with its diagnostic',
  async () => {
    const { code, lines } = await typeCheckScratch();
    expect(lines.filter((line) => line.startsWith('wrong-call.ts') || line.startsWith('uses-earshot.ts'))).toEqual([
      "wrong-call.ts(2,34): error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    expect(code).toBe(2);
  },
  TSC_TIMEOUT_MS,
);

it(
  'type-checks the React, Next.js and Vue recipes, and <earshot-survey> in TSX, Vue and the DOM, with the installed types (earshot/react, earshot/vue)',
  async () => {
    const { lines } = await typeCheckScratch();
    expect(lines.filter((line) => !line.startsWith('wrong-call.ts'))).toEqual([
      "element-types.tsx(10,45): error TS2322: Type 'number' is not assignable to type 'string'.",
      "element-types.tsx(13,39): error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  },
  TSC_TIMEOUT_MS,
);

/** Runs `source` in a child Node process in the scratch project; what it printed, as JSON. */
async function inNode(source: string, type: 'module' | 'commonjs' = 'module'): Promise<unknown> {
  const { stdout } = await run(process.execPath, [`--input-type=${type}`, '--eval', source], { cwd: scratch });
  return JSON.parse(stdout);
}

/** Every call of the API, as a server render might make it; then what Node sees. */
const CALL_EVERYTHING = `
const config = { endpoint: "/api/earshot", surveys: [{ id: "nps", trigger: { event: "x" }, questions: [{ id: "score", type: "nps", text: "How likely?" }] }] };
const globalsBefore = Object.getOwnPropertyNames(globalThis).length;
earshot.init(config); earshot.track("x"); earshot.show("nps"); earshot.identify("u_1"); earshot.preview("nps");
earshot.consent("granted"); earshot.consent("denied"); earshot.setContext({ plan: "pro" });
const errors = []; earshot.on("error", (error) => errors.push(error));
await earshot.flush();
const result = { exports: Object.keys(earshot).sort(), explain: (await earshot.explain()).map((one) => one.reasons[0].code), deadLetters: await earshot.deadLetters(), errors, globalsAdded: Object.getOwnPropertyNames(globalThis).length - globalsBefore };
earshot.destroy();
`;

it('imports in plain Node with no side effect; every call does nothing there and throws nothing', async () => {
  const result = await inNode(`import * as earshot from "earshot";\n${CALL_EVERYTHING}\nconsole.log(JSON.stringify(result));`);
  expect(result).toEqual({
    exports: [
      'EarshotConfigError',
      'addLocale',
      'consent',
      'deadLetters',
      'destroy',
      'explain',
      'flush',
      'identify',
      'init',
      'on',
      'preview',
      'setContext',
      'show',
      'track',
      'version',
    ],
    explain: ['notStarted'],
    deadLetters: [],
    errors: [],
    globalsAdded: 0,
  });
});

it('require("earshot") in Node gives the same ES module (ESM only: Node 20.19+ and 22.12+ can require it)', async () => {
  const result = await inNode(
    `const earshot = require("earshot");
(async () => {
  const imported = await import("earshot");
  console.log(JSON.stringify({ init: typeof earshot.init, same: earshot.init === imported.init, resolved: require.resolve("earshot").replace(process.cwd(), ".") }));
})();`,
    'commonjs',
  );
  expect(result).toEqual({ init: 'function', same: true, resolved: './node_modules/earshot/dist/earshot.js' });
});

/** The server entry of an app built with `vite build --ssr`: the React and Vue recipes rendered to HTML. */
const SERVER_ENTRY = `import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createSSRApp, h } from "vue";
import { renderToString as renderVue } from "vue/server-renderer";
import { App } from "./react/App.tsx";
import { EarshotSurvey } from "./react/EarshotSurvey.tsx";
import { EarshotSurvey as VueEarshotSurvey } from "./vue/EarshotSurvey.ts";

const survey = { id: "docs-helpful", questions: [{ id: "helpful", type: "thumbs", text: "Was this page helpful?" }] };
console.log(JSON.stringify({
  app: renderToString(createElement(App)),
  react: renderToString(createElement(EarshotSurvey, { survey, endpoint: "/api/earshot" })),
  vue: await renderVue(createSSRApp({ render: () => h(VueEarshotSurvey, { src: "/surveys/feedback.json" }) })),
}));
`;

it('a vite build --ssr bundle (earshot external, and bundled in) renders the React and Vue recipes as inert markup', async () => {
  writeFileSync(path.join(scratch, 'server-entry.ts'), SERVER_ENTRY);
  const { build } = await import('vite');
  const rendered = [];
  for (const noExternal of [[], ['earshot']]) {
    const outDir = path.join(scratch, `server-build-${noExternal.length}`);
    await build({ root: scratch, logLevel: 'silent', configFile: false, build: { ssr: 'server-entry.ts', outDir, minify: false }, ssr: { noExternal } });
    const bundle = readFileSync(path.join(outDir, 'server-entry.js'), 'utf8');
    // External, Node imports the installed package at run time; bundled in, nothing imports it by name.
    expect(/from "earshot"/.test(bundle)).toBe(noExternal.length === 0);
    const { stdout } = await run(process.execPath, [path.join(outDir, 'server-entry.js')], { cwd: scratch });
    rendered.push(JSON.parse(stdout));
  }
  expect(rendered[1]).toEqual(rendered[0]);
  expect(rendered[0]).toEqual({
    app: '<button type="button">Place order</button>',
    react:
      '<earshot-survey endpoint="/api/earshot"><script type="application/json">{"id":"docs-helpful","questions":[{"id":"helpful","type":"thumbs","text":"Was this page helpful?"}]}</script></earshot-survey>',
    vue: '<earshot-survey src="/surveys/feedback.json"></earshot-survey>',
  });
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
  // The UI, the Feedback tab (fetched beside the UI for a tab survey), the check of what surveys ask, explain()'s sentences and what runs an <earshot-survey>, each loaded on demand in a chunk of its own.
  const tab = holding('earshot-feedback-tab.js');
  expect([...entry.dynamicImports].sort()).toEqual(
    [ui.fileName, tab.fileName, holding('earshot-check-content.js').fileName, holding('earshot-words.js').fileName, holding('earshot-embed.js').fileName].sort(),
  );
  expect(modulesOf(ui)).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/lit-element\/(development\/)?lit-element\.js$/)]));
  // The UI's own on-demand imports: each question kind, the Feedback tab, and the `debug: true` panel.
  const onDemand = [...KIND_FILES, 'earshot-feedback-tab.js', 'earshot-debug-panel.js'].map((file) => holding(file).fileName);
  expect([...ui.dynamicImports].sort()).toEqual(onDemand.sort());
  for (const file of [...KIND_FILES, 'earshot-feedback-tab.js']) expect(modulesOf(entry)).not.toContain(`node_modules/earshot/dist/${file}`);
  expect(modulesOf(ui)).not.toContain('node_modules/earshot/dist/earshot-feedback-tab.js');
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
  // Of the question kinds, only the file of the one its survey asks.
  expect(served.filter((file) => /earshot-[\w-]+-question\.js$/.test(file))).toEqual(['node_modules/earshot/dist/earshot-csat-question.js']);
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
  // Lit is the UI chunk's own import, so it is requested a moment after the chunk arrives.
  await waitUntil(() => served.includes(UI_CHUNK) && served.includes(LIT), { describe: () => `the UI chunk and Lit to be prefetched (served: ${served.join(', ')})` });
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'after-checkout', answers: { score: 9 }, page: { url: expect.stringContaining('/checkout/done') } });
  expect(served.filter((file) => file === UI_CHUNK)).toHaveLength(1);
  assertNoPageErrors(h.problems(page));
});
