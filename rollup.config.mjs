import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { hostPageLit } from './src/build/host-page-lit.mjs';
import { readFileSync, readdirSync } from 'node:fs';

const LOCALES = 'src/i18n/locales';

/**
 * Locales other than English stay out of the one-file bundle: each becomes dist/locales/<code>.json
 * (for `addLocale`) and dist/locales/<code>.js, a script that leaves its table where the SDK looks.
 */
const locales = () => ({
  name: 'earshot-locales',
  generateBundle() {
    for (const file of readdirSync(LOCALES).filter((name) => name.endsWith('.json'))) {
      const code = file.slice(0, -'.json'.length);
      const table = JSON.stringify(JSON.parse(readFileSync(`${LOCALES}/${file}`, 'utf8')));
      this.emitFile({ type: 'asset', fileName: `locales/${code}.json`, source: table });
      this.emitFile({
        type: 'asset',
        fileName: `locales/${code}.js`,
        // Words given earlier with addLocale stay over the file's.
        source: `/*! Earshot strings: ${code} */\n(function(t,c){t[c]=Object.assign(${table},t[c])})(self[Symbol.for('earshot.locales')]||(self[Symbol.for('earshot.locales')]={}),${JSON.stringify(code)});\n`,
      });
    }
  },
});

/** The builder's page, its stylesheet and the survey schema it links to, beside its script in dist/builder/. */
const builderPage = () => ({
  name: 'earshot-builder-page',
  generateBundle() {
    for (const [fileName, source] of [
      ['index.html', 'src/builder/index.html'],
      ['builder.css', 'src/builder/builder.css'],
      ['survey.schema.json', 'src/schema/survey.schema.json'],
    ]) {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(source, 'utf8') });
    }
  },
});

const typescriptFor = (declarations) =>
  typescript({
    // tsconfig.json less the builder page, which is no part of the SDK (no declarations for it).
    tsconfig: './tsconfig.sdk.json',
    // A type error fails the build instead of printing a warning.
    noEmitOnError: true,
    declaration: declarations,
    // The build with declarations checks the SDK's types; the others only emit (`npm run
    // typecheck` checks everything, the builder included), instead of checking it all six times.
    ...(declarations ? { declarationDir: 'dist', outDir: 'dist' } : { declaration: false, outDir: 'dist', noCheck: true }),
  });

/** The version in package.json: in the notices, and as `SDK_VERSION` in the code (src/core/version.ts). */
const { version: VERSION } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Replaces `__EARSHOT_VERSION__` in Earshot's own modules with the version, as a string. */
const earshotVersion = () => ({
  name: 'earshot-version',
  transform(code, id) {
    if (!id.includes('/src/') || !code.includes('__EARSHOT_VERSION__')) return null;
    return { code: code.replaceAll('__EARSHOT_VERSION__', JSON.stringify(VERSION)), map: null };
  },
});

/**
 * Each question kind is a file of its own in the split and ESM builds, fetched only with a survey
 * that asks it. What every kind builds on (the question element, its styles and change event) and
 * the scale most kinds and most surveys use (NPS, rating, CSAT, CES, thumbs) go in the UI's file
 * instead of files of their own: one request fewer before a survey shows, and the first is the UI itself.
 */
const WITH_THE_UI = /\/src\/ui\/(present\.ts|questions\/(question-element|question\.styles|question-change)\.ts|questions\/scale\/)/;
const withTheUi = (id) => (WITH_THE_UI.test(id.replaceAll('\\', '/')) ? 'present' : undefined);

/**
 * The ESM build's chunks: the UI's as above, and everything the entry imports statically in the
 * core's. Without the second rule, Rollup puts what the UI shares with the core (the definition
 * checks, the strings, the announcer) into the UI's manual chunk, and the core imports it, Lit and all.
 */
