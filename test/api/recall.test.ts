// What the visitor reads when texts recall values (docs/architecture.md §2), through the public API
// and the real UI: values put in as text, never markup; an earlier answer in a later question; and
// the response's `questions[].text` as shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flush, identify, init, setContext, show, track, type EarshotConfig, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { getByRole, rendered, walk } from '../support/dom.js';
import { settle, type FakeCollector } from '../support/fakes.js';

const HOSTILE = '<img src=x onerror="window.__recalled=1">';

const plan: Survey = {
  id: 'plan',
  trigger: { event: 'plan_viewed' },
  questions: [
    { id: 'fit', type: 'choice', text: 'How well does {{context.plan | your plan}} fit, {{user.traits.name | friend}}?', options: [{ id: 'well', label: 'Well' }, 'Badly'] },
    { id: 'why', type: 'text', text: 'Why "{{answers.fit}}"?', optional: true, placeholder: 'About {{context.plan}}' },
  ],
  thanks: 'Thanks, {{user.traits.name | friend}}!',
};

const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({ endpoint: '/api/earshot', locale: 'en', surveys: [plan], ...overrides });

let collector: FakeCollector;
const page = usePublicApiPage();

beforeEach(() => {
  collector = page.collector();
  delete (window as { __recalled?: number }).__recalled;
});

async function start(given: EarshotConfig): Promise<void> {
  init(given);
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

async function survey(): Promise<Element> {
  const found = document.body.querySelector('earshot-survey')!;
  await rendered(found);
  for (const element of walk(found.shadowRoot!)) if ('updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return found;
}

/** All text the visitor can read in the survey, shadow roots included. */
const textOf = (element: Element) =>
  [...walk(element.shadowRoot!)]
    .map((one) =>
      [...one.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(''),
    )
    .join(' ');

describe('recalled values', () => {
  it('show as text, never markup: a value that looks like HTML adds no element and runs nothing', async () => {
    await start(config());
    setContext({ plan: HOSTILE });
    identify('u_1', { name: '<b>Ada</b>' });
    show('plan');
    const element = await survey();
    expect(getByRole(element.shadowRoot!, 'radiogroup', `How well does ${HOSTILE} fit, <b>Ada</b>?`)).toBeTruthy();
    const tags = [...walk(element.shadowRoot!)].map((one) => one.localName);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('b');
    await vi.advanceTimersByTimeAsync(50);
    expect((window as { __recalled?: number }).__recalled).toBeUndefined();
  });

  it('use their fallback when there is no value', async () => {
    await start(config());
    show('plan');
    const element = await survey();
    expect(getByRole(element.shadowRoot!, 'radiogroup', 'How well does your plan fit, friend?')).toBeTruthy();
  });

  it("put an earlier answer (a choice's label) into a later question, and the response records each text as shown", async () => {
    await start(config({ context: { plan: 'Pro' }, user: { id: 'u_1', traits: { name: 'Ada' } } }));
    show('plan');
    let element = await survey();
    getByRole(element.shadowRoot!, 'radio', 'Well').click();
    await rendered(element);
    getByRole(element.shadowRoot!, 'button', 'Next').click();
    element = await survey();
    const why = getByRole(element.shadowRoot!, 'textbox', 'Why "Well"?');
    expect(why.getAttribute('placeholder')).toBe('About Pro');
    getByRole(element.shadowRoot!, 'button', 'Submit').click();
    element = await survey();
    expect(textOf(element)).toContain('Thanks, Ada!');
    await flush();
    const response = collector.received().at(-1)!;
    expect(response.questions.map(({ id, text }) => ({ id, text }))).toEqual([{ id: 'fit', text: 'How well does Pro fit, Ada?' }]);
    expect(response.context).toEqual({ plan: 'Pro' });
  });

  it('announce a popover that appears on its own with its text as shown', async () => {
    await start(config({ context: { plan: 'Pro' } }));
    track('plan_viewed');
    await survey();
    await vi.advanceTimersByTimeAsync(200);
    expect(document.querySelector('earshot-live')?.textContent).toBe('A feedback survey opened: How well does Pro fit, friend?');
  });
});
