// What the builder tells a product team before a survey goes live, in a real Chromium: which of
// the site's other surveys wait for the same journey points and what the pause between surveys
// will do (and that "cooldown": false takes the survey out of it); the preview simulating a visit
// (waiting for the trigger, saying for what, until the visitor is about to leave); and the draft
// kept across a reload until "Start over". Pictures the builder for docs/product-teams.md.
import { describe, expect, it } from 'vitest';
import { assertNoPageErrors, useBrowserHarness } from './harness';
import { openBuilder, preview, shownJson } from './builder-page';
import { docsPicture } from './docs-pictures';

const h = useBrowserHarness();

const QUESTION = 'How easy was it to find what you needed?';
const CART_SURVEY = {
  id: 'cart-findability',
  questions: [{ id: 'score', type: 'rating', text: QUESTION }],
  trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] },
  sample: 0.3,
};
/** The site's surveys file: its NPS survey also waits for exit intent on the shop's pages; its help survey only shows when asked for. */
const SITE_SURVEYS = [
  { id: 'nps', trigger: { all: [{ url: '/shop/*' }, { exitIntent: true }] }, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend the shop?' }] },
  { id: 'help', questions: [{ id: 'up', type: 'thumbs', text: 'Was this helpful?' }] },
];

const file = (name: string, content: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });

describe('before a survey goes live, the builder', () => {
  it('names the site’s surveys that compete at the same journey points and what the pause does; cooldown: false takes it out', async () => {
    const page = await openBuilder(h);
    await page.getByLabel('Load a JSON file', { exact: true }).setInputFiles(file('cart-findability.json', CART_SURVEY));
    await page.getByRole('textbox', { name: 'Page address', exact: true }).fill('https://shop.example/shop/cart.html');
    await page.getByLabel('Load a surveys file', { exact: true }).setInputFiles(file('surveys.json', SITE_SURVEYS));
    const others = page.locator('builder-competitors');
    await others.getByText('Loaded 2 surveys from surveys.json.').waitFor();
    await others.getByText('Both wait for exit intent on /shop/cart.html').waitFor();
    await others.getByText('Never in the way: “help”').waitFor();
    await others.getByText('once this survey pops up for a visitor, “nps” will not pop up for them during the site’s pause').waitFor();
    await docsPicture(others, 'builder-other-surveys.png');

    await page.getByRole('checkbox', { name: 'Exempt from the site-wide pause between surveys', exact: true }).check();
    await others.getByText('This survey is exempt from the site-wide pause: it neither waits for it nor starts one.').waitFor();
    expect(await shownJson(page)).toMatchObject({ id: 'cart-findability', cooldown: false });
    assertNoPageErrors(h.problems(page));
  });

  it('simulates a visit in the preview: it waits for the trigger, says for what, and shows once the visitor is about to leave', async () => {
    const page = await openBuilder(h);
    await page.getByLabel('Load a JSON file', { exact: true }).setInputFiles(file('cart-findability.json', CART_SURVEY));
    await page.getByRole('textbox', { name: 'Page address', exact: true }).fill('https://shop.example/shop/cart.html');
    await page.getByRole('radio', { name: 'As a visitor meets it (simulate its trigger and audience)', exact: true }).check();
    const state = preview(page)
      .getByRole('status')
      .filter({ hasText: /Waiting|Shown|Never/ });
    await state.filter({ hasText: 'Waiting for 20 s on the page or exit intent.' }).waitFor();
    expect(await preview(page).getByText(QUESTION).count()).toBe(0);
    await docsPicture(preview(page), 'builder-simulate.png');

    await preview(page).getByRole('button', { name: 'Move to leave the page', exact: true }).click();
    await state.filter({ hasText: /^Shown after \d+ s on the page: exit intent fired its trigger\.$/ }).waitFor();
    await preview(page).getByText(QUESTION).waitFor();

    // On another page of the shop, it never shows, and the preview says why.
    await page.getByRole('textbox', { name: 'Page address', exact: true }).fill('https://shop.example/shop/index.html');
    await state.filter({ hasText: 'Never shown on /shop/index.html: its page rule ("/shop/cart.html") does not match it.' }).waitFor();
    assertNoPageErrors(h.problems(page));
  });

  it('keeps the draft across a reload until Start over', async () => {
    const page = await openBuilder(h);
    const id = page.getByRole('textbox', { name: 'Survey id', exact: true });
    await id.fill('cart-findability');
    await page.getByText('Your draft is kept in this browser until you export or publish it.').waitFor();
    await page.reload();
    await page.getByText(/^Your draft from .+ is back, as you left it\.$/).waitFor();
    expect(await id.inputValue()).toBe('cart-findability');

    await page.getByRole('button', { name: 'Start over…', exact: true }).click();
    await page.getByRole('button', { name: 'Discard it and start over', exact: true }).click();
    expect(await id.inputValue()).toBe('new-survey');
    await page.reload();
    await id.waitFor();
    expect(await id.inputValue()).toBe('new-survey');
    expect(await page.getByText(/is back, as you left it/).count()).toBe(0);
    assertNoPageErrors(h.problems(page));
  });
});