const esmChunks = (id, { getModuleInfo }) => {
  const chunk = withTheUi(id);
  if (chunk) return chunk;
  const seen = new Set();
  const loadedByTheEntry = (module) => {
    if (seen.has(module)) return false;
    seen.add(module);
    const info = getModuleInfo(module);
    return !!info && (info.isEntry || info.importers.some(loadedByTheEntry));
  };
  return !getModuleInfo(id)?.isEntry && loadedByTheEntry(id) ? 'core' : undefined;
};

const LIT_NOTICE = 'Lit (BSD-3-Clause, Copyright Google LLC)';
const IDB_KEYVAL_NOTICE = 'idb-keyval (Apache-2.0, Copyright Jake Archibald)';
const notice = (...included) => `/*! Earshot ${VERSION} | MIT${included.length ? ` | includes ${included.join(' and ')}` : ''} */`;

// Most of a file's functions run as soon as it is loaded (init and its start; a survey's render).
// This V8 hint (Chromium 136+; a plain comment elsewhere) compiles them while the file streams in,
// off the main thread, instead of one by one on the main thread at their first call. It must be the
// file's very first line.
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const bannerOf = (...included) => `${EAGER_COMPILE_HINT}\n${notice(...included)}`;

// terser with `module: true` would drop the `var earshot=` global of a script-tag build.
// Kept: `/*!` notices and the compile hint (a regex: terser runs in workers, so no closure).
const minified = (module) => terser({ module, ecma: 2020, compress: { passes: 2 }, format: { comments: /^!|^# allFunctionsCalledOnLoad$/ } });

// One notice for everything bundled instead of Lit's notice repeated per module.
const scriptTag = (file, ...included) => ({
  file,
  format: 'iife',
  name: 'earshot',
  sourcemap: true,
  // A second copy (another script tag, or the npm build running first) steps aside before anything
  // runs (with the calls a loader snippet queued for it): `window.earshot` stays or becomes the running copy's API.
  // The first copy claims the page with the symbol of src/api/one-per-page.ts, as the npm build does.
  // No variable of its own: it would share the bundle's scope, and shadow one of the bundle's names.
  intro: 'if(self[Symbol.for("earshot")]){console.warn("earshot: loaded twice; this copy steps aside");return self[Symbol.for("earshot")]}',
  outro: 'self[Symbol.for("earshot")]=exports;',
  banner: bannerOf(...included),
  plugins: [minified(false)],
});

// Whitespace inside css`` and html`` templates is bytes every visitor downloads. A build that
// bundles Lit edits it so that it leaves the host page alone (src/build/host-page-lit.mjs).
const bundled = ({ lit = true } = {}) => [
  nodeResolve({ browser: true }),
  ...(lit ? [hostPageLit()] : []),
  typescriptFor(false),
  earshotVersion(),
  minifyTemplateLiterals({ include: 'src/**', failOnError: true }),
];

/** Where there is no DOM, selectors are parsed by css-what instead of the browser (selector-syntax.node.ts). */
const selectorSyntaxWithoutDom = () => ({
  name: 'earshot-selector-syntax-without-dom',
  async resolveId(source, importer, options) {
    if (source !== './selector-syntax.js' || !importer?.includes('/src/core/definition/')) return null;
    return this.resolve('./selector-syntax.node.ts', importer, { ...options, skipSelf: true });
  },
});

export default [
  {
    // ESM for bundlers: lit and idb-keyval stay dependencies the app's bundler de-duplicates.
    // The UI (and the debug panel it imports) are dynamic imports, so they stay chunks of their own
    // in the app's build too. The UI shares code with the rest, which goes in a chunk of its own as
    // well: earshot.js itself exports the public API and nothing else.
    input: 'src/index.ts',
    external: (id) => id === 'lit' || id.startsWith('lit/') || id === 'idb-keyval',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'earshot.js',
      // Fixed names, not hashes: package.json's sideEffects lists them (they run Earshot and define its
      // elements). Rollup names a chunk after its manual chunk (core, present) or the module imported (the rest).
      chunkFileNames: ({ name }) => ({ core: 'earshot-core.js', present: 'earshot-ui.js', 'show-debug-panel': 'earshot-debug-panel.js' })[name] ?? 'earshot-[name].js',
      manualChunks: esmChunks,
    },
    plugins: [typescriptFor(true), earshotVersion()],
  },
  {
    // One file for a script tag, everything bundled, as the global `earshot`.
    input: 'src/iife.ts',
    // A script tag is one file: what the other builds import on demand (the debug panel) is inlined.
    output: { ...scriptTag('dist/earshot.min.js', LIT_NOTICE, IDB_KEYVAL_NOTICE), inlineDynamicImports: true },
    plugins: [...bundled(), locales()],
  },
  {
    // The split script-tag build: the core alone, as the global `earshot`; it imports the UI below on demand.
    input: 'src/iife-core.ts',
    output: scriptTag('dist/earshot.core.min.js', IDB_KEYVAL_NOTICE),
    plugins: bundled({ lit: false }),
  },
  {
    // The split build's check of what surveys ask (src/core/definition/check-content.ts), an ES
    // module the core imports just before a survey first shows, or at init with `debug: true`.
    input: 'src/core/definition/check-content.ts',
    output: { file: 'dist/earshot.check.min.js', format: 'es', sourcemap: true, banner: bannerOf(), plugins: [minified(true)] },
    plugins: bundled({ lit: false }),
  },
  {
    // The split build's sentences of explain() (src/core/words/words.ts), an ES module the core
    // imports when explain() is called, or at init with `debug: true`.
    input: 'src/core/words/words.ts',
    output: { file: 'dist/earshot.words.min.js', format: 'es', sourcemap: true, banner: bannerOf(), plugins: [minified(true)] },
    plugins: bundled({ lit: false }),
  },
  {
    // The split build's support of <earshot-survey> elements a page places itself
    // (src/embed/embed.ts), an ES module the core imports only on a page that has one.
    input: 'src/embed/embed.ts',
    output: { file: 'dist/earshot.embed.min.js', format: 'es', sourcemap: true, banner: bannerOf(), plugins: [minified(true)] },
    plugins: bundled({ lit: false }),
  },
  {
    // The UI half of the split build: an ES module exporting the presenter, Lit bundled in.
    input: 'src/ui/present.ts',
    // The on-demand file imports what it shares with this one from it: no third file in between.
    preserveEntrySignatures: 'allow-extension',
    // What it imports on demand (each question kind, the Feedback tab, the `debug: true` panel) is a file of its own beside it.
    output: {
      dir: 'dist',
      entryFileNames: 'earshot.ui.min.js',
      chunkFileNames: ({ name }) => (name === 'show-debug-panel' ? 'earshot.debug-panel.min.js' : 'earshot.ui-[name].min.js'),
      manualChunks: withTheUi,
      format: 'es',
      sourcemap: true,
      banner: bannerOf(LIT_NOTICE),
      plugins: [minified(true)],
    },
    plugins: bundled(),
  },
  {
    // The SDK's definition checks for Node, without a DOM: the reference collector's surveys registry
    // imports this file (examples/collector/definition-check.mjs), so it refuses what `init` would.
    input: 'src/core/definition/definition-check.ts',
    output: { file: 'dist/earshot-definition-check.js', format: 'es', sourcemap: true },
    plugins: [selectorSyntaxWithoutDom(), nodeResolve(), typescriptFor(false), earshotVersion()],
  },
  {
    // The survey builder (dist/builder/): a static page with a classic script, so it also works
    // opened from the package's files, where a browser refuses module scripts.
    input: 'src/builder/define.ts',
    // One file: the question kinds the SDK's builds import on demand are inlined.
    output: { file: 'dist/builder/builder.js', format: 'iife', inlineDynamicImports: true, sourcemap: true, banner: notice(LIT_NOTICE), plugins: [minified(false)] },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.json', noEmitOnError: true, declaration: false, outDir: 'dist/builder', noCheck: true }),
      earshotVersion(),
      minifyTemplateLiterals({ include: 'src/**', failOnError: true }),
      builderPage(),
    ],
  },
];
