// The script-tag build: everything from the ESM face, exposed as `window.earshot` by rollup,
// plus `push` for the loader snippet's queue, which is replayed here.
import { replayQueue } from './snippet/queue.js';

export * from './index.js';
export { push } from './snippet/queue.js';

replayQueue();
