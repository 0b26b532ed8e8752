import { CesQuestionElement } from './questions/ces/ces-question.js';
import { ChoiceQuestionElement } from './questions/choice/choice-question.js';
import { CsatQuestionElement } from './questions/csat/csat-question.js';
import { NpsQuestionElement } from './questions/nps/nps-question.js';
import { RatingQuestionElement } from './questions/rating/rating-question.js';
import { TextQuestionElement } from './questions/text/text-question.js';
import { ThumbsQuestionElement } from './questions/thumbs/thumbs-question.js';
import { defineOnce } from './define-once.js';
import { SurveyElement } from './survey/survey.js';
import { FeedbackTabElement } from './tab/feedback-tab.js';

/**
 * Where the survey's elements are registered; importing a class alone registers nothing. (The
 * debug panel registers itself in debug-panel/show-debug-panel.ts, a module loaded on demand.)
 */
defineOnce({
  'earshot-survey': SurveyElement,
  'earshot-feedback-tab': FeedbackTabElement,
  'earshot-nps-question': NpsQuestionElement,
  'earshot-rating-question': RatingQuestionElement,
  'earshot-csat-question': CsatQuestionElement,
  'earshot-ces-question': CesQuestionElement,
  'earshot-thumbs-question': ThumbsQuestionElement,
  'earshot-choice-question': ChoiceQuestionElement,
  'earshot-text-question': TextQuestionElement,
});
