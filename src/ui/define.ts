import { DebugPanelElement } from './debug-panel/debug-panel.js';
import { CesQuestionElement } from './questions/ces/ces-question.js';
import { ChoiceQuestionElement } from './questions/choice/choice-question.js';
import { CsatQuestionElement } from './questions/csat/csat-question.js';
import { NpsQuestionElement } from './questions/nps/nps-question.js';
import { RatingQuestionElement } from './questions/rating/rating-question.js';
import { TextQuestionElement } from './questions/text/text-question.js';
import { ThumbsQuestionElement } from './questions/thumbs/thumbs-question.js';
import { SurveyElement } from './survey/survey.js';
import { FeedbackTabElement } from './tab/feedback-tab.js';

/** The one place elements are registered; importing a class alone registers nothing. */
const ELEMENTS: Record<string, CustomElementConstructor> = {
  'earshot-survey': SurveyElement,
  'earshot-feedback-tab': FeedbackTabElement,
  'earshot-debug-panel': DebugPanelElement,
  'earshot-nps-question': NpsQuestionElement,
  'earshot-rating-question': RatingQuestionElement,
  'earshot-csat-question': CsatQuestionElement,
  'earshot-ces-question': CesQuestionElement,
  'earshot-thumbs-question': ThumbsQuestionElement,
  'earshot-choice-question': ChoiceQuestionElement,
  'earshot-text-question': TextQuestionElement,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  // Two copies of Earshot on one page must not throw on the second registration.
  if (!customElements.get(name)) customElements.define(name, element);
}
