import { defineOnce } from './define-once.js';
import { SurveyElement } from './survey/survey.js';
import { FeedbackTabElement } from './tab/feedback-tab.js';

/**
 * Where the survey's elements are registered; importing a class alone registers nothing. The
 * question kinds' elements are defined when a survey needs them (questions/registry.ts), and the
 * debug panel registers itself in debug-panel/show-debug-panel.ts, a module loaded on demand.
 */
defineOnce({
  'earshot-survey': SurveyElement,
  'earshot-feedback-tab': FeedbackTabElement,
});
