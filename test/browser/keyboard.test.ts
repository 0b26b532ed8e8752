// A visitor who uses only the keyboard answers the post-checkout survey, and focus never falls
// out of the survey onto the page while they do.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { GALLERY_ANSWERS } from '../support/gallery-answers';

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

/** Tabs forward to the Next (or Submit) button and presses Enter on it. */
async function pressNext(page: Page): Promise<void> {
  for (let presses = 0; presses < 12 && !['Next', 'Submit'].includes(await focusedLabel(page)); presses++) await page.keyboard.press('Tab');
  expect(['Next', 'Submit']).toContain(await focusedLabel(page));
  await page.keyboard.press('Enter');
}

/** Tabs forward until the control named `name` has focus. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 12 && (await focusedLabel(page)) !== name; presses++) await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toBe(name);
}

const press = async (page: Page, key: string, times = 1) => {
  for (let count = 0; count < times; count++) await page.keyboard.press(key);
};

describe.each(['popover', 'modal'])('a %s survey with every question type', (mode) => {
  it('is completed with Tab, arrow keys, Space, typing and Enter alone', async () => {
    const page = await h.newPage();
    await page.goto(h.url(`/gallery/?open=every-type-${mode}`));
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    // Asked for, so the survey took focus: on the first point of the scale.
    expect(await focusedLabel(page)).toBe('0');

    await press(page, 'ArrowRight', 9); // NPS 9
    await pressNext(page);
    await page.getByRole('radio', { name: '1 star' }).waitFor();
    await press(page, 'ArrowRight', 3); // 4 stars
    await pressNext(page);
    await page.getByRole('radiogroup', { name: 'How do you feel about the new checkout?' }).waitFor();
    await press(page, 'ArrowRight', 4); // the happiest face, 5
    await pressNext(page);
    await page.getByRole('radiogroup', { name: 'How satisfied are you with the delivery?' }).waitFor();
    await press(page, 'ArrowRight', 3); // 4 Satisfied
    await pressNext(page);
    await page.getByRole('radiogroup', { name: 'The site made it easy for me to find what I wanted.' }).waitFor();
    await press(page, 'ArrowRight', 5); // 6 Easy
    await pressNext(page);
    await page.getByRole('radio', { name: 'Thumbs up' }).waitFor();
    await press(page, ' '); // thumbs up
    await pressNext(page);
    await page.getByRole('radio', { name: 'Search engine' }).waitFor();
    await press(page, 'ArrowDown', 3); // Other…
    await press(page, 'Tab'); // …and its text field
    await page.keyboard.type('A podcast');
    await pressNext(page);
    await page.getByRole('checkbox', { name: 'Price' }).waitFor();
    await press(page, ' '); // Price
    await press(page, 'Tab', 2);
    await press(page, ' '); // Delivery speed
    await pressNext(page);
    await page.getByRole('radio', { name: 'Blue', exact: true }).waitFor();
    await press(page, 'ArrowRight'); // the red mug's card
    await pressNext(page);
    await page.getByRole('group', { name: 'How much do you agree?' }).waitFor();
    await press(page, 'ArrowRight', 2); // row 1: Agree
    await press(page, 'Tab');
    await press(page, 'ArrowRight'); // row 2: Neutral
    await press(page, 'Tab');
    await press(page, ' '); // row 3: Disagree
    await pressNext(page);
    await page.getByRole('list', { name: 'Put these in order of importance' }).waitFor();
    await tabTo(page, 'Move Delivery speed up');
    await press(page, 'Enter', 2); // Delivery speed to the top; focus follows it
    expect(await focusedLabel(page)).toBe('Move Delivery speed down');
    await pressNext(page);
    await page.getByRole('slider').waitFor();
    expect(await focusedTag(page)).toBe('input');
    await press(page, 'ArrowRight', 2); // 100 → 120
    await pressNext(page);
    await page.getByRole('textbox', { name: 'Your email, if you would like an answer' }).waitFor();
    await page.keyboard.type('ada@example.com');
    await pressNext(page);
    const link = page.getByRole('link', { name: 'Show me the mugs' });
    await link.waitFor();
    expect(await focusedLabel(page)).toBe('Show me the mugs');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), press(page, 'Enter')]);
    await tab.close();
    await page.getByRole('textbox', { name: 'Anything else you would like to tell us?' }).waitFor();
    expect(await focusedTag(page)).toBe('textarea');
    await page.keyboard.type('Lovely mugs');
    await pressNext(page);
    await page.getByText('Thank you — this helps us improve.').waitFor();
    expect(await focusInSurvey(page)).toBe(true);

    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual(GALLERY_ANSWERS);
    assertNoPageErrors(h.problems(page));
  });
});

describe('focus', () => {
  it('stays where it was when a popover appears on its own', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/gallery/'));
    await page.evaluate(() => {
      window.earshot.init({
        endpoint: '/api/earshot',
        surveys: [{ id: 'passive', trigger: { event: 'journey_point' }, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }] }],
      });
      document.querySelector<HTMLElement>('[data-theme-toggle]')!.focus();
      window.earshot.track('journey_point');
    });
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await focusInSurvey(page)).toBe(false);
    expect(await focusedLabel(page)).toBe('Dark theme');
  });

  it('moves into a modal opened from the keyboard, is kept there, and goes back to the opener on Escape', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/gallery/'));
    await page.getByRole('button', { name: 'Modal', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await focusedLabel(page)).toBe('0');
    // Tab goes round the dialog's controls (and the browser's own, past the last); never to the inert page behind.
    const owners = new Set<string>();
    for (let presses = 0; presses < 8; presses++) {
      await page.keyboard.press('Tab');
      owners.add(await page.evaluate(() => document.activeElement?.localName ?? 'none'));
    }
    expect([...owners].filter((owner) => !['earshot-survey', 'body', 'none'].includes(owner))).toEqual([]);
    expect(owners.has('earshot-survey')).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Modal');
  });
});
