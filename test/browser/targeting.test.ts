// Journey points in a real Chromium, on the single-page-app example (examples/spa/): scroll depth,
// exit intent, a data-earshot-event click, route changes, and the visitor's state shared by
// tabs and kept across reloads. The example sets `cooldownDays: 0`, so each rule shows on its own.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const VISIBLE = { state: 'visible', timeout: 10_000 } as const;
const QUESTIONS = {
  'journal-read': 'How useful is this journal?',
  'cart-ease': 'How easy was it to add the mug to your cart?',
  'blog-reader': 'Are you enjoying this post?',
  'pricing-clarity': 'How clear are our prices?',
  leaving: 'Did you find what you came for?',
} as const;
type SurveyId = keyof typeof QUESTIONS;

const h = useBrowserHarness();

/** Opens the app's journal page and waits until Earshot has loaded the visitor's state. */
async function openApp(page?: Page): Promise<Page> {
  const tab = page ?? (await h.newPage());
  await tab.goto(h.url('/spa/'));
  await tab.waitForFunction(() => 'spaDemo' in window);
  // Earshot decides once the visitor's state is read from IndexedDB: a few milliseconds.
  await sleep(200);
  return tab;
}

const shown = (page: Page) => page.evaluate(() => (window as unknown as { spaDemo: { shown: string[] } }).spaDemo.shown);
const question = (page: Page, id: SurveyId) => page.getByRole('radiogroup', { name: QUESTIONS[id] });
const surveys = (page: Page) => page.locator('earshot-survey');

/** Waits for a survey to be on screen, and checks it is the only one Earshot showed so far besides `before`. */
async function expectShown(page: Page, id: SurveyId, before: SurveyId[] = []): Promise<void> {
  await waitUntil(async () => (await shown(page)).includes(id), { describe: () => `survey "${id}" to show` });
  expect(await shown(page)).toEqual([...before, id]);
  expect(await surveys(page).count()).toBe(1);
}

/** Gives targeting time to act, then checks nothing more showed. */
async function expectNothingMore(page: Page, already: SurveyId[] = [], wait = 600): Promise<void> {
  await sleep(wait);
  expect(await shown(page)).toEqual(already);
}

/** The visitor rates 4 of 5, submits, and closes the thank-you step. */
async function completeRating(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '4', exact: true }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await surveys(page).waitFor({ state: 'detached', timeout: 5_000 });
}

const goTo = (page: Page, name: 'Journal' | 'Blog' | 'Pricing') => page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name, exact: true }).click();

describe('journey points in a single-page app', () => {
  it('scroll: a survey appears once 60 % of the page has been seen, not before', async () => {
    const page = await openApp();
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 200);
    await expectNothingMore(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const viewport = page.viewportSize()!.height;
    // Just past 60 %: (scrollY + innerHeight) / scrollHeight.
    await page.mouse.wheel(0, Math.ceil(height * 0.6 - viewport) - 200 + 40);
    await expectShown(page, 'journal-read');
    await question(page, 'journal-read').waitFor(VISIBLE);
    assertNoPageErrors(h.problems(page));
  });

  it('exit intent: moving the pointer out through the top of the window shows the survey, once per page', async () => {
    const page = await openApp();
    await page.mouse.move(400, 300);
    await page.mouse.move(400, 5, { steps: 5 });
    await page.mouse.move(400, -20, { steps: 2 });
    await expectShown(page, 'leaving');
    await question(page, 'leaving').waitFor(VISIBLE);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.mouse.move(400, 300, { steps: 5 });
    await page.mouse.move(400, -20, { steps: 5 });
    await expectNothingMore(page, ['leaving']);
    assertNoPageErrors(h.problems(page));
  });

  it('a click on an element with data-earshot-event shows the survey for that event, and the response says so', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await expectShown(page, 'cart-ease');
    await completeRating(page);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ surveyId: 'cart-ease', answers: { rating: 4 }, trigger: { event: 'added_to_cart' } });
    assertNoPageErrors(h.problems(page));
  });

  it('route changes: pushState to a matching route shows its survey; a delayed one does not follow the visitor who left', async () => {
    const page = await openApp();
    await goTo(page, 'Blog');
    await page.waitForURL(/\/spa\/blog\/glazes$/);
    // Back (popstate) within the 3 visible seconds the blog survey waits for.
    await sleep(1_000);
    await page.goBack();
    await page.waitForURL(/\/spa\/$/);
    await expectNothingMore(page, [], 3_000);

    await goTo(page, 'Pricing');
    await page.waitForURL(/\/spa\/pricing$/);
    await expectShown(page, 'pricing-clarity');
    await question(page, 'pricing-clarity').waitFor(VISIBLE);
    await completeRating(page);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ surveyId: 'pricing-clarity', trigger: { url: { startsWith: '/spa/pricing' } } });
    expect(response.page?.url).toBe(h.url('/spa/pricing'));

    // Forward and back again: a new page each time, and the survey stays completed.
    await page.goBack();
    await goTo(page, 'Blog');
    await expectShown(page, 'blog-reader', ['pricing-clarity']);
    assertNoPageErrors(h.problems(page));
  });

  it('a survey completed in one tab is shown neither in another open tab nor in one opened later', async () => {
    const first = await openApp();
    const second = await openApp();
    await goTo(first, 'Pricing');
    await expectShown(first, 'pricing-clarity');
    await completeRating(first);

    await goTo(second, 'Pricing');
    await second.waitForURL(/\/spa\/pricing$/);
    await expectNothingMore(second);
    const third = await openApp();
    await goTo(third, 'Pricing');
    await expectNothingMore(third);
    // Earshot is still at work in those tabs: another journey point still shows its survey.
    await goTo(third, 'Journal');
    await third.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await expectShown(third, 'cart-ease');
    for (const page of [first, second, third]) assertNoPageErrors(h.problems(page));
  });

  it('a survey shown in one tab does not also pop up in another', async () => {
    const first = await openApp();
    const second = await openApp();
    await goTo(first, 'Pricing');
    await expectShown(first, 'pricing-clarity');
    await goTo(second, 'Pricing');
    await expectNothingMore(second);
  });

  it('the frequency state survives a reload: a dismissed survey stays away, a completed one too', async () => {
    const page = await openApp();
    await goTo(page, 'Pricing');
    await expectShown(page, 'pricing-clarity');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await goTo(page, 'Journal');
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await expectShown(page, 'cart-ease', ['pricing-clarity']);
    await completeRating(page);

    await page.reload();
    await openApp(page);
    await goTo(page, 'Pricing');
    await goTo(page, 'Journal');
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
    await expectNothingMore(page);
    expect(await surveys(page).count()).toBe(0);
    assertNoPageErrors(h.problems(page));
  });
});
