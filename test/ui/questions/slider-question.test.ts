import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, SliderQuestion } from '../../../src/core/types.js';
import { accessibleDescription, accessibleName, getByRole, rendered } from '../../support/dom.js';
import { mountQuestion, unmountQuestions } from './question-fixture.js';

type SliderElement = HTMLElement & { question: SliderQuestion; value?: Answer };

const budget: SliderQuestion = { id: 'budget', type: 'slider', text: 'Your budget?', min: 0, max: 100, step: 5, labels: { min: 'None', max: 'A lot' } };

afterEach(unmountQuestions);

const mount = (question: SliderQuestion = budget, value?: Answer) => mountQuestion<SliderElement>(question, value);
const slider = (root: ShadowRoot) => getByRole(root, 'slider') as HTMLInputElement;

/** What a visitor does: the thumb moves (`input`), and the move ends (`change`). */
function slide(input: HTMLInputElement, value: number): void {
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<earshot-slider-question>', () => {
  describe('accessibility', () => {
    it('is a native range slider named by the question, with its min, max and step', async () => {
      const { root } = await mount();
      const input = slider(root);
      expect(accessibleName(input)).toBe(budget.text);
      expect([input.type, input.min, input.max, input.step]).toEqual(['range', '0', '100', '5']);
    });

    it('is described by what it still needs and its end labels, which show at both ends', async () => {
      const { root } = await mount();
      expect(accessibleDescription(slider(root))).toBe('Move the slider to answer None A lot');
      expect(root.querySelector('[part="labels"]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('None A lot');
    });

    it('shows the numbers at the ends when it has no labels', async () => {
      const { root } = await mount({ ...budget, labels: undefined });
      expect(root.querySelector('[part="labels"]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('0 100');
    });
  });

  it('starts in the middle, on a step, with no answer', async () => {
    const { root, changes } = await mount({ ...budget, min: 0, max: 30, step: 10 });
    expect(slider(root).value).toBe('20');
    expect(changes).toEqual([]);
  });

  it('answers the number once moved, and shows it (screen readers hear the slider say it)', async () => {
    const { element, root, changes } = await mount();
    slide(slider(root), 35);
    await rendered(element);
    expect(changes).toEqual([{ value: 35, settled: false }]);
    expect(root.querySelector('[part="value"]')!.textContent).toBe('35');
    expect(accessibleDescription(slider(root))).toBe('35 None A lot');
  });

  it('takes a click on the thumb where it is as the answer', async () => {
    const { root, changes } = await mount();
    slider(root).click();
    expect(changes.map((change) => change.value)).toEqual([50]);
  });

  it('shows the value while it moves, before the move ends', async () => {
    const { element, root, changes } = await mount();
    const input = slider(root);
    input.value = '70';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await rendered(element);
    expect(root.querySelector('[part="value"]')!.textContent).toBe('70');
    expect(changes).toEqual([]);
  });

  it('takes decimals and negative ranges', async () => {
    const { root, changes } = await mount({ id: 't', type: 'slider', text: 'Temperature?', min: -2, max: 2, step: 0.5 });
    slide(slider(root), -1.5);
    expect(changes.map((change) => change.value)).toEqual([-1.5]);
  });

  it('shows an answer set from outside (going Back), without emitting', async () => {
    const { root, changes } = await mount(budget, 80);
    expect(slider(root).value).toBe('80');
    expect(root.querySelector('[part="value"]')!.textContent).toBe('80');
    expect(changes).toEqual([]);
  });
});
