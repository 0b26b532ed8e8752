import { defineOnce } from './define-once.js';
import { QUESTION_ELEMENTS } from './questions/registry.js';
import { SurveyElement } from './survey/survey.js';
import { FeedbackTabElement } from './tab/feedback-tab.js';

/**
 * Where the survey's elements are registered; importing a class alone registers nothing. (The
 * debug panel registers itself in debug-panel/show-debug-panel.ts, a module loaded on demand.)
 */
defineOnce({
  'earshot-survey': SurveyElement,
  'earshot-feedback-tab': FeedbackTabElement,
  // One element per question kind, from the kinds' table.
  ...Object.fromEntries(Object.values(QUESTION_ELEMENTS).map(({ tag, element }) => [tag, element])),
});
