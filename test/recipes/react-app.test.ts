// The React recipe examples/react/App.tsx, rendered by React DOM: `init` in the root's effect, a
// journey point tracked once the visitor reaches the confirmation, the survey it shows answered,
// and the answer at the collector with the tracked event.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { App } from '../../examples/react/App.tsx';
import { flush } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { getByRole, rendered } from '../support/dom.js';
import { settle } from '../support/fakes.js';
import { renderedSurvey } from './inline-survey.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const page = usePublicApiPage();
let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

it('starts Earshot in an effect; the order confirmation tracks the journey point, and the NPS answer reaches the collector', async () => {
  await act(async () => root.render(createElement(App)));
  expect(document.querySelector('earshot-survey')).toBeNull();
  await act(async () => getByRole(container, 'button', 'Place order').click());
  expect(container.textContent).toContain('Thank you for your order');

  const survey = await renderedSurvey(document.body);
  getByRole(survey.shadowRoot!, 'radio', '9').click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await rendered(survey);
  await flush();
  expect(page.collector().received()).toMatchObject([{ surveyId: 'post-checkout-nps', completed: true, answers: { score: 9 }, trigger: { event: 'checkout_completed' } }]);
});

it('unmounted, the app leaves no survey and no Earshot running: a journey point shows nothing', async () => {
  await act(async () => root.render(createElement(App)));
  await act(async () => root.unmount());
  root = createRoot(container);
  const { track } = await import('../../src/index.js');
  track('checkout_completed');
  await settle();
  expect(document.querySelector('earshot-survey')).toBeNull();
});
