import { afterEach, describe, expect, it } from 'vitest';
import type { TextQuestion } from '../../../src/core/types.js';
import '../../../src/ui/define.js';
import type { TextQuestionElement } from '../../../src/ui/questions/text/text-question.js';
import { accessibleName, allByRole, getByRole, rendered, typeInto } from '../../support/dom.js';

const question: TextQuestion = { id: 'reason', type: 'text', text: 'What is the main reason for your score?' };

let element: TextQuestionElement;
let changes: unknown[];

async function mount(overrides: Partial<TextQuestion> = {}): Promise<HTMLTextAreaElement | HTMLInputElement> {
  element = document.createElement('earshot-text-question') as TextQuestionElement;
  element.question = { ...question, ...overrides };
  changes = [];
  element.addEventListener('earshot-change', (event) => changes.push((event as CustomEvent).detail.value));
  document.body.append(element);
  await rendered(element);
  return box();
}

const box = () => getByRole(element.shadowRoot!, 'textbox') as HTMLTextAreaElement | HTMLInputElement;
const counter = () => element.shadowRoot!.querySelector('.counter');

async function type(text: string): Promise<void> {
  typeInto(box(), text);
  await rendered(element);
}

afterEach(() => element?.remove());

describe('<earshot-text-question>', () => {
  describe('accessibility', () => {
    it('is one textbox named by the question text', async () => {
      const field = await mount();
      expect(allByRole(element.shadowRoot!, 'textbox')).toHaveLength(1);
      expect(accessibleName(field)).toBe(question.text);
    });

    it('is a multi-line box by default and a single line when multiline is false', async () => {
      expect((await mount()).localName).toBe('textarea');
      element.remove();
      const single = await mount({ multiline: false });
      expect(single.localName).toBe('input');
      expect(accessibleName(single)).toBe(question.text);
    });

    it('shows the placeholder the survey gives, and none by default', async () => {
      expect((await mount()).hasAttribute('placeholder')).toBe(false);
      element.remove();
      expect((await mount({ placeholder: 'Optional' })).getAttribute('placeholder')).toBe('Optional');
    });
  });

  it('limits the text to 1000 characters by default', async () => {
    expect((await mount()).getAttribute('maxlength')).toBe('1000');
  });

  it('limits the text to the maxLength the survey gives', async () => {
    expect((await mount({ maxLength: 140 })).getAttribute('maxlength')).toBe('140');
  });

  it('emits the trimmed text as the visitor types', async () => {
    await mount();
    await type('  Fast delivery  ');
    expect(changes).toEqual(['Fast delivery']);
  });

  it('never reports typing as settled, so a survey never moves on while the visitor types', async () => {
    await mount();
    const settled: unknown[] = [];
    element.addEventListener('earshot-change', (event) => settled.push((event as CustomEvent).detail.settled));
    await type('Fast');
    expect(settled).toEqual([false]);
  });

  it('emits undefined when the box is blank or only spaces', async () => {
    await mount();
    await type('ok');
    await type('   ');
    await type('');
    expect(changes).toEqual(['ok', undefined, undefined]);
  });

  it('does not strip a trailing space the visitor just typed', async () => {
    await mount();
    await type('Fast ');
    expect(box().value).toBe('Fast ');
    await type('Fast d');
    expect(box().value).toBe('Fast d');
    expect(changes).toEqual(['Fast', 'Fast d']);
  });

  it('shows no counter well below the limit', async () => {
    await mount({ maxLength: 100 });
    await type('x'.repeat(79));
    expect(counter()).toBeNull();
  });

  it('shows how many characters are left near the limit, politely announced', async () => {
    await mount({ maxLength: 100 });
    await type('x'.repeat(90));
    expect(counter()?.textContent?.trim()).toBe('10 characters left');
    expect(counter()?.getAttribute('aria-live')).toBe('polite');
    await type('x'.repeat(99));
    expect(counter()?.textContent?.trim()).toBe('1 character left');
  });

  it('shows the counter as soon as 80% of the limit is used', async () => {
    await mount({ maxLength: 100 });
    await type('x'.repeat(80));
    expect(counter()?.textContent?.trim()).toBe('20 characters left');
  });

  it('hides the counter again when the visitor deletes text', async () => {
    await mount({ maxLength: 100 });
    await type('x'.repeat(95));
    await type('x'.repeat(10));
    expect(counter()).toBeNull();
  });

  it('shows the counter near the default limit of 1000 too', async () => {
    await mount();
    await type('x'.repeat(799));
    expect(counter()).toBeNull();
    await type('x'.repeat(950));
    expect(counter()?.textContent?.trim()).toBe('50 characters left');
  });

  it('shows an answer set programmatically (going back to the question) without emitting', async () => {
    await mount();
    element.value = 'Fast delivery';
    await rendered(element);
    expect(box().value).toBe('Fast delivery');
    expect(changes).toEqual([]);
  });
});
