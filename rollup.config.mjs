import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { readFileSync, readdirSync } from 'node:fs';

const LOCALES = 'src/ui/locales';

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
        source: `/*! Earshot strings: ${code} */\n(self.earshotLocales=self.earshotLocales||{})[${JSON.stringify(code)}]=${table};\n`,
      });
    }
  },
});

const typescriptFor = (declarations) =>
  typescript({
    tsconfig: './tsconfig.json',
    // A type error fails the build instead of printing a warning.
    noEmitOnError: true,
    declaration: declarations,
    ...(declarations ? { declarationDir: 'dist', outDir: 'dist' } : { declaration: false, outDir: 'dist' }),
  });

export default [
  {
    // ESM for bundlers: lit and idb-keyval stay dependencies the app's bundler de-duplicates.
    input: 'src/index.ts',
    external: (id) => id === 'lit' || id.startsWith('lit/') || id === 'idb-keyval',
    output: { file: 'dist/earshot.js', format: 'es', sourcemap: true },
    plugins: [typescriptFor(true)],
  },
  {
    // One file for a script tag, everything bundled, as the global `earshot`.
    input: 'src/iife.ts',
    output: {
      file: 'dist/earshot.min.js',
      format: 'iife',
      name: 'earshot',
      sourcemap: true,
      // One notice for everything bundled instead of Lit's notice repeated per module.
      banner: '/*! Earshot 0.1.0 | MIT | includes Lit (BSD-3-Clause, Copyright Google LLC) and idb-keyval (Apache-2.0, Copyright Jake Archibald) */',
      // terser with `module: true` would drop the `var earshot=` global.
      plugins: [terser({ module: false, ecma: 2020, compress: { passes: 2 }, format: { comments: /^!/ } })],
    },
    // Whitespace inside css`` and html`` templates is bytes every visitor downloads.
    plugins: [nodeResolve({ browser: true }), typescriptFor(false), minifyTemplateLiterals({ include: 'src/**', failOnError: true }), locales()],
  },
];
