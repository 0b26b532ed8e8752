// The script-tag build: everything from the ESM face, exposed as `window.earshot` by rollup.
export * from './index.js';
