// The product manager's task of issue #26, done in the builder in a real Chromium with no JSON
// typed: a survey for the shop's cart page that asks "How easy was it to find what you needed?",
// asks a follow-up only for low scores, shows after 20 s on the cart page or when the visitor is
// about to leave, goes to 30 % of visitors, and is dark; then why it does not show on the product
// page. Its clicks, typed fields and keystrokes are counted as on main (a field focused by a click
// counts one click, a drop-down choice two: open and pick), and printed with the time a person
// would take by the keystroke-level model (1.3 s a click, 0.28 s a keystroke, 1.35 s to think
// before each field).
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness } from './harness';
import { openBuilder, shownJson } from './builder-page';
import { docsPicture } from './docs-pictures';

const h = useBrowserHarness();

/** The figures of one run of the task. */
interface Effort {
  clicks: number;
  fields: number;
  keystrokes: number;
  /** Fields whose text is JSON (a JSON snippet typed). */
  json: number;
}

/** Drives the form as a person does, counting. */
function counting(effort: Effort) {
  return {
    async fill(field: Locator, text: string) {
      effort.clicks++;
      effort.fields++;
      effort.keystrokes += text.length;
      if (/^\s*[[{]/.test(text)) effort.json++;
      await field.fill(text);
    },
    async pick(select: Locator, value: string) {
      effort.clicks += 2;
      await select.selectOption(value);
    },
    async click(button: Locator) {
      effort.clicks++;
      await button.click();
    },
  };
}

const personSeconds = ({ clicks, keystrokes, fields }: Effort) => Math.round(clicks * 1.3 + keystrokes * 0.28 + fields * 1.35);

describe('the cart task of issue #26', () => {
  it('is done with no JSON typed, and the page tester says why it does not show on the product page', async () => {
    const page = await openBuilder(h);
    const effort: Effort = { clicks: 0, fields: 0, keystrokes: 0, json: 0 };
    const { fill, pick, click } = counting(effort);
    const box = (name: string) => page.getByRole('textbox', { name, exact: true });
    const select = (name: string) => page.getByRole('combobox', { name, exact: true });
    const started = performance.now();

    await fill(box('Survey id'), 'cart-findability');
    await pick(select('Question 1 type'), 'rating');
    await fill(box('Question 1 text'), 'How easy was it to find what you needed?');
    await pick(select('Type of the new question'), 'text');
    await click(page.getByRole('button', { name: 'Add a question', exact: true }));
    await fill(box('Question 2 text'), 'What were you looking for?');
    // The branch names the question by its text, not its id.
    expect(await select('Ask question 2').locator('option:checked').textContent()).toBe('always');
    expect(await select('Ask question 2').locator('option').nth(1).textContent()).toBe('only if the answer to 1. How easy was it to find what you needed?');
    await pick(select('Ask question 2'), 'score');
    await pick(select('Rule of question 2'), 'lte');
    await fill(box('Value in the rule of question 2'), '2');
    // On the cart page AND (20 s OR about to leave): a group inside the trigger's own.
    await pick(select('Show the survey'), 'all');
    await pick(select('Journey point 1'), 'url');
    await fill(box('Page path pattern (journey point 1)'), '/shop/cart.html');
    await click(page.getByRole('button', { name: 'Add a group', exact: true }));
    await pick(select('Journey point 2.1'), 'delay');
    await fill(box('Seconds on the page (journey point 2.1)'), '20');
    await click(page.getByRole('button', { name: 'Add a journey point to group 2', exact: true }));
    await pick(select('Journey point 2.2'), 'exitIntent');
    await fill(box('Share of visitors asked (%)'), '30');
    await pick(select('Colour scheme'), 'dark');
    await page.getByText('No problems: ready to use.').waitFor();
    const building = { ...effort, ms: Math.round(performance.now() - started) };

    expect(await shownJson(page)).toEqual({
      id: 'cart-findability',
      questions: [
        { id: 'score', type: 'rating', text: 'How easy was it to find what you needed?', scale: 5, style: 'stars' },
        { id: 'q1', type: 'text', text: 'What were you looking for?', if: { question: 'score', lte: 2 } },
      ],
      trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] },
      sample: 0.3,
      colorScheme: 'dark',
    });
    expect(effort.json).toBe(0);

    // Why not on the product page: the page tester, with the SDK's own matcher.
    await fill(box('Page address'), 'https://shop.example/shop/index.html');
    const tester = page.locator('builder-page-tester');
    await tester.getByRole('status').filter({ hasText: 'It never shows on /shop/index.html: a page rule does not match it.' }).waitFor();
    await tester.getByText('trigger.all[0].url "/shop/cart.html" does not match').waitFor();
    await fill(box('Page address'), 'https://shop.example/shop/cart.html');
    await tester.getByRole('status').filter({ hasText: 'It can show on /shop/cart.html, once it has waited for 20 s on the page or exit intent.' }).waitFor();
    await docsPicture(page.locator('builder-trigger-editor'), 'builder-trigger-groups.png');
    // For the docs' picture, not the task: the address without its extension, and the hint about it.
    await box('Page address').fill('https://shop.example/shop/cart');
    await tester.getByText('trigger.all[0].url "/shop/cart.html" does not match').waitFor();
    await docsPicture(tester, 'builder-page-tester.png');

    console.info(
      `cart task in the builder: building ${JSON.stringify({ ...building, personSeconds: personSeconds(building) })}; with the page tester ${JSON.stringify({ ...effort, personSeconds: personSeconds(effort) })}`,
    );
    assertNoPageErrors(h.problems(page));
  });
});
