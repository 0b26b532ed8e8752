// Nested trigger groups in the builder, edited with the keyboard alone in a real Chromium: built,
// reordered, moved out of a group and removed, focus following each edit and a status line saying
// what changed, each group a named group for screen readers; axe-core finds nothing to fix. Text
// being typed is never thrown away, and a part's kind can change back and forth.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitUntil } from './harness';
import { axeViolations, focusedName, openBuilder, shownJson, tabTo } from './builder-page';

const h = useBrowserHarness();

const focusIsOn = (page: Page, name: string) => waitUntil(async () => (await focusedName(page)) === name, { describe: () => `focus on "${name}"` });

/** What the trigger editor's status line says. */
const said = (page: Page) => page.locator('builder-trigger-editor').getByRole('status');

describe('nested trigger groups', () => {
  it('are built, reordered, moved out of and removed with the keyboard alone, and pass axe-core', async () => {
    const page = await openBuilder(h);
    await tabTo(page, 'Show the survey');
    await page.keyboard.type('when all');
    await tabTo(page, 'Journey point 1');
    await page.keyboard.type('The page');
    await tabTo(page, 'Page path pattern (journey point 1)');
    await page.keyboard.type('/shop/cart.html');

    await tabTo(page, 'Add a group');
    await page.keyboard.press('Enter');
    await focusIsOn(page, 'Journey point 2.1');
    await said(page).filter({ hasText: 'Added group 2: now journey point 2.1.' }).waitFor();
    await page.keyboard.type('Time');
    await tabTo(page, 'Seconds on the page (journey point 2.1)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    await tabTo(page, 'Add a journey point to group 2');
    await page.keyboard.press('Enter');
    await focusIsOn(page, 'Journey point 2.2');
    await page.keyboard.type('The visitor');
    expect(await shownJson(page)).toMatchObject({ trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] } });

    // Exit intent first: moved up, it keeps focus on its own buttons.
    await tabTo(page, 'Move journey point 2.2 up');
    await page.keyboard.press('Enter');
    await said(page).filter({ hasText: 'Moved journey point 2.2 up: now journey point 2.1.' }).waitFor();
    await focusIsOn(page, 'Move journey point 2.1 down');

    // A group three levels deep, then its point moved out of it and the empty group removed.
    await tabTo(page, 'Add a group to group 2');
    await page.keyboard.press('Enter');
    await focusIsOn(page, 'Journey point 2.3.1');
    await tabTo(page, 'Event name (journey point 2.3.1)');
    await page.keyboard.type('help_opened');
    await page.getByRole('group', { name: 'Group 2.3: all of these', exact: true }).waitFor();
    await tabTo(page, 'Move journey point 2.3.1 out of group 2.3');
    await page.keyboard.press('Enter');
    await said(page).filter({ hasText: 'Moved journey point 2.3.1 out of its group: now journey point 2.4.' }).waitFor();
    await focusIsOn(page, 'Journey point 2.4');
    await tabTo(page, 'Remove group 2.3', { backwards: true });
    await page.keyboard.press('Enter');
    await said(page).filter({ hasText: 'Removed group 2.3: now journey point 2.3.' }).waitFor();
    await focusIsOn(page, 'Journey point 2.3');

    expect(((await shownJson(page)) as { trigger: unknown }).trigger).toEqual({
      all: [{ url: '/shop/cart.html' }, { any: [{ exitIntent: true }, { delay: 20 }, { event: 'help_opened' }] }],
    });
    await page.getByText('No problems: ready to use.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('keep what was typed: a part changed to another kind and back, and a number being typed', async () => {
    const page = await openBuilder(h);
    const select = (name: string) => page.getByRole('combobox', { name, exact: true });
    const box = (name: string) => page.getByRole('textbox', { name, exact: true });
    await select('Show the survey').selectOption('any');
    await box('Event name (journey point 1)').fill('checkout_complete');
    // One Backspace, as in the issue: the point stays an event, with its text less one letter.
    await box('Event name (journey point 1)').press('Backspace');
    expect(await box('Event name (journey point 1)').inputValue()).toBe('checkout_complet');
    await box('Event name (journey point 1)').press('Backspace');
    await select('Journey point 1').selectOption('any');
    await page.getByRole('group', { name: 'Group 1: any of these', exact: true }).waitFor();
    await select('Journey point 1').selectOption('delay');
    await box('Seconds on the page (journey point 1)').fill('2.');
    expect(await box('Seconds on the page (journey point 1)').inputValue()).toBe('2.');
    await select('Journey point 1').selectOption('event');
    expect(await box('Event name (journey point 1)').inputValue()).toBe('checkout_comple');
    await select('Journey point 1').selectOption('all');
    expect(((await shownJson(page)) as { trigger: unknown }).trigger).toEqual({ any: [{ all: [{ event: 'checkout_comple' }] }] });
    assertNoPageErrors(h.problems(page));
  });
});
