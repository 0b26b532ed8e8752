import { nextQuestionIndex } from '../core/flow.js';
import type { Presenter } from '../core/presenter.js';
import { announce, prepareAnnouncer } from './announcer.js';
import { applyAppearance } from './appearance.js';
import './define.js';
import { format, stringsFor } from './strings.js';
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

  survey({ survey, locale, callbacks, requested, ...appearance }) {
    const element = document.createElement('earshot-survey') as SurveyElement;
    const strings = stringsFor(locale);
    element.survey = survey;
    element.locale = locale;
    element.strings = strings;
    element.callbacks = callbacks;
    element.requested = requested;
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
    });
    return {
      close() {
        cancel();
        unsay();
        element.remove();
      },
    };
  },

  tab({ locale, onOpen, survey: _, ...appearance }) {
    const element = document.createElement('earshot-feedback-tab') as FeedbackTabElement;
    element.locale = locale;
    element.strings = stringsFor(locale);
    applyAppearance(element, appearance);
    element.addEventListener('earshot-open', onOpen);
    const cancel = whenBodyExists(() => document.body.append(element));
    return {
      close() {
        cancel();
        element.remove();
      },
    };
  },
};
