// axe-core finds no accessibility violations in the survey, in each state a visitor meets:
// a question, the "please answer" message, the text question, and the thank-you step.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const h = useBrowserHarness();

/** axe's violations inside <earshot-survey> (it walks open shadow roots), as "rule: help (n nodes)". */
async function violations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document.querySelector('earshot-survey')!);
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  });
}

it('passes axe-core with a question open, with the required message, on the text question and on the thank-you step', async () => {
  const page = await h.newPage();
  await page.goto(h.url('/shop/done.html'));
  const nine = page.getByRole('radio', { name: '9', exact: true });
  await nine.waitFor({ state: 'visible' });
  await page.addScriptTag({ content: AXE_SOURCE });

  expect(await violations(page), 'question open').toEqual([]);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('alert').waitFor({ state: 'visible' });
  expect(await violations(page), 'required message shown').toEqual([]);

  await nine.click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('textbox', { name: 'What is the main reason for your score?' }).waitFor({ state: 'visible' });
  expect(await violations(page), 'text question').toEqual([]);

  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Thank you — this helps us improve.' }).waitFor({ state: 'visible' });
  expect(await violations(page), 'thank-you step').toEqual([]);
  assertNoPageErrors(h.problems(page));
});
