// The script-tag core: targeting, outbox and delivery without Lit or any UI. The UI
// (earshot.ui.min.js, from next to this file) is imported only when a survey is about to show,
// or when the browser is idle on a page where one may show.
import { usePresenter } from './api/internal.js';
import { lazyPresenter } from './core/lazy-presenter.js';
import { useContentCheck, type ContentCheck } from './core/definition/unchecked.js';
import { useWords } from './core/words/loader.js';
import type { Words } from './core/words/words.js';
import type { Presenter } from './core/presenter.js';
import type { QuestionType, Survey } from './core/types.js';
import { useEmbeds, watchEmbeds, watchUndefinedEmbeds } from './embed/find-embeds.js';
import { lazyEmbeds } from './embed/lazy-embeds.js';
import type { startEmbeds } from './embed/embed.js';
import { replayQueue } from './snippet/queue.js';
import { prepareAnnouncer } from './a11y/announcer.js';

const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const uiUrl = new URL('earshot.ui.min.js', here).href;
const checkUrl = new URL('earshot.check.min.js', here).href;
const wordsUrl = new URL('earshot.words.min.js', here).href;
const embedUrl = new URL('earshot.embed.min.js', here).href;

/** The question kinds, each a file next to the UI's (`earshot.ui-nps-question.min.js`, rollup.config.mjs). */
const KIND_FILES = { nps: 1, rating: 1, csat: 1, ces: 1, thumbs: 1, choice: 1, text: 1, matrix: 1, ranking: 1, slider: 1, cta: 1 } satisfies Record<QuestionType, 1>;

/**
 * Fetches the files next to the UI's that these surveys need, beside the UI rather than after it:
 * those of the question kinds they ask, and the Feedback tab's for a `tab` survey. The UI imports
 * each from the same address when it needs it, and the browser fetches a module once.
 * A file that fails is the UI's to report, when it asks for it again.
 */
const fetchAlongside = (surveys: Survey[]) => {
  const files = new Set(
    surveys.flatMap((survey) => [
      // A survey may be as written still, its template's items to come with its check (no `questions` then).
      ...(survey.questions ?? []).flatMap((question) => (Object.hasOwn(KIND_FILES, question.type) ? `${question.type}-question` : [])),
      ...(survey.display === 'tab' ? ['feedback-tab'] : []),
    ]),
  );
  for (const file of files) import(/* @vite-ignore */ new URL(`earshot.ui-${file}.min.js`, here).href).catch(() => {});
};

// A module import needs no global to hand the presenter over, and no Trusted Types policy.
usePresenter({
  ...lazyPresenter(() => import(/* @vite-ignore */ uiUrl).then((ui: { presenter: Presenter }) => ui.presenter), fetchAlongside),
  // The live region must be on the page before a survey appears, long before the UI arrives.
  prepare: prepareAnnouncer,
});
// What a survey asks is checked just before it first shows (or at init with `debug: true`), by a file of its own.
useContentCheck(() => import(/* @vite-ignore */ checkUrl) as Promise<ContentCheck>);
// explain()'s sentences, by a file of its own: fetched by explain(), or at init with `debug: true`.
useWords(() => import(/* @vite-ignore */ wordsUrl).then((file: { words: Words }) => file.words));
// What runs an <earshot-survey> the page placed, by a file of its own: fetched only on a page that has one.
useEmbeds(lazyEmbeds(() => import(/* @vite-ignore */ embedUrl).then((file: { startEmbeds: typeof startEmbeds }) => file.startEmbeds)));

export { init, track, show, preview, explain, identify, setContext, flush, on, deadLetters, destroy, consent } from './api/api.js';
export { EarshotConfigError } from './core/errors.js';
export { SDK_VERSION as version } from './core/version.js';
export { push } from './snippet/queue.js';
export { addLocale } from './i18n/strings.js';

watchEmbeds();
watchUndefinedEmbeds();
replayQueue();
