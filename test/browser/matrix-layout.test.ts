// A matrix lays its statements out as a grid, the column labels heading it, where its card has
// room (an inline survey in a wide column), and stacks each statement above its labelled points
// where it has not (a popover, a phone). axe-core finds nothing in either, in the light and the
// dark scheme, left to right and right to left; the SUS template shown as one matrix looks the
// same. `npm run screenshots` puts both layouts in docs/images/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { docsPicture } from './docs-pictures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const h = useBrowserHarness();

/** Opens the gallery page with a `wide` or narrow inline slot and shows the SUS template as one matrix in it. */
async function showSus(page: Page, { wide, scheme = 'light', lang = 'en' }: { wide: boolean; scheme?: string; lang?: string }): Promise<void> {
  await page.goto(h.url('/gallery/'));
  await page.evaluate(
    ({ wide, scheme, lang }) => {
      const slot = document.querySelector<HTMLElement>('#inline-slot')!;
      // Wide: as in a page's main column; narrow: as in a phone's.
      slot.style.maxWidth = wide ? '760px' : '340px';
      document.querySelector<HTMLElement>('main')!.style.maxWidth = '800px';
      window.earshot.init({
        endpoint: '/api/earshot',
        locale: lang,
        colorScheme: scheme as 'light' | 'dark',
        surveys: [{ id: 'sus-grid', template: 'sus', layout: 'matrix', display: 'inline', target: '#inline-slot', templateText: { sus1: 'I would like to use this often.' } }],
      });
      window.earshot.show('sus-grid');
    },
    { wide, scheme, lang },
  );
  await page.getByRole('group').first().waitFor();
}

/** Where the statement and its first point are: side by side in a grid, one above the other when stacked. */
const firstRowLayout = (page: Page) =>
  page
    .locator('earshot-survey')
    .locator('[part~="row"]')
    .first()
    .evaluate((row) => {
      const statement = row.querySelector('.statement')!.getBoundingClientRect();
      const point = row.querySelector('.option')!.getBoundingClientRect();
      return { sideBySide: Math.abs(statement.top - point.top) < statement.height, headShown: getComputedStyle(row.parentElement!.querySelector('.head')!).display !== 'none' };
    });

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document.querySelector('earshot-survey')!)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

describe('a matrix', () => {
  it('is a grid headed by its column labels where there is room, and stacks each row where there is not', async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 1024, height: 900 });
    await showSus(page, { wide: true });
    expect(await firstRowLayout(page)).toEqual({ sideBySide: true, headShown: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await docsPicture(page.locator('#inline-slot'), 'type-matrix-wide-light.png');
    await page.evaluate(() => (document.querySelector<HTMLElement>('#inline-slot')!.style.maxWidth = '340px'));
    expect(await firstRowLayout(page)).toEqual({ sideBySide: false, headShown: false });
    assertNoPageErrors(h.problems(page));
  });

  it.each([
    ['light', 'en', true],
    ['dark', 'ar', true],
    ['light', 'ar', false],
    ['dark', 'en', false],
  ] as const)('has no axe violations (%s, %s, wide: %s)', async (scheme, lang, wide) => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 1024, height: 900 });
    await showSus(page, { wide, scheme, lang });
    expect(await page.locator('earshot-survey').locator('[part~="card"]').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await axeViolations(page)).toEqual([]);
    // Answered throughout, as a visitor leaves it.
    for (const row of await page.locator('earshot-survey').locator('[part~="row"]').all()) await row.locator('input').nth(2).click();
    expect(await axeViolations(page)).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('delivers the SUS items of the one step under the matrix, each row its item id, scored on 1–5 as one item per step', async () => {
    const page = await h.newPage();
    await showSus(page, { wide: true });
    const rows = page.getByRole('radiogroup');
    expect(await rows.count()).toBe(10);
    expect(await rows.first().getAttribute('aria-labelledby')).toBeTruthy();
    await page.getByRole('radiogroup', { name: 'I would like to use this often.' }).getByRole('radio', { name: 'Strongly agree' }).click();
    for (let index = 1; index < 10; index++)
      await rows
        .nth(index)
        .getByRole('radio', { name: index % 2 ? 'Disagree' : 'Agree', exact: true })
        .click();
    await page.getByRole('button', { name: 'Submit' }).click();
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ template: 'sus', answers: { sus: { sus1: 5, sus2: 2, sus3: 4, sus4: 2, sus5: 4, sus6: 2, sus7: 4, sus8: 2, sus9: 4, sus10: 2 } } });
    expect(response.questions).toEqual([
      expect.objectContaining({
        id: 'sus',
        type: 'matrix',
        columns: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'].map((label, index) => ({ value: index + 1, label })),
      }),
    ]);
    assertNoPageErrors(h.problems(page));
  });
});
