import { defineOnce } from './define-once.js';
import { SurveyElement } from './survey/survey.js';

/**
 * Where the survey's element is registered; importing a class alone registers nothing. The
 * question kinds' elements are defined when a survey needs them (questions/registry.ts), as is the
 * Feedback tab's (tab/define-feedback-tab.ts), and the debug panel registers itself in
 * debug-panel/show-debug-panel.ts, a module loaded on demand.
 */
defineOnce({
  'earshot-survey': SurveyElement,
});
