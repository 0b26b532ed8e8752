import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, MatrixQuestion } from '../../../src/core/types.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

type MatrixElement = HTMLElement & { question: MatrixQuestion; value?: Answer };

const grid: MatrixQuestion = {
  id: 'grid',
  type: 'matrix',
  text: 'How much do you agree?',
  rows: [
    { id: 'easy', label: 'It was easy' },
    { id: 'fast', label: 'It was fast' },
    { id: 'fun', label: 'It was fun' },
  ],
  columns: [
    { value: 1, label: 'Disagree' },
    { value: 2, label: 'Neutral' },
    { value: 3, label: 'Agree' },
  ],
};

afterEach(unmountQuestions);

const mount = (value?: Answer) => mountQuestion<MatrixElement>(grid, value);
/** The radio of `column` in the row named `statement`. */
const radio = (root: ShadowRoot, statement: string, column: string) => getByRole(getByRole(root, 'radiogroup', statement), 'radio', column) as HTMLInputElement;

describe('<earshot-matrix-question>', () => {
  describe('accessibility', () => {
    it('is a group named by the question, with a radiogroup per row named by its statement', async () => {
      const { root } = await mount();
      expect(accessibleName(getByRole(root, 'group'))).toBe(grid.text);
      expect(allByRole(root, 'radiogroup').map(accessibleName)).toEqual(['It was easy', 'It was fast', 'It was fun']);
    });

    it('names each radio by its column label, in every row', async () => {
      const { root } = await mount();
      for (const row of allByRole(root, 'radiogroup')) expect(allByRole(row, 'radio').map(accessibleName)).toEqual(['Disagree', 'Neutral', 'Agree']);
    });

    it('groups the radios row by row, so arrow keys move along a row and never into the next', async () => {
      const { root } = await mount();
      const names = allByRole(root, 'radiogroup').map((row) => new Set(allByRole(row, 'radio').map((input) => (input as HTMLInputElement).name)));
      expect(names.map((set) => set.size)).toEqual([1, 1, 1]);
      expect(new Set(names.flatMap((set) => [...set])).size).toBe(3);
    });
  });

  it("answers { rowId: value } with every row answered so far, in the rows' order", async () => {
    const { root, changes } = await mount();
    pointerClick(radio(root, 'It was fun', 'Agree'));
    pointerClick(radio(root, 'It was easy', 'Neutral'));
    expect(changes.map((change) => change.value)).toEqual([{ fun: 3 }, { easy: 2, fun: 3 }]);
    expect(Object.keys(changes[1].value as object)).toEqual(['easy', 'fun']);
  });

  it('takes a row changed with the keyboard (Space, or arrows that fire no click)', async () => {
    const { root, changes } = await mount();
    keyboardClick(radio(root, 'It was fast', 'Disagree'));
    changeWithoutClick(radio(root, 'It was fast', 'Neutral'));
    expect(changes.map((change) => change.value)).toEqual([{ fast: 1 }, { fast: 2 }]);
    // A matrix never moves the survey on by itself.
    expect(changes.every((change) => !change.settled)).toBe(true);
  });

  it('checks the points of an answer set from outside (going Back), without emitting', async () => {
    const { element, root, changes } = await mount({ easy: 3, fun: 1 });
    expect(radio(root, 'It was easy', 'Agree').checked).toBe(true);
    expect(radio(root, 'It was fun', 'Disagree').checked).toBe(true);
    expect(allByRole(getByRole(root, 'radiogroup', 'It was fast'), 'radio').some((input) => (input as HTMLInputElement).checked)).toBe(false);
    element.value = { fast: 2 };
    await rendered(element);
    expect(radio(root, 'It was fast', 'Neutral').checked).toBe(true);
    expect(radio(root, 'It was easy', 'Agree').checked).toBe(false);
    expect(changes).toEqual([]);
  });
});
