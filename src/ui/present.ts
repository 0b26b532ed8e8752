import { supportsAdoptingStyleSheets } from 'lit';
import { nextQuestionIndex } from '../core/flow.js';
import type { Presenter } from '../core/presenter.js';
import { announce, prepareAnnouncer } from './announcer.js';
import { applyAppearance } from './appearance.js';
import './define.js';
import { format, stringsFor } from './strings.js';
import type { DebugPanelElement } from './debug-panel/debug-panel.js';
import type { SurveyElement } from './survey/survey.js';
import type { FeedbackTabElement } from './tab/feedback-tab.js';

/** Runs `work` once <body> exists: a script in <head> may show a survey before it does. */
function whenBodyExists(work: () => void): () => void {
  if (document.body) {
    work();
    return () => {};
  }
  addEventListener('DOMContentLoaded', work, { once: true });
  return () => removeEventListener('DOMContentLoaded', work);
}

/** Shows surveys as `<earshot-survey>` elements: at the end of the body, or inside an inline target. */
export const presenter: Presenter = {
  prepare: prepareAnnouncer,

  survey({ survey, locale, callbacks, requested, preview = false, styleNonce, ...appearance }) {
    useStyleNonce(styleNonce);
    const element = document.createElement('earshot-survey') as SurveyElement;
    const strings = stringsFor(locale);
    element.survey = survey;
    element.locale = locale;
    element.strings = strings;
    element.callbacks = callbacks;
    element.requested = requested;
    element.preview = preview;
    applyAppearance(element, appearance);
    let unsay = () => {};
    const cancel = whenBodyExists(() => {
      const target = survey.display === 'inline' ? document.querySelector(survey.target!) : document.body;
      if (!target) return callbacks.onFailed(`survey "${survey.id}": inline target ${survey.target} is not on the page`);
      target.append(element);
      // A popover that appears on its own takes no focus, so screen readers hear of it here.
      if (!requested && (survey.display ?? 'popover') === 'popover') {
        const first = survey.questions[nextQuestionIndex(survey, -1, {})];
        unsay = announce(format(strings, strings.announce, { question: `${first?.text ?? ''}` }), locale);
      }
      callbacks.onShown();
      // A render that throws (say, the page's Trusted Types policy refuses Earshot's) becomes an
      // error event; left alone, Lit would hand it to the page's unhandledrejection.
      element.updateComplete.catch((error) => {
        element.remove();
        callbacks.onFailed(`survey "${survey.id}" could not be shown (${error})`);
      });
    });
    return {
      close() {
        cancel();
        unsay();
        element.remove();
      },
    };
  },

  debugPanel({ explain, watch, styleNonce, ...appearance }) {
    useStyleNonce(styleNonce);
    const element = document.createElement('earshot-debug-panel') as DebugPanelElement;
    applyAppearance(element, appearance);
    const refresh = () => (element.entries = explain());
    refresh();
    const unwatch = watch(refresh);
    element.addEventListener('earshot-close', unwatch);
    const cancel = whenBodyExists(() => document.body.append(element));
    return {
      close() {
        cancel();
        unwatch();
        element.remove();
      },
    };
  },

  tab({ survey, locale, onOpen, onFailed, styleNonce, ...appearance }) {
    useStyleNonce(styleNonce);
    const element = document.createElement('earshot-feedback-tab') as FeedbackTabElement;
    element.locale = locale;
    element.strings = stringsFor(locale);
    applyAppearance(element, appearance);
    element.addEventListener('earshot-open', onOpen);
    const cancel = whenBodyExists(() => {
      document.body.append(element);
      element.updateComplete.catch((error) => {
        element.remove();
        onFailed(`the Feedback tab of survey "${survey.id}" could not be shown (${error})`);
      });
    });
    return {
      close() {
        cancel();
        element.remove();
      },
    };
  },
};

/**
 * Browsers without constructable stylesheets (Safari before 16.4) get the widget's styles as
 * `<style>` elements, which a strict CSP blocks unless they carry its nonce. Lit takes it from
 * `window.litNonce`, so that global is set there only.
 */
function useStyleNonce(nonce: string | undefined): void {
  if (nonce && !supportsAdoptingStyleSheets) (globalThis as { litNonce?: string }).litNonce ??= nonce;
}
