import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NpsQuestion } from '../../../src/core/types.js';
import type { NpsQuestionElement } from '../../../src/ui/questions/nps/nps-question.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions, type Mounted } from './question-fixture.js';

const question: NpsQuestion = { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' };

let element: NpsQuestionElement;
let root: ShadowRoot;
let changes: Mounted<NpsQuestionElement>['changes'];

beforeEach(async () => {
  ({ element, root, changes } = await mountQuestion<NpsQuestionElement>(question));
});

afterEach(unmountQuestions);

const radios = () => allByRole(root, 'radio') as HTMLInputElement[];
const checked = () =>
  radios()
    .filter((radio) => radio.checked)
    .map(accessibleName);
const values = () => changes.map((change) => change.value);

describe('<earshot-nps-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text', () => {
      const group = getByRole(root, 'radiogroup');
      expect(group.getAttribute('aria-labelledby')).toBeTruthy();
      expect(accessibleName(group)).toBe(question.text);
    });

    it('has 11 radios named exactly "0" to "10", in order, inside the group', () => {
      const group = getByRole(root, 'radiogroup');
      expect(radios().map(accessibleName)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      for (const radio of radios()) expect(group.contains(radio)).toBe(true);
    });

    it('makes the radios one group, so arrow keys move between them', () => {
      const names = new Set(radios().map((radio) => radio.name));
      expect(names.size).toBe(1);
      expect([...names][0]).not.toBe('');
    });

    it('shows the end labels, defaulting to the English ones, and describes the group with them', () => {
      const group = getByRole(root, 'radiogroup');
      const ends = root.getElementById(group.getAttribute('aria-describedby')!);
      expect(ends?.textContent).toContain('Not at all likely');
      expect(ends?.textContent).toContain('Extremely likely');
    });

    it("shows the survey's own end labels", async () => {
      unmountQuestions();
      ({ root } = await mountQuestion({ ...question, lowLabel: 'Never', highLabel: 'Already did' }));
      expect(root.textContent).toContain('Never');
      expect(root.textContent).toContain('Already did');
      expect(root.textContent).not.toContain('Not at all likely');
    });

    it('has nothing checked before the visitor chooses', () => {
      expect(checked()).toEqual([]);
    });
  });

  it('emits the number, settled, when the visitor clicks a score', () => {
    pointerClick(getByRole(root, 'radio', '9'));
    expect(changes).toEqual([{ value: 9, settled: true }]);
    expect(checked()).toEqual(['9']);
  });

  it('emits 0, not nothing, for a score of 0', () => {
    pointerClick(getByRole(root, 'radio', '0'));
    expect(values()).toEqual([0]);
  });

  it('emits each new choice when the visitor changes their mind', () => {
    pointerClick(getByRole(root, 'radio', '3'));
    pointerClick(getByRole(root, 'radio', '10'));
    expect(values()).toEqual([3, 10]);
    expect(checked()).toEqual(['10']);
  });

  it('emits a score reached with the keyboard as not settled, so the survey does not move on', () => {
    keyboardClick(getByRole(root, 'radio', '4'));
    keyboardClick(getByRole(root, 'radio', '5'));
    expect(changes).toEqual([
      { value: 4, settled: false },
      { value: 5, settled: false },
    ]);
  });

  it('emits a change that came without a click once, not settled', () => {
    changeWithoutClick(getByRole(root, 'radio', '6'));
    expect(changes).toEqual([{ value: 6, settled: false }]);
  });

  it('emits once per click, not again for the change that follows it', () => {
    pointerClick(getByRole(root, 'radio', '8'));
    expect(changes).toHaveLength(1);
  });

  it('emits again, settled, when the visitor clicks the score already chosen (autoAdvance after going back)', async () => {
    element.value = 7;
    await rendered(element);
    pointerClick(getByRole(root, 'radio', '7'));
    expect(changes).toEqual([{ value: 7, settled: true }]);
  });

  it('lets the earshot-change event bubble to the survey around it', () => {
    const heard: unknown[] = [];
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    wrapper.append(element);
    wrapper.addEventListener('earshot-change', (event) => heard.push((event as CustomEvent).detail.value));
    pointerClick(getByRole(root, 'radio', '7'));
    expect(heard).toEqual([7]);
    wrapper.remove();
  });

  it('does not emit earshot-change when the value is set programmatically, but shows it', async () => {
    element.value = 6;
    await rendered(element);
    expect(checked()).toEqual(['6']);
    expect(changes).toEqual([]);
  });
});
