// The script-tag core: targeting, outbox and delivery without Lit or any UI. The UI
// (earshot.ui.min.js, from next to this file) is imported only when a survey is about to show,
// or when the browser is idle on a page where one may show.
import { usePresenter } from './api/internal.js';
import { lazyPresenter } from './core/lazy-presenter.js';
import type { Presenter } from './core/presenter.js';
import { watchEmbeds, watchUndefinedEmbeds } from './embed/embed.js';
import { replayQueue } from './snippet/queue.js';
import { prepareAnnouncer } from './a11y/announcer.js';

const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const uiUrl = new URL('earshot.ui.min.js', here).href;

// A module import needs no global to hand the presenter over, and no Trusted Types policy.
usePresenter({
  ...lazyPresenter(() => import(/* @vite-ignore */ uiUrl).then((ui: { presenter: Presenter }) => ui.presenter)),
  // The live region must be on the page before a survey appears, long before the UI arrives.
  prepare: prepareAnnouncer,
});

export { init, track, show, preview, explain, identify, setContext, flush, on, deadLetters, destroy, consent } from './api/api.js';
export { EarshotConfigError } from './core/errors.js';
export { SDK_VERSION as version } from './core/version.js';
export { push } from './snippet/queue.js';
export { addLocale } from './i18n/strings.js';

watchEmbeds();
watchUndefinedEmbeds();
replayQueue();
