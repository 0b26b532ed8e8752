// A product team publishes a survey to the collector's registry (PUT /api/earshot/surveys/:id)
// and the demo shop, with `surveysUrl` set to /api/earshot/surveys, shows it on the next page load:
// changed wording, no rebuild, no restart. Once its quota is reached it no longer shows.
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { cartHelpSurvey, expectRegistrySurveyGone, FIRST_WORDING, NEW_WORDING, SURVEY_ID, withRegistry } from './registry-shop';

const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const h = useBrowserHarness();

async function publish(text: string) {
  const res = await fetch(h.url(`/api/earshot/surveys/${SURVEY_ID}`), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(cartHelpSurvey(text)),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
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
      await expectRegistrySurveyGone(page);
    } finally {
      await later.close();
    }
  });
});
