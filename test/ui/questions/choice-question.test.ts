import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer, ChoiceQuestion } from '../../../src/core/types.js';
import { accessibleDescription, accessibleName, allByRole, getByRole, queryByRole, rendered, typeInto } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

type ChoiceElement = HTMLElement & { question: ChoiceQuestion; value?: Answer; updateComplete: Promise<boolean> };

const single: ChoiceQuestion = {
  id: 'found',
  type: 'choice',
  text: 'How did you hear about us?',
  options: ['Search engine', { id: 'friend', label: 'A friend' }, 'Social media'],
};
const multiple: ChoiceQuestion = {
  id: 'features',
  type: 'choice',
  text: 'Which things matter most to you?',
  multiple: true,
  options: ['Price', { id: 'returns', label: 'Free returns' }, 'Delivery speed', 'Quality'],
};

afterEach(() => {
  unmountQuestions();
  vi.restoreAllMocks();
});

const mount = (question: ChoiceQuestion, value?: Answer) => mountQuestion<ChoiceElement>(question, value);
const shown = (root: ShadowRoot, role = 'radio') => allByRole(root, role).map(accessibleName);
const checkedNames = (root: ShadowRoot, role = 'radio') =>
  allByRole(root, role)
    .filter((input) => (input as HTMLInputElement).checked)
    .map(accessibleName);
const otherField = (root: ShadowRoot) => queryByRole(root, 'textbox', 'Other, please specify') as HTMLInputElement | null;

async function typeOther(element: ChoiceElement, text: string): Promise<void> {
  typeInto(otherField(element.shadowRoot!)!, text);
  await rendered(element);
}

