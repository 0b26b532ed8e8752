// A visitor who uses only the keyboard answers the post-checkout survey, and focus never falls
// out of the survey onto the page while they do.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';

const h = useBrowserHarness();

/** Whether keyboard focus is inside <earshot-survey> (through its nested shadow roots). */
const focusInSurvey = (page: Page) => page.evaluate(() => document.activeElement?.tagName === 'EARSHOT-SURVEY');

/** The accessible name or text of what has focus deep inside shadow roots. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('aria-label') || (active as HTMLInputElement | null)?.value || active?.textContent?.trim() || '';
  });

/** The tag name of what has focus deep inside shadow roots. */
const focusedTag = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.localName;
  });

it('answers with the keyboard alone and focus follows them: onto the next question after Next, onto the thank-you after Submit', async () => {
  const page = await h.newPage();
  await page.goto(h.url('/shop/done.html'));
  const zero = page.getByRole('radio', { name: '0', exact: true });
  await zero.waitFor({ state: 'visible' });

  // The popover appeared on its own, so it left focus where it was; the visitor tabs into it.
  expect(await focusInSurvey(page)).toBe(false);
  for (let presses = 0; presses < 20 && !(await focusInSurvey(page)); presses++) await page.keyboard.press('Tab');
  expect(await focusInSurvey(page)).toBe(true);
  expect(await focusedLabel(page)).toBe('0');

  // Arrow keys move through the native radio group, selecting as they go: 0 → 7.
  for (let step = 0; step < 7; step++) await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);

  await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe('Next');
  await page.keyboard.press('Enter');
  const reason = page.getByRole('textbox', { name: 'What is the main reason for your score?' });
  await reason.waitFor({ state: 'visible' });
  expect(await focusInSurvey(page)).toBe(true);

  // Focus moved on with the visitor, to the new question's text box; Back and Submit follow it.
  expect(await focusedTag(page)).toBe('textarea');
  await page.keyboard.type('Quick checkout');
  await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe('Back');
  await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe('Submit');
  await page.keyboard.press('Enter');
  await page.getByText('Thank you — this helps us improve.').waitFor({ state: 'visible' });
  expect(await focusInSurvey(page)).toBe(true);

  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response.answers).toEqual({ score: 7, reason: 'Quick checkout' });
  assertNoPageErrors(h.problems(page));
});
