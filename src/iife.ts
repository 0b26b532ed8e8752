// The one-file script-tag build: the public API with the UI bundled in, exposed as `window.earshot`
// by rollup, plus `push` for the loader snippet's queue, which is replayed here. It presents
// surveys at once instead of through the ESM face's dynamic import, which a classic script would
// have to inline anyway, for more bytes and nothing gained.
import { prepareAnnouncer } from './a11y/announcer.js';
import { usePresenter } from './api/internal.js';
import * as contentCheck from './core/definition/check-content.js';
import { useContentCheck } from './core/definition/unchecked.js';
import { useWords } from './core/words/loader.js';
import { words } from './core/words/words.js';
import { startEmbeds } from './embed/embed.js';
import { embedCore } from './embed/embed-core.js';
import { useEmbeds, watchEmbeds } from './embed/find-embeds.js';
import { replayQueue } from './snippet/queue.js';
import { presenter } from './ui/present.js';
import { defineEveryKind } from './ui/questions/registry.js';
import { defineFeedbackTab } from './ui/tab/define-feedback-tab.js';

// The live region, as the other entries prepare it: on the page before a survey appears.
usePresenter({ ...presenter, prepare: prepareAnnouncer });
// One file: what a survey asks is checked in the task that shows it.
useContentCheck(contentCheck, true);
useWords(words, true);
// An <earshot-survey> the page placed runs in the task that finds it.
useEmbeds(startEmbeds(embedCore));
// Every kind and the Feedback tab are in this file: defined now (their imports resolve in this task),
// a survey or a tab shows in the task that asks for it.
void defineEveryKind();
void defineFeedbackTab();
watchEmbeds();

export * from './public-api.js';
export { push } from './snippet/queue.js';

replayQueue();
