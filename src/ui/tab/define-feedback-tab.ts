import { defineOnce } from '../define-once.js';

/** Whether the Feedback tab's element is defined already (bundled, or loaded for an earlier tab), so a tab can be placed at once. */
export const feedbackTabDefined = (): boolean => !!customElements.get('earshot-feedback-tab');

/**
 * Loads the Feedback tab's element and defines it; rejects when its code could not be loaded. The
 * split and ESM builds make it a file of its own, which only a page with a `tab` survey fetches.
 */
export const defineFeedbackTab = (): Promise<void> => import('./feedback-tab.js').then(({ FeedbackTabElement }) => defineOnce({ 'earshot-feedback-tab': FeedbackTabElement }));
