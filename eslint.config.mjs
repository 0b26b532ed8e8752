// ESLint: JavaScript's and typescript-eslint's recommended rules, Lit's and lit-a11y's for the
// templates; eslint-config-prettier last, because Prettier owns the formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    rules: {
      // A rest pattern that leaves keys out of a copy (`const { id, ...rest } = x`) is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Clicks are listened to on the container of native radios and checkboxes, which the keyboard already operates.
      'lit-a11y/click-events-have-key-events': 'off',
    },
  },
  {
    // The collector's `html` is its own escaping tag for server-rendered pages (with inline SVG), not Lit's.
    files: ['examples/collector/**'],
    rules: Object.fromEntries(Object.keys({ ...lit.configs.recommended.rules, ...litA11y.configs.recommended.rules }).map((rule) => [rule, 'off'])),
  },
  {
    languageOptions: {
      // The SDK runs in browsers; the build, the tests and the benchmarks in Node.
      globals: { ...globals.browser, ...globals.node },
    },
  },
  prettier,
);
