// The README's React recipe, examples/react/EarshotSurvey.tsx, rendered by React DOM: the survey
// element appears with its definition, the visitor's answers reach the callbacks and the
// collector, and unmounting leaves no listener behind.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EarshotSurvey } from '../../examples/react/EarshotSurvey.tsx';
import { flush } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { answerThumbsUp, DOCS_HELPFUL, renderedSurvey, surveyText } from './inline-survey.js';

// Tells React that updates are wrapped in act(), as its testing docs ask.
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

it('renders the definition inline, starts Earshot with its endpoint, and reports answers to its callbacks and the collector', async () => {
  const onShown = vi.fn();
  const onAnswered = vi.fn();
  const onCompleted = vi.fn();
  await act(async () => root.render(createElement(EarshotSurvey, { survey: DOCS_HELPFUL, endpoint: '/api/earshot', onShown, onAnswered, onCompleted })));
  const survey = await renderedSurvey(container);
  expect(surveyText(survey)).toContain('Was this page helpful?');
  expect(onShown).toHaveBeenCalledWith({ surveyId: 'docs-helpful', trigger: { manual: true } });

  await answerThumbsUp(survey);
  expect(onCompleted).toHaveBeenCalledTimes(1);
  expect(onCompleted).toHaveBeenCalledWith(expect.objectContaining({ surveyId: 'docs-helpful', answers: { helpful: 1 } }));
  await flush();
  expect(page.collector().requests.map((request) => request.url)).toEqual(['/api/earshot']);
  expect(page.collector().received()).toMatchObject([{ surveyId: 'docs-helpful', completed: true, answers: { helpful: 1 }, trigger: { manual: true } }]);
});

it('calls the latest callback after a re-render, and none once unmounted', async () => {
  const first = vi.fn();
  const second = vi.fn();
  await act(async () => root.render(createElement(EarshotSurvey, { survey: DOCS_HELPFUL, endpoint: '/api/earshot', onDismissed: first })));
  const survey = await renderedSurvey(container);
  const dismissed = () => survey.dispatchEvent(new CustomEvent('earshot:dismissed', { detail: { surveyId: 'docs-helpful', responseId: null, answers: {} } }));

  await act(async () => root.render(createElement(EarshotSurvey, { survey: DOCS_HELPFUL, endpoint: '/api/earshot', onDismissed: second })));
  expect(container.querySelector('earshot-survey')).toBe(survey);
  dismissed();
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledWith({ surveyId: 'docs-helpful', responseId: null, answers: {} });

  await act(async () => root.unmount());
  dismissed();
  expect(second).toHaveBeenCalledTimes(1);
  root = createRoot(container);
});
