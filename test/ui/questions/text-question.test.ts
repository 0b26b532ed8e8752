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

describe('<earshot-text-question> with a format', () => {
  type Formatted = TextQuestionElement & { entryProblem: unknown };
  // Number and date fields are no textboxes (a spinbutton, a date field), so found as the one input.
  const formatted = async (format: TextQuestion['format'], overrides: Partial<TextQuestion> = {}) => {
    element = document.createElement('earshot-text-question') as TextQuestionElement;
    element.question = { ...question, format, ...overrides };
    changes = [];
    element.addEventListener('earshot-change', (event) => changes.push((event as CustomEvent).detail.value));
    document.body.append(element);
    await rendered(element);
    return element.shadowRoot!.querySelector('input')!;
  };
  const enter = async (field: HTMLInputElement, text: string, unreadable = false) => {
    // A number or date field the browser cannot read holds '' and says so in validity.badInput.
    if (unreadable) Object.defineProperty(field, 'validity', { configurable: true, value: { badInput: true } });
    typeInto(field, text);
    await rendered(element);
  };

  it.each([
    ['email', 'email', 'email', 'email'],
    ['url', 'url', 'url', 'url'],
    ['phone', 'tel', 'tel', 'tel'],
    ['number', 'number', 'decimal', null],
    ['date', 'date', null, null],
  ] as const)('%s is one native field of type %s, inputmode %s, autocomplete %s, named by the question', async (format, type, inputmode, autocomplete) => {
    const field = await formatted(format);
    expect(element.shadowRoot!.querySelectorAll('input, textarea')).toHaveLength(1);
    expect([field.getAttribute('type'), field.getAttribute('inputmode'), field.getAttribute('autocomplete') === 'off' ? null : field.getAttribute('autocomplete')]).toEqual([
      type,
      inputmode,
      autocomplete,
    ]);
    expect(field.labels?.[0]?.textContent ?? accessibleName(field)).toBe(question.text);
  });

  it('answers an email address once it is one, and nothing while it is not', async () => {
    const field = await formatted('email');
    await enter(field, 'someone@');
    expect(changes.at(-1)).toBeUndefined();
    expect((element as Formatted).entryProblem).toEqual({ format: 'email' });
    await enter(field, ' someone@example.com ');
    expect(changes.at(-1)).toBe('someone@example.com');
    expect((element as Formatted).entryProblem).toBeNull();
  });

  it('answers a number as a number, and keeps the text as typed', async () => {
    const field = await formatted('number');
    await enter(field, '42.50');
    expect(changes.at(-1)).toBe(42.5);
    expect(field.value).toBe('42.50');
    await enter(field, '', true);
    expect(changes.at(-1)).toBeUndefined();
    expect((element as Formatted).entryProblem).toEqual({ format: 'number' });
  });

  it('answers a date as YYYY-MM-DD, and nothing for a date the browser could not read', async () => {
    const field = await formatted('date');
    await enter(field, '2026-12-01');
    expect(changes.at(-1)).toBe('2026-12-01');
    await enter(field, '', true);
    expect((element as Formatted).entryProblem).toEqual({ format: 'date' });
  });

  it('takes web addresses with http(s) only, and phone numbers of digits', async () => {
    const url = await formatted('url');
    await enter(url, 'example.com');
    expect((element as Formatted).entryProblem).toEqual({ format: 'url' });
    await enter(url, 'https://example.com/a?b=c');
    expect(changes.at(-1)).toBe('https://example.com/a?b=c');
    element.remove();
    const phone = await formatted('phone');
    await enter(phone, 'call me');
    expect((element as Formatted).entryProblem).toEqual({ format: 'phone' });
    await enter(phone, '+33 (0)1 23-45-67-89');
    expect(changes.at(-1)).toBe('+33 (0)1 23-45-67-89');
  });

  it('marks the field invalid once the visitor leaves it holding something else, and not before', async () => {
    const field = await formatted('email');
    await enter(field, 'someone');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    field.dispatchEvent(new Event('change'));
    await rendered(element);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await enter(field, 'someone@example.com');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });

  it('has no problem when blank: an optional one is skipped, a required one is the survey’s to ask', async () => {
    await formatted('email');
    expect((element as Formatted).entryProblem).toBeNull();
  });

  it('shows a number answer set from outside (going Back)', async () => {
    element = document.createElement('earshot-text-question') as TextQuestionElement;
    element.question = { ...question, format: 'number' };
    element.value = 7;
    document.body.append(element);
    await rendered(element);
    expect(element.shadowRoot!.querySelector('input')!.value).toBe('7');
  });
});
