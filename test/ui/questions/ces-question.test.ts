import { afterEach, describe, expect, it } from 'vitest';
import type { CesQuestion } from '../../../src/core/types.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

const question: CesQuestion = { id: 'effort', type: 'ces', text: 'The site made it easy for me to find what I wanted.' };

afterEach(unmountQuestions);

const names = (root: ShadowRoot) => allByRole(root, 'radio').map(accessibleName);

describe('<earshot-ces-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text', async () => {
      const { root } = await mountQuestion(question);
      expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(question.text);
    });

    it('has seven radios whose names start with their number, then the English label', async () => {
      const { root } = await mountQuestion(question);
      expect(names(root)).toEqual(['1 Very difficult', '2 Difficult', '3 Somewhat difficult', '4 Neutral', '5 Somewhat easy', '6 Easy', '7 Very easy']);
    });

    it("names the points with the survey's own labels", async () => {
      const labels = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither', 'Somewhat agree', 'Agree', 'Strongly agree'];
      const { root } = await mountQuestion({ ...question, labels });
      expect(names(root)).toEqual(labels.map((label, index) => `${index + 1} ${label}`));
    });

    it('shows the lowest and highest labels under the ends, describing the group', async () => {
      const { root } = await mountQuestion(question);
      const ends = root.getElementById(getByRole(root, 'radiogroup').getAttribute('aria-describedby')!);
      expect(ends?.textContent).toContain('Very difficult');
      expect(ends?.textContent).toContain('Very easy');
    });
  });

  it('emits the number, settled, when the visitor clicks a point', async () => {
    const { root, changes } = await mountQuestion(question);
    pointerClick(getByRole(root, 'radio', '6 Easy'));
    expect(changes).toEqual([{ value: 6, settled: true }]);
  });

  it('emits a point reached with the keyboard as not settled', async () => {
    const { root, changes } = await mountQuestion(question);
    keyboardClick(getByRole(root, 'radio', '7 Very easy'));
    changeWithoutClick(getByRole(root, 'radio', '6 Easy'));
    expect(changes).toEqual([
      { value: 7, settled: false },
      { value: 6, settled: false },
    ]);
  });

  it('checks the point of an answer set from outside, without emitting', async () => {
    const { element, root, changes } = await mountQuestion<HTMLElement & { value?: number }>(question, 3);
    expect((getByRole(root, 'radio', '3 Somewhat difficult') as HTMLInputElement).checked).toBe(true);
    element.value = 1;
    await rendered(element);
    expect((getByRole(root, 'radio', '1 Very difficult') as HTMLInputElement).checked).toBe(true);
    expect((getByRole(root, 'radio', '3 Somewhat difficult') as HTMLInputElement).checked).toBe(false);
    expect(changes).toEqual([]);
  });
});
