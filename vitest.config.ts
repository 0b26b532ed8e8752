import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The version in package.json, put into the sources as the build does (src/core/version.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The collector imports the SDK's definition checks from their build (dist/earshot-definition-check.js,
 * which `npm start` makes first); its tests take them from the sources instead, so they never run a
 * stale build. Without a DOM, selectors are parsed as that build parses them.
 */
const definitionChecksFromSources = [
  { find: /^(\.\.\/)+dist\/earshot-definition-check\.js$/, replacement: fileURLToPath(new URL('./src/core/definition/definition-check.ts', import.meta.url)) },
  { find: /^\.\/selector-syntax\.js$/, replacement: fileURLToPath(new URL('./src/core/definition/selector-syntax.node.ts', import.meta.url)) },
];

export default defineConfig({
  test: {
    // Two files at a time, whatever the project. Vitest's default on a 2-core machine is one
    // worker, but most of a browser or collector test is waiting on a page, a socket or a
    // database, so two overlap well; no test shares a port, a folder, a database or a browser.
    maxWorkers: 2,
    projects: [
      {
        // The framework recipes in examples/ import the package by name, as an app does.
        resolve: { alias: { earshot: fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
        define: { __EARSHOT_VERSION__: JSON.stringify(version) },
        test: {
          name: 'unit',
          // The tree mirrors src/ (api, builder, core, i18n, ui), plus the layout, the docs, the package, the schema and the recipes.
          include: ['test/{api,architecture,builder,core,docs,i18n,package,recipes,schema,ui}/**/*.test.ts'],
          environment: 'happy-dom',
          // Each file in a VM context of its own: a fresh page and module graph per file, as a
          // process per file gave (the default pool), without starting a process and loading
          // happy-dom for each of the 77 files (88 s → 36 s for this project on 2 cores).
          pool: 'vmForks',
          setupFiles: ['./test/support/node-globals.ts', 'fake-indexeddb/auto', './test/support/bundled-ui.ts'],
          // Type tests (*.test-d.ts) run with the unit tests, checked by tsc.
          typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './test/types/tsconfig.json' },
        },
      },
      {
        resolve: { alias: definitionChecksFromSources },
        test: {
          name: 'collector',
          include: ['test/collector/**/*.test.ts'],
          environment: 'node',
          // Each file opens its own store (a database per file on PostgreSQL); the modules stay.
          isolate: false,
        },
      },
      {
        // The same collector tests on PostgreSQL: one throwaway cluster for the run, a database per file.
        resolve: { alias: definitionChecksFromSources },
        test: {
          name: 'collector-postgres',
          include: ['test/collector/**/*.test.ts'],
          environment: 'node',
          // Each file opens its own store (a database per file on PostgreSQL); the modules stay.
          isolate: false,
          globalSetup: ['./test/collector/support/postgres-global-setup.ts'],
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias: definitionChecksFromSources },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // A worker keeps the modules it imported (Playwright, the server, the collector) from one
          // file to the next, instead of importing them again for each: each file launches and
          // closes its own browser and server, and no file changes a global.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'engines',
          include: ['test/engines/**/*.test.ts'],
          environment: 'node',
          // As the browser project: modules kept across files, a browser per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
