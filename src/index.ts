// The ESM face. The UI (Lit and every element) is a dynamic import, so an app's bundler emits it
// as its own chunk, fetched only when a survey is about to show or when the browser is idle on a
// page where one may show.
import { usePresenter } from './api/internal.js';
import { claimPage } from './api/one-per-page.js';
import * as api from './public-api.js';
import { lazyPresenter } from './core/lazy-presenter.js';
import { useContentCheck } from './core/definition/unchecked.js';
import { useWords } from './core/words/loader.js';
import { useEmbeds, watchEmbeds, watchUndefinedEmbeds } from './embed/find-embeds.js';
import { lazyEmbeds } from './embed/lazy-embeds.js';
import { prepareAnnouncer } from './a11y/announcer.js';

// On a server, or beside another copy of Earshot, importing this starts nothing and the API does nothing.
if (claimPage(api)) {
  usePresenter({
    ...lazyPresenter(
      () => import('./ui/present.js').then((ui) => ui.presenter),
      // A `tab` survey's Feedback tab is a chunk of its own: fetched beside the UI, not once the UI has arrived.
      (surveys) => surveys.some((survey) => survey.display === 'tab') && import('./ui/tab/feedback-tab.js').catch(() => {}),
    ),
    // The live region must be on the page before a survey appears, long before the UI arrives.
    prepare: prepareAnnouncer,
  });
  // What a survey asks is checked just before it first shows (or at init with `debug: true`): a chunk of its own.
  useContentCheck(() => import('./core/definition/check-content.js'));
  // explain()'s sentences: a chunk of its own, fetched by explain(), or at init with `debug: true`.
  useWords(() => import('./core/words/words.js').then((file) => file.words));
  // What runs an <earshot-survey> the page placed: a chunk of its own, fetched only on a page that has one.
  useEmbeds(lazyEmbeds(() => import('./embed/embed.js').then((file) => file.startEmbeds)));
  watchEmbeds();
  // <earshot-survey> is defined only once the UI arrives; until then, added elements are looked for.
  watchUndefinedEmbeds();
}

export * from './public-api.js';
