// The gallery survey has every question type. A visitor answers it by role and accessible name
// only (what a screen reader offers), and the collector receives exactly those answers. Each step
// is photographed in the light and the dark theme, and each display mode once: `npm run
// screenshots` refreshes the pictures in docs/images/ (docs-pictures.ts).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { GALLERY_ANSWERS } from '../support/gallery-answers';
import { docsPicture } from './docs-pictures';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const h = useBrowserHarness();

/** The survey card, for pictures of it alone. */
const card = (page: Page): Locator => page.locator('earshot-survey').locator('[part~="card"]');

async function photograph(page: Page, name: string, theme: Theme, what: Locator | Page = card(page)): Promise<void> {
  await docsPicture(what, `${name}-${theme}.png`);
}

async function openGallery(theme: Theme, open: string): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1024, height: 760 });
  await page.goto(h.url(`/gallery/?theme=${theme}&open=${open}`));
  return page;
}

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

describe.each(THEMES)('every question type (%s theme)', (theme) => {
  it('is answered by role and name alone and delivers exactly the answers given', async () => {
    const page = await openGallery(theme, 'every-type-popover');
    const question = (name: string) => page.getByRole('radiogroup', { name }).or(page.getByRole('group', { name }));

    await question('How likely are you to recommend us to a friend?').waitFor();
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await photograph(page, 'type-nps', theme);
    await next(page);
    // The first answer goes out at once as a partial response.
    const [partial] = await waitForResponses(h.server, 1);
    expect(partial).toMatchObject({ completed: false, answers: { recommend: 9 } });

    await question('How would you rate your order?').waitFor();
    await page.getByRole('radio', { name: '4 stars' }).click();
    await photograph(page, 'type-rating-stars', theme);
    await next(page);

    await question('How do you feel about the new checkout?').waitFor();
    await page.getByRole('radio', { name: /^5\b/ }).click();
    await photograph(page, 'type-rating-emoji', theme);
    await next(page);

    await question('How satisfied are you with the delivery?').waitFor();
    await page.getByRole('radio', { name: /^4\b.*Satisfied/ }).click();
    await photograph(page, 'type-csat', theme);
    await next(page);

    await question('The site made it easy for me to find what I wanted.').waitFor();
    await page.getByRole('radio', { name: /^6\b.*Easy/ }).click();
    await photograph(page, 'type-ces', theme);
    await next(page);

    await question('Was the size guide helpful?').waitFor();
    await page.getByRole('radio', { name: 'Thumbs up' }).click();
    await photograph(page, 'type-thumbs', theme);
    await next(page);

    await question('How did you hear about us?').waitFor();
    await page.getByRole('radio', { name: 'Other', exact: true }).click();
    await page.getByRole('textbox', { name: 'Other, please specify' }).fill('A podcast');
    await photograph(page, 'type-choice', theme);
    await next(page);

    await question('Which two things matter most to you?').waitFor();
    for (const option of ['Returns', 'Price', 'Delivery speed']) await page.getByRole('checkbox', { name: option }).check();
    await next(page);
    const alert = page.getByRole('alert');
    expect((await alert.textContent())?.trim()).toBe('Please choose at most 2.');
    await photograph(page, 'type-choice-multiple', theme);
    await page.getByRole('checkbox', { name: 'Returns' }).uncheck();
    await next(page);

    // Pictures: the options are named by their labels, each picture described by its alt text.
    await question('Which mug would you pick?').waitFor();
    const red = page.getByRole('radio', { name: 'Red', exact: true });
    expect(
      await red.evaluate((input) => input.getRootNode() && (input.getRootNode() as ShadowRoot).getElementById(input.getAttribute('aria-describedby')!)?.getAttribute('alt')),
    ).toBe('A red mug with a round handle');
    await page
      .locator('earshot-survey')
      .locator('img')
      .first()
      .evaluate((img: HTMLImageElement) => img.decode());
    await red.click();
    await photograph(page, 'type-choice-pictures', theme);
    await next(page);

    // A matrix: a radiogroup per statement, radios named by their column; every row is needed.
    await page.getByRole('group', { name: 'How much do you agree?' }).waitFor();
    const row = (name: string) => page.getByRole('radiogroup', { name, exact: true });
    await row('Finding a mug was easy').getByRole('radio', { name: 'Agree', exact: true }).click();
    await next(page);
    expect((await page.getByRole('alert').textContent())?.trim()).toBe('Please answer every statement to continue.');
    await row('Paying was quick').getByRole('radio', { name: 'Neutral', exact: true }).click();
    await row('Prices are fair').getByRole('radio', { name: 'Disagree', exact: true }).click();
    await photograph(page, 'type-matrix', theme);
    await next(page);

    // A ranking: Move up and Move down per item.
    await page.getByRole('list', { name: 'Put these in order of importance' }).waitFor();
    await page.getByRole('button', { name: 'Move Delivery speed up' }).click();
    await page.getByRole('button', { name: 'Move Delivery speed up' }).click();
    expect(await page.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Delivery speed'),
      expect.stringContaining('Price'),
      expect.stringContaining('Quality'),
    ]);
    await photograph(page, 'type-ranking', theme);
    await next(page);

    // A slider: a native range; its value shows beside it once moved (from the middle, 100, two steps of 10).
    const slider = page.getByRole('slider', { name: 'How much do you spend on mugs a year, in euros?' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('120');
    expect(await page.locator('earshot-survey').locator('[part="value"]').textContent()).toBe('120');
    await photograph(page, 'type-slider', theme);
    await next(page);

    // A text with a format: an email field that says what it expects.
    const email = page.getByRole('textbox', { name: 'Your email, if you would like an answer' });
    expect([await email.getAttribute('type'), await email.getAttribute('autocomplete')]).toEqual(['email', 'email']);
    await email.fill('ada@');
    await next(page);
    expect((await page.getByRole('alert').textContent())?.trim()).toBe('Please enter an email address, such as name@example.com.');
    await photograph(page, 'type-text-email', theme);
    await email.fill('ada@example.com');
    await next(page);

    // A call to action: its link opens the page in a new tab, and the survey moves on.
    const link = page.getByRole('link', { name: 'Show me the mugs' });
    await photograph(page, 'type-cta', theme);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    expect(new URL(tab.url()).pathname).toBe('/shop/');
    await tab.close();

    await page.getByRole('textbox', { name: 'Anything else you would like to tell us?' }).fill('Lovely mugs');
    await photograph(page, 'type-text', theme);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('link', { name: 'See what we changed' }).waitFor();
    await photograph(page, 'step-thanks', theme);

    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    // The complete version replaced the partial one: same id, one response stored.
    expect(response.id).toBe(partial.id);
    expect(h.responses()).toHaveLength(1);
    expect(response.answers).toEqual(GALLERY_ANSWERS);
    expect(response.questions?.find((q) => q.id === 'stars')).toEqual({ id: 'stars', type: 'rating', text: 'How would you rate your order?', scale: 5, style: 'stars' });
    assertNoPageErrors(h.problems(page));
  });

  it.each([
    ['popover', 'every-type-popover', (page: Page) => card(page)],
    ['modal', 'every-type-modal', (page: Page) => page],
    ['inline', 'every-type-inline', (page: Page) => page.locator('main')],
    ['tab', '', (page: Page) => page],
  ] as const)('shows the %s display mode', async (mode, open, area) => {
    const page = await openGallery(theme, open);
    if (mode === 'tab') await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
    else await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    await photograph(page, `mode-${mode}`, theme, area(page));
    assertNoPageErrors(h.problems(page));
  });
});
