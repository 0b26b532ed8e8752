import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareAnnouncer } from '../../../src/a11y/announcer.js';
import type { Answer, RankingQuestion } from '../../../src/core/types.js';
import { accessibleName, allByRole, getByRole, rendered } from '../../support/dom.js';
import { mountQuestion, unmountQuestions } from './question-fixture.js';

type RankingElement = HTMLElement & { question: RankingQuestion; value?: Answer; updateComplete: Promise<boolean> };

const order: RankingQuestion = {
  id: 'order',
  type: 'ranking',
  text: 'Rank what matters most',
  options: [{ id: 'price', label: 'Price' }, 'Quality', { id: 'speed', label: 'Speed' }],
};

let announcer: AbortController;
beforeEach(() => {
  announcer = new AbortController();
  prepareAnnouncer(announcer.signal);
});
afterEach(() => {
  unmountQuestions();
  announcer.abort();
  vi.restoreAllMocks();
});

const mount = (question: RankingQuestion = order, value?: Answer) => mountQuestion<RankingElement>(question, value);
const shownOrder = (root: ShadowRoot) => allByRole(root, 'listitem').map((item) => item.querySelector('.label')!.textContent);
const focused = (root: ShadowRoot) => (root.activeElement ? accessibleName(root.activeElement) : null);

/** Presses a button as a keyboard or pointer does, and waits for the list to follow (focus included). */
async function press(element: RankingElement, name: string): Promise<void> {
  const button = getByRole(element.shadowRoot!, 'button', name) as HTMLButtonElement;
  button.focus();
  button.click();
  await rendered(element);
  await element.updateComplete;
}

/** What the live region says once its delay has passed. */
async function announced(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return document.querySelector('earshot-live')?.textContent ?? '';
}

describe('<earshot-ranking-question>', () => {
  describe('accessibility', () => {
    it('is a list named by the question, an item per option in the given order', async () => {
      const { root } = await mount();
      expect(accessibleName(getByRole(root, 'list'))).toBe(order.text);
      expect(shownOrder(root)).toEqual(['Price', 'Quality', 'Speed']);
    });

    it('gives each item a Move up and a Move down button named with its label; the ends cannot move further', async () => {
      const { root } = await mount();
      expect(allByRole(root, 'button').map(accessibleName)).toEqual([
        'Move Price up',
        'Move Price down',
        'Move Quality up',
        'Move Quality down',
        'Move Speed up',
        'Move Speed down',
      ]);
      expect(allByRole(root, 'button').map((button) => (button as HTMLButtonElement).disabled)).toEqual([true, false, false, false, false, true]);
    });
  });

  it('answers nothing until the visitor moves an item, then every id in the order shown', async () => {
    const { element, root, changes } = await mount();
    expect(changes).toEqual([]);
    await press(element, 'Move Speed up');
    expect(shownOrder(root)).toEqual(['Price', 'Speed', 'Quality']);
    await press(element, 'Move Speed up');
    expect(shownOrder(root)).toEqual(['Speed', 'Price', 'Quality']);
    expect(changes.map((change) => change.value)).toEqual([
      ['price', 'speed', 'Quality'],
      ['speed', 'price', 'Quality'],
    ]);
  });

  it('keeps focus on the moved item: the button pressed, or its twin once the item reaches an end', async () => {
    const { element, root } = await mount();
    await press(element, 'Move Price down');
    expect(focused(root)).toBe('Move Price down');
    await press(element, 'Move Price down');
    // Last now: its Move down is disabled, so focus goes to its Move up.
    expect(shownOrder(root)).toEqual(['Quality', 'Speed', 'Price']);
    expect(focused(root)).toBe('Move Price up');
  });

  it('says the new position through the live region', async () => {
    const { element } = await mount();
    await press(element, 'Move Quality down');
    expect(await announced()).toBe('Quality moved to position 3 of 3');
  });

  it('says it in the survey’s words and language', async () => {
    const { element } = await mountQuestion<RankingElement>(order, undefined, {
      ...(await import('../../../src/i18n/strings.js')).ENGLISH,
      locale: 'fr',
      moveUp: 'Monter {item}',
      moveDown: 'Descendre {item}',
      moved: '{item} est maintenant en position {position} sur {total}',
    });
    await press(element, 'Descendre Price');
    expect(await announced()).toBe('Price est maintenant en position 2 sur 3');
    expect(document.querySelector('earshot-live')?.getAttribute('lang')).toBe('fr');
  });

  it('shows an answer set from outside (going Back) in its order, without emitting', async () => {
    const { element, root, changes } = await mount(order, ['Quality', 'speed', 'price']);
    expect(shownOrder(root)).toEqual(['Quality', 'Speed', 'Price']);
    element.value = ['speed', 'price', 'Quality'];
    await rendered(element);
    expect(shownOrder(root)).toEqual(['Speed', 'Price', 'Quality']);
    expect(changes).toEqual([]);
  });

  it('starts from a random order with shuffle, and answers by ids all the same', async () => {
    const keys = [0.9, 0.5, 0.1];
    vi.spyOn(Math, 'random').mockImplementation(() => keys.shift() ?? 0.5);
    const { element, root, changes } = await mount({ ...order, shuffle: true });
    expect(shownOrder(root)).toEqual(['Speed', 'Quality', 'Price']);
    await press(element, 'Move Price up');
    expect(changes.at(-1)?.value).toEqual(['speed', 'price', 'Quality']);
  });

  it('lets a pointer drag an item by its handle to where it is dropped', async () => {
    const { element, root, changes } = await mount();
    const items = allByRole(root, 'listitem');
    // happy-dom lays nothing out: each item gets a band of 40 px, one under the other.
    items.forEach((item, index) => vi.spyOn(item, 'getBoundingClientRect').mockReturnValue({ top: index * 40, bottom: index * 40 + 40 } as DOMRect));
    const list = getByRole(root, 'list');
    items[0].querySelector('.handle')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0, pointerId: 1 }));
    list.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientY: 100, pointerId: 1 }));
    await rendered(element);
    list.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientY: 100, pointerId: 1 }));
    await rendered(element);
    expect(shownOrder(root)).toEqual(['Quality', 'Speed', 'Price']);
    expect(changes.map((change) => change.value)).toEqual([['Quality', 'speed', 'price']]);
    expect(await announced()).toBe('Price moved to position 3 of 3');
  });
});
