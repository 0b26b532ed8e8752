import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NpsQuestion } from '../../src/core/types.js';
import '../../src/ui/define.js';
import type { NpsQuestionElement } from '../../src/ui/questions/nps/nps-question.js';
import { accessibleName, allByRole, getByRole, rendered } from './dom.js';

const question: NpsQuestion = { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' };

let element: NpsQuestionElement;
let changes: unknown[];

beforeEach(async () => {
  element = document.createElement('earshot-nps-question') as NpsQuestionElement;
  element.question = question;
  changes = [];
  element.addEventListener('earshot-change', (event) => changes.push((event as CustomEvent).detail.value));
  document.body.append(element);
  await rendered(element);
});

afterEach(() => element.remove());

const radios = () => allByRole(element.shadowRoot!, 'radio') as HTMLInputElement[];
const checked = () => radios().filter((radio) => radio.checked).map(accessibleName);

describe('<earshot-nps-question>', () => {
  describe('accessibility', () => {
    it('is a radiogroup named by the question text', () => {
      const group = getByRole(element.shadowRoot!, 'radiogroup');
      expect(group.getAttribute('aria-labelledby')).toBeTruthy();
      expect(accessibleName(group)).toBe(question.text);
    });

    it('has 11 radios named exactly "0" to "10", in order, inside the group', () => {
      const group = getByRole(element.shadowRoot!, 'radiogroup');
      expect(radios().map(accessibleName)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      for (const radio of radios()) expect(group.contains(radio)).toBe(true);
    });

    it('makes the radios one group, so arrow keys move between them', () => {
      const names = new Set(radios().map((radio) => radio.name));
      expect(names.size).toBe(1);
      expect([...names][0]).not.toBe('');
    });

    it('shows the end labels, defaulting to the English ones', () => {
      expect(element.shadowRoot!.textContent).toContain('Not at all likely');
      expect(element.shadowRoot!.textContent).toContain('Extremely likely');
    });

    it('has nothing checked before the visitor chooses', () => {
      expect(checked()).toEqual([]);
    });
  });

  it('emits earshot-change with the number when the visitor picks a score', () => {
    getByRole(element.shadowRoot!, 'radio', '9').click();
    expect(changes).toEqual([9]);
    expect(checked()).toEqual(['9']);
  });

  it('emits 0, not nothing, for a score of 0', () => {
    getByRole(element.shadowRoot!, 'radio', '0').click();
    expect(changes).toEqual([0]);
  });

  it('emits each new choice when the visitor changes their mind', () => {
    getByRole(element.shadowRoot!, 'radio', '3').click();
    getByRole(element.shadowRoot!, 'radio', '10').click();
    expect(changes).toEqual([3, 10]);
    expect(checked()).toEqual(['10']);
  });

  it('lets the earshot-change event bubble to the survey around it', () => {
    const heard: unknown[] = [];
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    wrapper.append(element);
    wrapper.addEventListener('earshot-change', (event) => heard.push((event as CustomEvent).detail.value));
    getByRole(element.shadowRoot!, 'radio', '7').click();
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
