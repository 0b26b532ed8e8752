import { afterEach, describe, expect, it } from 'vitest';
import type { RatingQuestion } from '../../../src/core/types.js';
import { ENGLISH } from '../../../src/i18n/strings.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { changeWithoutClick, keyboardClick, mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

const question: RatingQuestion = { id: 'order', type: 'rating', text: 'How would you rate your order?' };

afterEach(unmountQuestions);

const names = (root: ShadowRoot) => allByRole(root, 'radio').map(accessibleName);
/** What each point shows, as a sighted visitor sees it. */
const faces = (root: ShadowRoot) => [...root.querySelectorAll('[part~="option"]')].map((face) => face.textContent?.trim());

describe('<earshot-rating-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text', async () => {
      const { root } = await mountQuestion(question);
      expect(accessibleName(getByRole(root, 'radiogroup'))).toBe(question.text);
    });

    it('has five points named "1" to "5" by default, showing their numbers', async () => {
      const { root } = await mountQuestion(question);
      expect(names(root)).toEqual(['1', '2', '3', '4', '5']);
      expect(faces(root)).toEqual(['1', '2', '3', '4', '5']);
    });

    it.each([3, 5, 7, 10] as const)('has as many points as a scale of %i', async (scale) => {
      const { root } = await mountQuestion({ ...question, scale });
      expect(names(root)).toEqual(Array.from({ length: scale }, (_, index) => `${index + 1}`));
    });

    it('names stars "1 star", "2 stars"…, with the star glyphs hidden from screen readers', async () => {
      const { root } = await mountQuestion({ ...question, style: 'stars' });
      expect(names(root)).toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
      expect(faces(root)).toEqual(['★', '★', '★', '★', '★']);
      for (const face of root.querySelectorAll('[part~="option"]')) expect(face.getAttribute('aria-hidden')).toBe('true');
    });

    it('names stars with the strings of the locale', async () => {
      const strings = { ...ENGLISH, locale: 'fr', stars: { one: '{n} étoile', other: '{n} étoiles' } };
      const { root } = await mountQuestion({ ...question, style: 'stars', scale: 3 }, undefined, strings);
      expect(names(root)).toEqual(['1 étoile', '2 étoiles', '3 étoiles']);
    });

    it('names emoji faces by their number, the faces hidden from screen readers', async () => {
      const { root } = await mountQuestion({ ...question, style: 'emoji' });
      expect(names(root)).toEqual(['1', '2', '3', '4', '5']);
      expect(new Set(faces(root)).size).toBe(5);
      for (const face of faces(root)) expect(face).not.toMatch(/\d/);
      for (const face of root.querySelectorAll('[part~="option"]')) expect(face.getAttribute('aria-hidden')).toBe('true');
    });

    it('shows three faces for a scale of 3: the saddest, the neutral and the happiest of the five', async () => {
      const five = faces((await mountQuestion({ ...question, style: 'emoji' })).root);
      const { root } = await mountQuestion({ ...question, style: 'emoji', scale: 3 });
      expect(names(root)).toEqual(['1', '2', '3']);
      expect(faces(root)).toEqual([five[0], five[2], five[4]]);
    });

    it('shows end labels only when the survey gives them, and describes the group with them', async () => {
      const plain = await mountQuestion(question);
      expect(getByRole(plain.root, 'radiogroup').hasAttribute('aria-describedby')).toBe(false);
      const { root } = await mountQuestion({ ...question, lowLabel: 'Poor', highLabel: 'Excellent' });
      const ends = root.getElementById(getByRole(root, 'radiogroup').getAttribute('aria-describedby')!);
      expect(ends?.textContent).toContain('Poor');
      expect(ends?.textContent).toContain('Excellent');
    });
  });

  it.each(['numbers', 'stars', 'emoji'] as const)('emits the number, settled, when the visitor clicks a point (%s)', async (style) => {
    const { root, changes } = await mountQuestion({ ...question, style });
    pointerClick(allByRole(root, 'radio')[3]);
    expect(changes).toEqual([{ value: 4, settled: true }]);
  });

  it('emits a point reached with the keyboard as not settled', async () => {
    const { root, changes } = await mountQuestion({ ...question, style: 'stars' });
    keyboardClick(getByRole(root, 'radio', '2 stars'));
    changeWithoutClick(getByRole(root, 'radio', '3 stars'));
    expect(changes).toEqual([
      { value: 2, settled: false },
      { value: 3, settled: false },
    ]);
  });

  it('checks the point of an answer set from outside, without emitting', async () => {
    const { element, root, changes } = await mountQuestion<HTMLElement & { value?: number }>({ ...question, style: 'stars' }, 4);
    expect((getByRole(root, 'radio', '4 stars') as HTMLInputElement).checked).toBe(true);
    element.value = 2;
    await rendered(element);
    expect(
      allByRole(root, 'radio')
        .filter((radio) => (radio as HTMLInputElement).checked)
        .map(accessibleName),
    ).toEqual(['2 stars']);
    expect(changes).toEqual([]);
  });
});
