// A product team publishes a survey to the collector's registry (PUT /api/earshot/surveys/:id)
// and the demo shop, with `surveysUrl` set to /api/earshot/surveys, shows it on the next page load:
// changed wording, no rebuild, no restart. Once its quota is reached it no longer shows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { assertNoPageErrors, sleep, useBrowserHarness, waitForResponses } from './harness';

const VISIBLE = { state: 'visible', timeout: 10_000 } as const;
const SURVEY_ID = 'cart-help';
const FIRST_WORDING = 'Did you find what you were looking for?';
const NEW_WORDING = 'Was anything missing from our shop today?';

const h = useBrowserHarness();

const definition = (text: string) => ({
  id: SURVEY_ID,
  trigger: { url: '/shop/cart.html' },
  questions: [{ id: 'found', type: 'thumbs', text }],
  thanks: 'Thanks!',
  maxResponses: 1,
});

async function publish(text: string) {
  const res = await fetch(h.url(`/api/earshot/surveys/${SURVEY_ID}`), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition(text)) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

const SETUP = readFileSync(fileURLToPath(new URL('../../examples/shop/earshot-setup.js', import.meta.url)), 'utf8');

/**
 * The shop as a team that publishes to the registry sets it up: its own setup plus `surveysUrl`.
 * (The demo shop itself leaves it out: the other tests count its requests to the collector.)
 */
async function withRegistry(context: BrowserContext): Promise<BrowserContext> {
  const setup = SETUP.replace("endpoint: '/api/earshot',", "endpoint: '/api/earshot',\n    surveysUrl: '/api/earshot/surveys',");
  expect(setup).toContain('surveysUrl');
  await context.route('**/shop/earshot-setup.js', (route) => route.fulfill({ contentType: 'text/javascript', body: setup }));
  return context;
}

/** A shopper of their own (their own storage and HTTP cache) on the cart page. */
async function openCart(context: BrowserContext = h.context) {
  await withRegistry(context);
  const page = await context.newPage();
  await page.goto(h.url('/shop/cart.html?qty=1'));
  return page;
}

describe('surveys published to the registry', () => {
  it('show on the shop’s next page load with their new wording, and no longer once the quota is reached', async () => {
    await publish(FIRST_WORDING);
    await withRegistry(h.context);
    const first = await h.newPage();
    await first.goto(h.url('/shop/cart.html?qty=1'));
    await first.getByRole('radiogroup', { name: FIRST_WORDING }).waitFor(VISIBLE);
    assertNoPageErrors(h.problems(first));

    // The team changes the wording; the server is neither rebuilt nor restarted.
    await publish(NEW_WORDING);
    // The first shopper's browser holds the old list in its HTTP cache: it asks again (ETag) and gets the new one.
    const next = await h.newPage();
    const [list] = await Promise.all([next.waitForResponse((res) => res.url() === h.url('/api/earshot/surveys')), next.goto(h.url('/shop/'))]);
    expect(await list.text()).toContain(NEW_WORDING);
    const shopper = await h.browser.newContext();
    try {
      const page = await openCart(shopper);
      await page.getByRole('radiogroup', { name: NEW_WORDING }).waitFor(VISIBLE);
      expect(await page.getByRole('radiogroup', { name: FIRST_WORDING }).count()).toBe(0);
      await page.getByRole('radio', { name: 'Thumbs down' }).click();
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await waitForResponses(h.server, 1, { where: (r) => r.surveyId === SURVEY_ID && r.completed });
    } finally {
      await shopper.close();
    }

    // maxResponses: 1 is reached: the registry leaves the survey out, and the next shopper's SDK follows.
    const later = await h.browser.newContext();
    try {
      const page = await openCart(later);
      await page.getByRole('heading', { level: 1 }).waitFor(VISIBLE);
      // The list has arrived (explain() waits for it) and the survey is not in it.
      const surveyIds = await page.evaluate(async () =>
        (await (window as unknown as { earshot: { explain(): Promise<Array<{ surveyId: string }>> } }).earshot.explain()).map((e) => e.surveyId),
      );
      expect(surveyIds).toEqual(['post-checkout-nps']);
      await sleep(500);
      expect(await page.locator('earshot-survey').count()).toBe(0);
    } finally {
      await later.close();
    }
  });
});
