// The one-file script-tag build: the public API with the UI bundled in, exposed as `window.earshot`
// by rollup, plus `push` for the loader snippet's queue, which is replayed here. It presents
// surveys at once instead of through the ESM face's dynamic import, which a classic script would
// have to inline anyway, for more bytes and nothing gained.
import { usePresenter } from './api/internal.js';
import { watchEmbeds } from './embed/embed.js';
import { replayQueue } from './snippet/queue.js';
import { presenter } from './ui/present.js';
import { defineEveryKind } from './ui/questions/registry.js';

usePresenter(presenter);
// Every kind is in this file: defined now (their imports resolve in this task), a survey shows in the task that asks for it.
void defineEveryKind();
watchEmbeds();

export * from './public-api.js';
export { push } from './snippet/queue.js';

replayQueue();
