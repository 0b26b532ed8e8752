// What the two registry tests share (survey-registry and builder-publish-live): the survey a team
// publishes to the collector's registry, and the demo shop set up to read it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sleep } from './harness';

export const SURVEY_ID = 'cart-help';
export const FIRST_WORDING = 'Did you find what you were looking for?';
export const NEW_WORDING = 'Was anything missing from our shop today?';

/** The survey with its one question worded `text`, closed by the collector after one answer. */
export const cartHelpSurvey = (text: string) => ({
  id: SURVEY_ID,
  trigger: { url: '/shop/cart.html' },
  questions: [{ id: 'found', type: 'thumbs', text }],
  thanks: 'Thanks!',
  maxResponses: 1,
});

const SETUP = readFileSync(fileURLToPath(new URL('../../examples/shop/earshot-setup.js', import.meta.url)), 'utf8');

/**
 * The shop as a team that publishes to the registry sets it up: its own setup plus `surveysUrl`.
 * (The demo shop itself leaves it out: the other tests count its requests to the collector.)
 */
export async function withRegistry(context: BrowserContext): Promise<void> {
  const setup = SETUP.replace("endpoint: '/api/earshot',", "endpoint: '/api/earshot',\n    surveysUrl: '/api/earshot/surveys',");
  expect(setup).toContain('surveysUrl');
  await context.route('**/shop/earshot-setup.js', (route) => route.fulfill({ contentType: 'text/javascript', body: setup }));
}

/**
 * On a shop page that has loaded: the registry's list has arrived (explain() waits for it), only
 * the shop's own survey is in it, and no survey shows.
 */
export async function expectRegistrySurveyGone(page: Page): Promise<void> {
  const surveyIds = await page.evaluate(async () =>
    (await (window as unknown as { earshot: { explain(): Promise<Array<{ surveyId: string }>> } }).earshot.explain()).map((e) => e.surveyId),
  );
  expect(surveyIds).toEqual(['post-checkout-nps']);
  await sleep(500);
  expect(await page.locator('earshot-survey').count()).toBe(0);
}
