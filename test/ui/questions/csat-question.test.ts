import { afterEach, describe, expect, it } from 'vitest';
import type { CsatQuestion } from '../../../src/core/types.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

const question: CsatQuestion = { id: 'delivery', type: 'csat', text: 'How satisfied are you with the delivery?' };

afterEach(unmountQuestions);

const names = (root: ShadowRoot) => allByRole(root, 'radio').map(accessibleName);

describe('<earshot-csat-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text', async () => {
      const { root } = await mountQuestion(question);
      expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(question.text);
    });

    it('has five radios whose names start with their number, then the English label', async () => {
      const { root } = await mountQuestion(question);
      expect(names(root)).toEqual(['1 Very unsatisfied', '2 Unsatisfied', '3 Neutral', '4 Satisfied', '5 Very satisfied']);
    });

    it("names the points with the survey's own labels", async () => {
      const { root } = await mountQuestion({ ...question, labels: ['Awful', 'Bad', 'Okay', 'Good', 'Great'] });
      expect(names(root)).toEqual(['1 Awful', '2 Bad', '3 Okay', '4 Good', '5 Great']);
    });

    it('shows the numbers, with the lowest and highest labels under the ends describing the group', async () => {
      const { root } = await mountQuestion(question);
      expect([...root.querySelectorAll('[part~="option"]')].map((face) => face.textContent?.trim())).toEqual(['1', '2', '3', '4', '5']);
      const ends = root.getElementById(getByRole(root, 'radiogroup').getAttribute('aria-describedby')!);
      expect(ends?.textContent).toContain('Very unsatisfied');
      expect(ends?.textContent).toContain('Very satisfied');
    });
  });

  it('emits the number, settled, when the visitor clicks a point', async () => {
    const { root, changes } = await mountQuestion(question);
    pointerClick(getByRole(root, 'radio', '4 Satisfied'));
    expect(changes).toEqual([{ value: 4, settled: true }]);
  });

  it('emits a point reached with the keyboard as not settled', async () => {
    const { root, changes } = await mountQuestion(question);
    keyboardClick(getByRole(root, 'radio', '1 Very unsatisfied'));
    changeWithoutClick(getByRole(root, 'radio', '2 Unsatisfied'));
    expect(changes).toEqual([
      { value: 1, settled: false },
      { value: 2, settled: false },
    ]);
  });

  it('checks the point of an answer set from outside, without emitting', async () => {
    const { element, root, changes } = await mountQuestion<HTMLElement & { value?: number }>(question);
    element.value = 5;
    await rendered(element);
    expect((getByRole(root, 'radio', '5 Very satisfied') as HTMLInputElement).checked).toBe(true);
    expect(changes).toEqual([]);
  });
});
