// The ESM face as an app imports it, with an `<earshot-survey>` the page adds before the UI was
// ever loaded: the element is not defined yet and announces nothing, so Earshot looks for it,
// loads the UI and fills it in.
import { expect, it, vi } from 'vitest';
import { init } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { getByRole, rendered } from '../support/dom.js';

const page = usePublicApiPage();

it('renders and delivers an <earshot-survey> a single-page app adds to a view before the UI was loaded', async () => {
  init({ endpoint: '/api/earshot', locale: 'en' });
  await vi.advanceTimersByTimeAsync(5000);
  await settle();
  expect(customElements.get('earshot-survey')).toBeUndefined();

  const view = document.createElement('section');
  view.innerHTML = `<earshot-survey><script type="application/json">${JSON.stringify({
    id: 'docs-feedback',
    questions: [{ id: 'helpful', type: 'thumbs', text: 'Was this page helpful?' }],
  })}</script></earshot-survey>`;
  document.body.append(view);
  await settle();
  // The UI is fetched at idle time (a timer stands in for requestIdleCallback in happy-dom).
  await vi.advanceTimersByTimeAsync(5000);
  await vi.dynamicImportSettled();
  await settle();

  const survey = view.querySelector('earshot-survey')!;
  await rendered(survey);
  expect(survey.getAttribute('display')).toBe('inline');
  getByRole(survey.shadowRoot!, 'radio', 'Thumbs up').click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await vi.advanceTimersByTimeAsync(0);
  await settle();
  expect(page.collector().received()).toMatchObject([{ surveyId: 'docs-feedback', completed: true, answers: { helpful: 1 }, trigger: { manual: true } }]);
  view.remove();
});
