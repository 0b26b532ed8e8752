// The ESM face as an app imports it: a survey asked for before the UI was ever loaded (here by
// `show()`, which no idle-time prefetch anticipates) waits for the UI's dynamic import, then shows.
import { expect, it, vi } from 'vitest';
import { addLocale, init, on, show, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { getByRole, rendered, typeInto } from '../support/dom.js';

const page = usePublicApiPage();

// No trigger: it shows only when the page asks, so no page is one where it "may show" at idle time.
const feedback: Survey = {
  id: 'feedback',
  questions: [{ id: 'comment', type: 'text', text: 'What could we do better?' }],
};

it('shows a survey asked for before the UI was loaded once its import settles, in words added before (the live region was placed at init), and delivers', async () => {
  // The words live with the core, not in the UI chunk, so they can be given before it loads.
  addLocale('en', { submit: 'Send feedback' });
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [feedback] });
  const shown: EarshotEvents['shown'][] = [];
  on('shown', (payload) => shown.push(payload));
  await vi.advanceTimersByTimeAsync(5000);
  await settle();
  expect(customElements.get('earshot-survey')).toBeUndefined();
  expect(document.querySelector('earshot-live')).not.toBeNull();

  show('feedback');
  // Nothing on the page yet: the UI is on its way.
  expect(document.querySelector('earshot-survey')).toBeNull();
  expect(shown).toEqual([]);

  await vi.dynamicImportSettled();
  await settle();
  const survey = document.querySelector('earshot-survey')!;
  expect(survey).not.toBeNull();
  expect(shown).toMatchObject([{ surveyId: 'feedback' }]);
  await rendered(survey);
  typeInto(getByRole(survey.shadowRoot!, 'textbox', 'What could we do better?'), 'Faster search');
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Send feedback').click();
  await vi.advanceTimersByTimeAsync(0);
  await settle();
  expect(page.collector().received()).toMatchObject([{ surveyId: 'feedback', completed: true, answers: { comment: 'Faster search' }, trigger: { manual: true } }]);
});
