// What the builder's Chromium tests share: opening the builder, reading its JSON, axe-core in
// its shadow roots, and where keyboard focus is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function openBuilder(h: Harness): Promise<Page> {
  const page = await h.newPage();
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(h.url('/builder/'));
  await page.getByRole('textbox', { name: 'Survey id', exact: true }).waitFor();
  return page;
}

/** The survey as the builder's read-only JSON view shows it. */
export async function shownJson(page: Page): Promise<unknown> {
  return JSON.parse(await page.getByRole('textbox', { name: 'Survey JSON', exact: true }).inputValue());
}

/** The survey the preview pane shows (the real widget, inside the builder's shadow DOM). */
export const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

/** The text `aria-describedby` points at, looked up in the field's own shadow root. */
export function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const root = element.getRootNode() as Document | ShadowRoot;
    return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  });
}

/** axe's violations in `selector` (it walks open shadow roots), as "rule: help (n nodes)". */
export async function axeViolations(page: Page, selector = 'builder-app'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (context) => {
    type Result = { id: string; help: string; nodes: Array<{ target: unknown }> };
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document.querySelector(context)!);
    return violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length}) ${JSON.stringify(violation.nodes.map((node) => node.target)).slice(0, 300)}`,
    );
  }, selector);
}

/** The label (or name) of the focused control, through shadow roots. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const control = active as HTMLInputElement | null;
    return (control?.labels?.[0]?.textContent ?? control?.getAttribute('aria-label') ?? control?.textContent ?? '').trim().replace(/\s+/g, ' ');
  });
}

/** Presses Tab (Shift+Tab with `backwards`) until the control named `name` has focus: it can be reached by keyboard. */
export async function tabTo(page: Page, name: string, { backwards = false, presses = 200 } = {}): Promise<void> {
  for (let pressed = 0; pressed < presses; pressed++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${name}" (focus is on "${await focusedName(page)}")`);
}