describe('<earshot-choice-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text, with a radio named by each label', async () => {
      const { root } = await mount(single);
      expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(single.text);
      expect(shown(root)).toEqual(['Search engine', 'A friend', 'Social media']);
      expect(allByRole(root, 'checkbox')).toEqual([]);
    });

    it('is a group of checkboxes named by the question text when several may be chosen', async () => {
      const { root } = await mount(multiple);
      expect(accessibleName(getByRole(root, 'group'))).toBe(multiple.text);
      expect(queryByRole(root, 'radiogroup')).toBeNull();
      expect(shown(root, 'checkbox')).toEqual(['Price', 'Free returns', 'Delivery speed', 'Quality']);
      expect(allByRole(root, 'radio')).toEqual([]);
    });

    it('puts the radios in one group, so arrow keys move between them', async () => {
      const { root } = await mount(single);
      expect(new Set(allByRole(root, 'radio').map((radio) => (radio as HTMLInputElement).name)).size).toBe(1);
    });

    it('adds "Other" last, and no text field until it is picked', async () => {
      const { root } = await mount({ ...single, other: true });
      expect(shown(root)).toEqual(['Search engine', 'A friend', 'Social media', 'Other']);
      expect(otherField(root)).toBeNull();
    });
  });

  describe('single', () => {
    it('emits the string of a string option, settled, when the visitor clicks it', async () => {
      const { root, changes } = await mount(single);
      pointerClick(getByRole(root, 'radio', 'Social media'));
      expect(changes).toEqual([{ value: 'Social media', settled: true }]);
      expect(checkedNames(root)).toEqual(['Social media']);
    });

    it('emits the id of an { id, label } option, not its label', async () => {
      const { root, changes } = await mount(single);
      pointerClick(getByRole(root, 'radio', 'A friend'));
      expect(changes).toEqual([{ value: 'friend', settled: true }]);
    });

    it('emits an option reached with the keyboard as not settled, once per change', async () => {
      const { root, changes } = await mount(single);
      keyboardClick(getByRole(root, 'radio', 'Search engine'));
      changeWithoutClick(getByRole(root, 'radio', 'A friend'));
      expect(changes).toEqual([
        { value: 'Search engine', settled: false },
        { value: 'friend', settled: false },
      ]);
    });

    it('checks the option of an answer set from outside (an id or a string), without emitting', async () => {
      const { element, root, changes } = await mount(single, 'friend');
      expect(checkedNames(root)).toEqual(['A friend']);
      element.value = 'Search engine';
      await rendered(element);
      expect(checkedNames(root)).toEqual(['Search engine']);
      expect(changes).toEqual([]);
    });
  });

  describe('multiple', () => {
    it("emits the chosen options in the options' order, not the order they were clicked", async () => {
      const { root, changes } = await mount(multiple);
      pointerClick(getByRole(root, 'checkbox', 'Quality'));
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      pointerClick(getByRole(root, 'checkbox', 'Free returns'));
      expect(changes.map((change) => change.value)).toEqual([['Quality'], ['Price', 'Quality'], ['Price', 'returns', 'Quality']]);
    });

    it('never settles, since the visitor may choose more', async () => {
      const { root, changes } = await mount(multiple);
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      keyboardClick(getByRole(root, 'checkbox', 'Quality'));
      expect(changes.map((change) => change.settled)).toEqual([false, false]);
    });

    it('emits undefined once the last choice is unchecked', async () => {
      const { root, changes } = await mount(multiple);
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      expect(changes.map((change) => change.value)).toEqual([['Price'], undefined]);
    });

    it('emits a change that came without a click once', async () => {
      const { root, changes } = await mount(multiple);
      changeWithoutClick(getByRole(root, 'checkbox', 'Delivery speed'));
      expect(changes).toEqual([{ value: ['Delivery speed'], settled: false }]);
    });

    it('leaves min and max to the survey: it reports every choice', async () => {
      const { root, changes } = await mount({ ...multiple, min: 2, max: 2 });
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      for (const name of ['Free returns', 'Delivery speed']) pointerClick(getByRole(root, 'checkbox', name));
      expect(changes.map((change) => change.value)).toEqual([['Price'], ['Price', 'returns'], ['Price', 'returns', 'Delivery speed']]);
    });

    it('checks the options of an answer set from outside, without emitting', async () => {
      const { root, changes } = await mount(multiple, ['Price', 'returns']);
      expect(checkedNames(root, 'checkbox')).toEqual(['Price', 'Free returns']);
      expect(changes).toEqual([]);
    });
  });

  describe('"Other"', () => {
    it('reveals a text field named "Other, please specify" when picked, and answers nothing while it is blank', async () => {
      const { element, root, changes } = await mount({ ...single, other: true }, 'Search engine');
      pointerClick(getByRole(root, 'radio', 'Other'));
      await rendered(element);
      expect(otherField(root)).not.toBeNull();
      expect(changes).toEqual([{ value: undefined, settled: false }]);
      expect(checkedNames(root)).toEqual(['Other']);
    });

    it('puts focus in its text field when clicked, but not when arrow keys pass over it', async () => {
      const { element, root } = await mount({ ...single, other: true });
      keyboardClick(getByRole(root, 'radio', 'Other'));
      await rendered(element);
      await element.updateComplete;
      expect(root.activeElement).not.toBe(otherField(root));
      pointerClick(getByRole(root, 'radio', 'Search engine'));
      pointerClick(getByRole(root, 'radio', 'Other'));
      await rendered(element);
      await element.updateComplete;
      expect(root.activeElement).toBe(otherField(root));
    });

    it('answers { other } with the typed text, trimmed', async () => {
      const { element, root, changes } = await mount({ ...single, other: true });
      pointerClick(getByRole(root, 'radio', 'Other'));
      await rendered(element);
      await typeOther(element, '  A podcast ');
      expect(changes.at(-1)).toEqual({ value: { other: 'A podcast' }, settled: false });
      expect(otherField(root)!.value).toBe('  A podcast ');
      await typeOther(element, '   ');
      expect(changes.at(-1)?.value).toBeUndefined();
      expect(checkedNames(root)).toEqual(['Other']);
      expect(otherField(root)).not.toBeNull();
    });

    it('hides the field again and answers the option when another one is picked', async () => {
      const { element, root, changes } = await mount({ ...single, other: true });
      pointerClick(getByRole(root, 'radio', 'Other'));
      await rendered(element);
      await typeOther(element, 'A podcast');
      pointerClick(getByRole(root, 'radio', 'A friend'));
      await rendered(element);
      expect(changes.at(-1)).toEqual({ value: 'friend', settled: true });
      expect(otherField(root)).toBeNull();
    });

    it('places { other } last among multiple choices, and leaves it out while blank', async () => {
      const { element, root, changes } = await mount({ ...multiple, other: true });
      pointerClick(getByRole(root, 'checkbox', 'Other'));
      await rendered(element);
      expect(changes.at(-1)?.value).toBeUndefined();
      pointerClick(getByRole(root, 'checkbox', 'Quality'));
      await rendered(element);
      expect(changes.at(-1)?.value).toEqual(['Quality']);
      await typeOther(element, 'Packaging');
      pointerClick(getByRole(root, 'checkbox', 'Price'));
      await rendered(element);
      expect(changes.at(-1)?.value).toEqual(['Price', 'Quality', { other: 'Packaging' }]);
      pointerClick(getByRole(root, 'checkbox', 'Other'));
      await rendered(element);
      expect(changes.at(-1)?.value).toEqual(['Price', 'Quality']);
      expect(otherField(root)).toBeNull();
    });

    it('shows an { other } answer set from outside: Other checked, its text in the field', async () => {
      const { root, changes } = await mount({ ...multiple, other: true }, ['Price', { other: 'Packaging' }]);
      expect(checkedNames(root, 'checkbox')).toEqual(['Price', 'Other']);
      expect(otherField(root)?.value).toBe('Packaging');
      expect(changes).toEqual([]);
    });

    it('starts blank again when the element is reused for another question', async () => {
      const { element, root } = await mount({ ...single, other: true }, { other: 'A podcast' });
      expect(otherField(root)?.value).toBe('A podcast');
      element.question = { ...single, id: 'next', other: true };
      element.value = undefined;
      await rendered(element);
      expect(otherField(root)).toBeNull();
      expect(checkedNames(root)).toEqual([]);
    });
  });

  describe('shuffle', () => {
    it('shows the options in a random order, Other still last', async () => {
      // Random keys that reverse the four options.
      const keys = [0.9, 0.6, 0.3, 0.1];
      vi.spyOn(Math, 'random').mockImplementation(() => keys.shift() ?? 0.5);
      const { root } = await mount({ ...multiple, shuffle: true, other: true });
      expect(shown(root, 'checkbox')).toEqual(['Quality', 'Delivery speed', 'Free returns', 'Price', 'Other']);
    });

    it("keeps the options' defined order in the answer", async () => {
      const keys = [0.9, 0.6, 0.3, 0.1];
      vi.spyOn(Math, 'random').mockImplementation(() => keys.shift() ?? 0.5);
      const { element, root, changes } = await mount({ ...multiple, shuffle: true, other: true });
      pointerClick(getByRole(root, 'checkbox', 'Other'));
      await rendered(element);
      await typeOther(element, 'Packaging');
      for (const name of ['Quality', 'Price', 'Delivery speed']) pointerClick(getByRole(root, 'checkbox', name));
      expect(changes.at(-1)?.value).toEqual(['Price', 'Delivery speed', 'Quality', { other: 'Packaging' }]);
    });

    it('keeps its order for as long as the element shows the question', async () => {
      const { element, root } = await mount({ ...multiple, shuffle: true });
      const first = shown(root, 'checkbox');
      expect([...first].sort()).toEqual(['Delivery speed', 'Free returns', 'Price', 'Quality']);
      for (const name of first) {
        pointerClick(getByRole(root, 'checkbox', name));
        await rendered(element);
        expect(shown(root, 'checkbox')).toEqual(first);
      }
    });
  });
});

