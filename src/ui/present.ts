import type { Presenter } from '../core/presenter.js';
import './define.js';
import type { SurveyElement } from './survey/survey.js';

/** Shows a survey as an `<earshot-survey>` at the end of the body. */
export const presentSurvey: Presenter = ({ survey, locale, callbacks }) => {
  const element = document.createElement('earshot-survey') as SurveyElement;
  element.survey = survey;
  element.locale = locale;
  element.callbacks = callbacks;
  const attach = () => document.body.append(element);
  // A script in <head> may show a survey before <body> exists.
  if (document.body) attach();
  else addEventListener('DOMContentLoaded', attach, { once: true });
  return {
    close() {
      removeEventListener('DOMContentLoaded', attach);
      element.remove();
    },
  };
};
