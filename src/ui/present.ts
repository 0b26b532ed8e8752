import { nextQuestionIndex } from '../core/definition/flow.js';
import type { PresentedSurvey, Presenter } from '../core/presenter.js';
import { announce } from '../a11y/announcer.js';
import { applyAppearance } from './appearance.js';
import './define.js';
import { useStyleNonce, whenBodyExists } from './host-page.js';
import { format, stringsFor } from '../i18n/strings.js';
import { defineKinds, kindsDefined, kindsOf } from './questions/registry.js';
import type { SurveyElement } from './survey/survey.js';
import type { FeedbackTabElement } from './tab/feedback-tab.js';
import { defineFeedbackTab, feedbackTabDefined } from './tab/define-feedback-tab.js';

/**
 * Shows surveys as `<earshot-survey>` elements: at the end of the body, or inside an inline target.
 * The live region they are announced through is the entries' to prepare (src/a11y/), with the core.
 */
export const presenter: Presenter = {
  survey({ survey, locale, callbacks, requested, preview = false, styleNonce, recall, ...appearance }) {
    useStyleNonce(styleNonce);
    const element = document.createElement('earshot-survey') as SurveyElement;
    const strings = stringsFor(locale);
    element.survey = survey;
    element.locale = locale;
    element.strings = strings;
    element.callbacks = callbacks;
    element.requested = requested;
    element.preview = preview;
    element.recall = recall;
    applyAppearance(element, appearance);
    let unsay = () => {};
    let cancel = () => {};
    let closed = false;
    const place = () =>
      (cancel = whenBodyExists(() => {
        const target = survey.display === 'inline' ? document.querySelector(survey.target!) : document.body;
        if (!target) return callbacks.onFailed(`survey "${survey.id}": inline target ${survey.target} is not on the page`);
        target.append(element);
        // A popover that appears on its own takes no focus, so screen readers hear of it here.
        if (!requested && (survey.display ?? 'popover') === 'popover') {
          const first = (recall?.({}) ?? survey).questions[nextQuestionIndex(survey, -1, {})];
          unsay = announce(format(strings, strings.announce, { question: `${first?.text ?? ''}` }), locale);
        }
        callbacks.onShown();
        // A render that throws (say, the page's Trusted Types policy refuses Earshot's) becomes an
        // error event; left alone, Lit would hand it to the page's unhandledrejection.
        element.updateComplete.catch((error) => {
          element.remove();
          callbacks.onFailed(`survey "${survey.id}" could not be shown (${error})`);
        });
      }));
    // The survey shows once the elements of its question kinds are defined: at once when they are
    // bundled or were prefetched, else when their files arrive.
    const kinds = kindsOf([survey]);
    if (kindsDefined(kinds)) place();
    else
      defineKinds(kinds).then(
        () => closed || place(),
        (error) => closed || callbacks.onFailed(`survey "${survey.id}": the code of its questions could not be loaded (${(error as Error)?.message ?? error})`, 'network'),
      );
    return {
      close() {
        closed = true;
        cancel();
        unsay();
        element.remove();
      },
    };
  },

  prefetch(surveys) {
    // Nothing reaches the page's unhandledrejection: a survey that shows later tries again, and reports.
    defineKinds(kindsOf(surveys)).catch(() => {});
  },

  debugPanel(request) {
    // Only a page with `debug: true` asks for the panel, so its code comes apart from the survey's.
    let panel: PresentedSurvey | undefined;
    let closed = false;
    import('./debug-panel/show-debug-panel.js')
      .then(({ showDebugPanel }) => {
        if (!closed) panel = showDebugPanel(request);
      })
      // A developer's tool, and nothing reaches the page's unhandledrejection: what the panel
      // would show is still in `earshot.explain()`.
      .catch((error) => console.warn(`earshot: the debug panel could not be shown (${error})`));
    return {
      close() {
        closed = true;
        panel?.close();
      },
    };
  },

  tab({ survey, locale, onOpen, onFailed, styleNonce, ...appearance }) {
    useStyleNonce(styleNonce);
    // The visitor may open the survey at any moment: its questions' code comes now.
    presenter.prefetch?.([survey]);
    let cancel = () => {};
    let closed = false;
    const place = () => {
      const element = document.createElement('earshot-feedback-tab') as FeedbackTabElement;
      element.locale = locale;
      element.strings = stringsFor(locale);
      applyAppearance(element, appearance);
      element.addEventListener('earshot-open', onOpen);
      const unplace = whenBodyExists(() => {
        document.body.append(element);
        element.updateComplete.catch((error) => {
          element.remove();
          onFailed(`the Feedback tab of survey "${survey.id}" could not be shown (${error})`);
        });
      });
      cancel = () => {
        unplace();
        element.remove();
      };
    };
    // The tab shows once its element is defined: at once when it is bundled (or an earlier tab defined it), else once its
    // file is in, which the split build's core fetches beside the UI.
    if (feedbackTabDefined()) place();
    else
      defineFeedbackTab().then(
        () => closed || place(),
        (error) => closed || onFailed(`the Feedback tab of survey "${survey.id}" could not be loaded (${(error as Error)?.message ?? error})`, 'network'),
      );
    return {
      close() {
        closed = true;
        cancel();
      },
    };
  },
};