describe('<earshot-choice-question> with pictures', () => {
  const mugs: ChoiceQuestion = {
    id: 'mug',
    type: 'choice',
    text: 'Which mug do you prefer?',
    options: [
      { id: 'blue', label: 'Blue', image: 'https://cdn.example/blue.png', alt: 'A tall blue mug' },
      { id: 'red', label: 'Red', image: '/img/red.png', alt: 'A short red mug' },
      'Neither',
    ],
  };

  it('shows a grid of cards, each picture with its alt text, and the same radiogroup as any choice', async () => {
    const { root } = await mount(mugs);
    expect(root.querySelector('.options')!.classList.contains('pictures')).toBe(true);
    expect([...root.querySelectorAll('img')].map((img) => [img.getAttribute('src'), img.getAttribute('alt')])).toEqual([
      ['https://cdn.example/blue.png', 'A tall blue mug'],
      ['/img/red.png', 'A short red mug'],
    ]);
    expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(mugs.text);
    expect(shown(root)).toEqual(['Blue', 'Red', 'Neither']);
  });

  it('names each option by its label alone, and describes it by its picture', async () => {
    const { root } = await mount(mugs);
    expect(accessibleDescription(getByRole(root, 'radio', 'Blue'))).toBe('A tall blue mug');
    expect(accessibleDescription(getByRole(root, 'radio', 'Neither'))).toBe('');
  });

  it('answers as any choice, by pointer and keyboard, single and multiple, with Other', async () => {
    const { root, changes } = await mount(mugs);
    pointerClick(getByRole(root, 'radio', 'Red'));
    keyboardClick(getByRole(root, 'radio', 'Blue'));
    expect(changes).toEqual([
      { value: 'red', settled: true },
      { value: 'blue', settled: false },
    ]);
    unmountQuestions();
    const several = await mount({ ...mugs, multiple: true, other: true });
    pointerClick(getByRole(several.root, 'checkbox', 'Red'));
    pointerClick(getByRole(several.root, 'checkbox', 'Blue'));
    expect(several.changes.at(-1)?.value).toEqual(['blue', 'red']);
    expect(allByRole(several.root, 'checkbox').map(accessibleName)).toEqual(['Blue', 'Red', 'Neither', 'Other']);
  });
});
