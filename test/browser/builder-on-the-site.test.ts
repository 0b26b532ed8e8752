// What issue #26 promised about the builder's survey on the real site, in a real Chromium: the
// file the builder downloads, published as it is at `surveysUrl` (one survey, not a list), shows
// with `?earshot_preview=`; in simulate mode (`&simulate=1`) it waits for its trigger, the panel on
// the page saying for what, whatever its sample; and a survey with `"cooldown": false` does not
// hold back the site's other surveys, where one without it does (and explain() names it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, sleep, useBrowserHarness } from './harness';
import { openBuilder } from './builder-page';
import { docsPicture } from './docs-pictures';

const h = useBrowserHarness();

const SURVEYS_URL = '/shop/surveys.json';
const QUESTION = 'How easy was it to find what you needed?';

/** Serves the shop's pages (an Earshot `init` with `config`) and, when given, the file at SURVEYS_URL exactly as published. */
async function serveShop(page: Page, config: Record<string, unknown>, published?: string): Promise<void> {
  const html = `<!doctype html><html lang="en"><head><title>Shop</title><script src="/dist/earshot.min.js"></script></head>
    <body><h1>Shop</h1><script>earshot.init(${JSON.stringify({ endpoint: '/api/earshot', ...config })});</script></body></html>`;
  await page.route(/\/shop\/[a-z]+\.html/, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  if (published !== undefined) await page.route(h.url(SURVEYS_URL), (route) => route.fulfill({ contentType: 'application/json', body: published }));
}

/** The popover survey asking `text`, once the widget shows it. */
const surveyAsking = (page: Page, text: string) => page.getByRole('dialog').filter({ hasText: text });

describe('the builder’s survey on the site', () => {
  it('published as the downloaded file, shows with ?earshot_preview; simulated, it waits for its trigger and says for what', async () => {
    const builder = await openBuilder(h);
    const box = (name: string) => builder.getByRole('textbox', { name, exact: true });
    const select = (name: string) => builder.getByRole('combobox', { name, exact: true });
    await box('Survey id').fill('cart-findability');
    await box('Question 1 text').fill(QUESTION);
    await select('Show the survey').selectOption('all');
    await select('Journey point 1').selectOption('url');
    await box('Page path pattern (journey point 1)').fill('/shop/cart.html');
    await builder.getByRole('button', { name: 'Add a group', exact: true }).click();
    await select('Journey point 2.1').selectOption('delay');
    await box('Seconds on the page (journey point 2.1)').fill('20');
    await builder.getByRole('button', { name: 'Add a journey point to group 2', exact: true }).click();
    await select('Journey point 2.2').selectOption('exitIntent');
    // A sample of 1 %: a preview and a simulation ignore it.
    await box('Share of visitors asked (%)').fill('1');
    await builder.getByText('No problems: ready to use.').waitFor();
    const [download] = await Promise.all([builder.waitForEvent('download'), builder.getByRole('button', { name: 'Download JSON', exact: true }).click()]);
    const published = readFileSync(await download.path(), 'utf8');
    const survey = JSON.parse(published) as Record<string, unknown>;
    expect(Array.isArray(survey)).toBe(false);
    expect(survey).toMatchObject({ id: 'cart-findability', sample: 0.01, trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] } });
    assertNoPageErrors(h.problems(builder));

    // Published as it is: the site's surveysUrl serves that one object.
    const page = await h.newPage();
    await serveShop(page, { surveysUrl: SURVEYS_URL }, published);
    await page.goto(h.url('/shop/index.html?earshot_preview=cart-findability'));
    await surveyAsking(page, QUESTION).getByText('Preview', { exact: true }).waitFor();
    expect(await page.locator('earshot-debug-panel').count()).toBe(0);

    // Simulated on the cart page: nothing until the trigger fires; the panel says what it waits for.
    await page.goto(h.url('/shop/cart.html?earshot_preview=cart-findability&simulate=1'));
    const panel = page.locator('earshot-debug-panel');
    await panel.getByText('waiting for 20 s on the page or exit intent').waitFor();
    await docsPicture(panel, 'preview-simulate.png');
    await sleep(1500);
    expect(await surveyAsking(page, QUESTION).count()).toBe(0);
    // The visitor heads for the browser's tabs: exit intent fires the trigger.
    await page.mouse.move(400, 300);
    await page.mouse.move(400, 5, { steps: 5 });
    await page.mouse.move(400, -20, { steps: 2 });
    await surveyAsking(page, QUESTION).getByText('Preview', { exact: true }).waitFor();
    assertNoPageErrors(h.problems(page));
  });

  /** Shows the survey on `cart` and closes it, then tracks `checkout`: whether the NPS survey shows, and what explain() says of it. */
  async function afterTheCartSurvey(cartSurvey: Record<string, unknown>) {
    const page = await h.newPage();
    page.setDefaultTimeout(10_000);
    const nps = { id: 'nps', trigger: { event: 'checkout' }, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend the shop?' }] };
    await serveShop(page, { cooldownDays: 3, surveys: [cartSurvey, nps] });
    await page.goto(h.url('/shop/cart.html'));
    await page.evaluate(() => window.earshot.track('cart'));
    await surveyAsking(page, QUESTION).waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await surveyAsking(page, QUESTION).waitFor({ state: 'detached' });
    await page.evaluate(() => window.earshot.track('checkout'));
    const npsShown = await surveyAsking(page, 'How likely are you to recommend the shop?')
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    const reasons = await page.evaluate(async () => (await window.earshot.explain()).find(({ surveyId }) => surveyId === 'nps')?.reasons.map(({ message }) => message) ?? []);
    assertNoPageErrors(h.problems(page));
    return { npsShown, reasons };
  }

  const cartSurvey = { id: 'cart-findability', trigger: { event: 'cart' }, questions: [{ id: 'score', type: 'rating', text: QUESTION }] };

  it('with "cooldown": false does not hold back the site’s NPS survey', async () => {
    expect((await afterTheCartSurvey({ ...cartSurvey, cooldown: false })).npsShown).toBe(true);
  });

  // What the test above would see without "cooldown": false (each test has a browser profile of its own).
  it('without it, the pause holds the NPS survey back, and explain() names the survey that started it', async () => {
    const { npsShown, reasons } = await afterTheCartSurvey(cartSurvey);
    expect(npsShown).toBe(false);
    expect(reasons.join(' ')).toContain('after survey "cart-findability" was shown');
  });
});
