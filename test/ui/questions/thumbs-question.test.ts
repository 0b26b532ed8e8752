import { afterEach, describe, expect, it } from 'vitest';
import type { ThumbsQuestion } from '../../../src/core/types.js';
import { accessibleName, allByRole, getByRole } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

const question: ThumbsQuestion = { id: 'helpful', type: 'thumbs', text: 'Was the size guide helpful?' };

afterEach(unmountQuestions);

describe('<earshot-thumbs-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text with two radios, "Thumbs up" and "Thumbs down"', async () => {
      const { root } = await mountQuestion(question);
      expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(question.text);
      expect(allByRole(root, 'radio').map(accessibleName)).toEqual(['Thumbs up', 'Thumbs down']);
    });

    it('hides the thumb glyphs from screen readers', async () => {
      const { root } = await mountQuestion(question);
      const faces = [...root.querySelectorAll('[part~="option"]')];
      expect(faces.map((face) => face.textContent?.trim())).toEqual(['👍', '👎']);
      for (const face of faces) expect(face.getAttribute('aria-hidden')).toBe('true');
    });

    it('has no end labels', async () => {
      const { root } = await mountQuestion(question);
      expect(getByRole(root, 'radiogroup').hasAttribute('aria-describedby')).toBe(false);
    });
  });

  it('emits 1, settled, for a click on thumbs up and 0 for thumbs down', async () => {
    const { root, changes } = await mountQuestion(question);
    pointerClick(getByRole(root, 'radio', 'Thumbs up'));
    pointerClick(getByRole(root, 'radio', 'Thumbs down'));
    expect(changes).toEqual([
      { value: 1, settled: true },
      { value: 0, settled: true },
    ]);
  });

  it('emits a thumb reached with the keyboard as not settled', async () => {
    const { root, changes } = await mountQuestion(question);
    keyboardClick(getByRole(root, 'radio', 'Thumbs down'));
    changeWithoutClick(getByRole(root, 'radio', 'Thumbs up'));
    expect(changes).toEqual([
      { value: 0, settled: false },
      { value: 1, settled: false },
    ]);
  });

  it('checks thumbs down for an answer of 0 set from outside, without emitting', async () => {
    const { root, changes } = await mountQuestion(question, 0);
    expect((getByRole(root, 'radio', 'Thumbs down') as HTMLInputElement).checked).toBe(true);
    expect((getByRole(root, 'radio', 'Thumbs up') as HTMLInputElement).checked).toBe(false);
    expect(changes).toEqual([]);
  });
});
