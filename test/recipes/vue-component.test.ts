// The README's Vue recipe, examples/vue/EarshotSurvey.ts (a render function, no template
// compiler), mounted by Vue: the survey element appears with its definition, the visitor's answers
// are emitted and reach the collector, a new definition is a new survey, and unmounting removes
// its listeners.
import { createApp, defineComponent, h, nextTick, ref, type App } from 'vue';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EarshotSurvey } from '../../examples/vue/EarshotSurvey.ts';
import { flush, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { answerThumbsUp, DOCS_HELPFUL, renderedSurvey, surveyText } from './inline-survey.js';

const page = usePublicApiPage();
let container: HTMLElement;
let app: App | undefined;

beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  container.remove();
});

/** Mounts the component in an app that passes `definition` to it and records what it emits. */
function mount(definition = ref<Survey>(DOCS_HELPFUL)) {
  const emitted = { shown: vi.fn(), answered: vi.fn(), completed: vi.fn(), dismissed: vi.fn() };
  const Page = defineComponent(
    () => () =>
      h(EarshotSurvey, {
        survey: definition.value,
        endpoint: '/api/earshot',
        onShown: emitted.shown,
        onAnswered: emitted.answered,
        onCompleted: emitted.completed,
        onDismissed: emitted.dismissed,
      }),
  );
  app = createApp(Page);
  app.mount(container);
  return emitted;
}

it('renders the definition inline, starts Earshot with its endpoint, and emits the answers the collector receives', async () => {
  const emitted = mount();
  const survey = await renderedSurvey(container);
  expect(surveyText(survey)).toContain('Was this page helpful?');
  expect(emitted.shown).toHaveBeenCalledWith({ surveyId: 'docs-helpful', trigger: { manual: true } });

  await answerThumbsUp(survey);
  expect(emitted.completed).toHaveBeenCalledTimes(1);
  expect(emitted.completed).toHaveBeenCalledWith(expect.objectContaining({ surveyId: 'docs-helpful', answers: { helpful: 1 } }));
  await flush();
  expect(page.collector().requests.map((request) => request.url)).toEqual(['/api/earshot']);
  expect(page.collector().received()).toMatchObject([{ surveyId: 'docs-helpful', completed: true, answers: { helpful: 1 }, trigger: { manual: true } }]);
});

it('shows a new survey when the definition changes, and emits nothing once unmounted', async () => {
  const definition = ref<Survey>(DOCS_HELPFUL);
  const emitted = mount(definition);
  const first = await renderedSurvey(container);

  definition.value = { id: 'docs-clear', questions: [{ id: 'clear', type: 'thumbs', text: 'Was this page clear?' }] };
  await nextTick();
  const second = await renderedSurvey(container);
  expect(second).not.toBe(first);
  expect(surveyText(second)).toContain('Was this page clear?');
  await answerThumbsUp(second);
  expect(emitted.completed).toHaveBeenCalledWith(expect.objectContaining({ surveyId: 'docs-clear', answers: { clear: 1 } }));

  // Vue drops what an unmounted component emits anyway: what is left to see is the element let go.
  const removed = vi.spyOn(second, 'removeEventListener');
  app!.unmount();
  app = undefined;
  expect(new Set(removed.mock.calls.map(([type]) => type))).toEqual(new Set(['earshot:shown', 'earshot:answered', 'earshot:completed', 'earshot:dismissed', 'earshot:error']));
});
