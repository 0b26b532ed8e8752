// Earshot in a host page that does everything to break it (examples/hostile/): a strict CSP with
// Trusted Types, styles that leak into every element, a bar at the highest z-index, markup in
// every survey text. The survey must look and work as anywhere else, and leave the page alone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';
import { STRICT_CSP, hostRecord, watchHostPage, withHeaders } from './host-page';

const h = useBrowserHarness();

/** Opens examples/hostile/ (`after`: what follows /hostile/ in the URL), under `csp` if given. */
async function hostilePage({ csp, after = '', before }: { csp?: string; after?: string; before?: (page: Page) => Promise<void> } = {}): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await before?.(page);
  await watchHostPage(page);
  if (csp) await withHeaders(page, '/hostile/', { 'Content-Security-Policy': csp });
  await page.goto(h.url(`/hostile/${after}`));
  return page;
}

/** Answers the three questions of the `markup` survey and submits. */
async function answerMarkupSurvey(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Popover survey' }).click();
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /Vector$/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: '<u>Why?</u>' }).fill('Because it works everywhere, even here');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thanks!', { exact: false }).waitFor();
}

/** The styles that matter of an element inside the survey, found by a selector path through shadow roots. */
const stylesOf = (page: Page, ...path: string[]) =>
  page.evaluate((selectors) => {
    let element: Element | null | undefined = document.querySelector(selectors[0]);
    for (const selector of selectors.slice(1)) element = element?.shadowRoot?.querySelector(selector);
    const style = getComputedStyle(element!);
    const names = [
      'font-family',
      'font-size',
      'font-style',
      'font-weight',
      'line-height',
      'letter-spacing',
      'word-spacing',
      'text-align',
      'text-transform',
      'text-indent',
      'text-shadow',
      'color',
      '-webkit-text-fill-color',
      'white-space',
      'direction',
      'cursor',
      'visibility',
      'pointer-events',
      'color-scheme',
    ];
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  }, path);

/** The widget's own text styles, whatever the page says. */
const OWN_TEXT = {
  'font-family': 'system-ui, sans-serif',
  'font-size': '15px',
  'font-style': 'normal',
  'font-weight': '400',
  'line-height': '21px',
  'letter-spacing': 'normal',
  'word-spacing': '0px',
  'text-align': 'start',
  'text-transform': 'none',
  'text-indent': '0px',
  'text-shadow': 'none',
  color: 'rgb(17, 24, 39)',
  '-webkit-text-fill-color': 'rgb(17, 24, 39)',
  'white-space': 'normal',
  direction: 'ltr',
  cursor: 'auto',
  visibility: 'visible',
  'pointer-events': 'auto',
  // The card declares its own scheme (light unless colorScheme says otherwise), whatever the page's.
  'color-scheme': 'light',
};

/** Which element the page hit-tests at the centre of `selector`'s box. */
async function onTopAtCentreOf(page: Page, selector: string): Promise<string | undefined> {
  const box = (await page.locator(selector).boundingBox())!;
  return page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [box.x + box.width / 2, box.y + box.height / 2]);
}

describe('strict CSP and Trusted Types', () => {
  it.each(['', 'split.html'])(`shows, answers and delivers a survey with no violation under "${STRICT_CSP}" (/hostile/%s)`, async (file) => {
    const page = await hostilePage({ csp: STRICT_CSP, after: file });
    await answerMarkupSurvey(page);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 9, pick: 'svg', why: 'Because it works eve' });
    expect(await hostRecord(page)).toEqual({ violations: [], errors: [], earshotErrors: [] });
    assertNoPageErrors(h.problems(page));
  });

  it('reports through the error event, and throws nothing at the page, when its Trusted Types policy does not allow "earshot"', async () => {
    const page = await hostilePage({ csp: "require-trusted-types-for 'script'; trusted-types host-app" });
    await page.getByRole('button', { name: 'Popover survey' }).click();
    await waitUntil(async () => (await hostRecord(page)).earshotErrors.length, { describe: () => 'an Earshot error event' });
    const record = await hostRecord(page);
    expect(record.earshotErrors).toEqual([
      expect.stringMatching(/^internal: the Feedback tab of survey "tab" could not be shown \(TypeError: .*TrustedHTML/),
      expect.stringMatching(/^definition: survey "markup" could not be shown \(TypeError: .*TrustedHTML/),
    ]);
    expect(record.errors).toEqual([]);
    // The page's policy did its job, and said so.
    expect(record.violations).toContain('trusted-types trusted-types-policy earshot');
    expect(await page.locator('earshot-survey, earshot-feedback-tab').count()).toBe(0);
    // The host page and the API still work.
    await page.evaluate(() => window.earshot.show('modal'));
    expect(h.problems(page).pageErrors).toEqual([]);
  });

  it('styles the widget through nonced <style> elements with styleNonce where constructable stylesheets are missing', async () => {
    const withoutConstructableSheets = async (page: Page) => {
      await page.addInitScript(() => delete (Document.prototype as Partial<Document>).adoptedStyleSheets);
    };
    const csp = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'nonce-r4nd0m'");
    const page = await hostilePage({ csp, after: '?nonce=r4nd0m', before: withoutConstructableSheets });
    await page.getByRole('button', { name: 'Popover survey' }).click();
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await page.evaluate(() => document.querySelector('earshot-survey')!.shadowRoot!.querySelectorAll('style[nonce]').length)).toBeGreaterThan(0);
    expect(await stylesOf(page, 'earshot-survey', '.card')).toMatchObject(OWN_TEXT);
    expect((await hostRecord(page)).violations).toEqual([]);

    // Without the option the same browser's CSP refuses those styles: the option is what makes it work.
    // (The Feedback tab, there from the start, is enough to see it.)
    const unstyled = await hostilePage({ csp, before: withoutConstructableSheets });
    const refused = await waitUntil(async () => (await hostRecord(unstyled)).violations.find((one) => one.startsWith('style-src-elem inline')), {
      describe: () => 'a style-src-elem violation',
    });
    expect(refused).toBeTruthy();
  });
});

describe('hostile CSS and a bar at z-index 2147483647', () => {
  it('keeps the popover, the modal and the Feedback tab on top, in place, with their own styles, and clickable', async () => {
    const page = await hostilePage();
    // The Feedback tab is there from the start, under the bar's area.
    expect(await onTopAtCentreOf(page, 'earshot-feedback-tab')).toBe('earshot-feedback-tab');

    await page.getByRole('button', { name: 'Popover survey' }).click();
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await onTopAtCentreOf(page, 'earshot-survey')).toBe('earshot-survey');
    const box = (await page.locator('earshot-survey').boundingBox())!;
    expect(1280 - (box.x + box.width)).toBeCloseTo(16, 0);
    expect(800 - (box.y + box.height)).toBeCloseTo(16, 0);
    expect(box.width).toBeCloseTo(380, 0);
    expect(await stylesOf(page, 'earshot-survey', '.card')).toEqual(OWN_TEXT);
    // The question text, two shadow roots down, is the theme's: 1em of the card, semibold.
    expect(await stylesOf(page, 'earshot-survey', 'earshot-nps-question', '.text')).toEqual({ ...OWN_TEXT, 'font-weight': '600' });
    // Clicks reach it, although the page turned pointer events off.
    await page.getByRole('radio', { name: '7', exact: true }).click();
    expect(await page.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Modal survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Feedback survey' });
    await dialog.waitFor();
    expect(await onTopAtCentreOf(page, 'earshot-survey >> dialog')).toBe('earshot-survey');
    expect(await stylesOf(page, 'earshot-survey', 'dialog')).toEqual(OWN_TEXT);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await hostRecord(page)).errors).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });
});

describe('markup in survey texts', () => {
  it('is shown as text in question texts, labels, placeholders and the thank-you step, and never runs', async () => {
    const page = await hostilePage();
    await page.getByRole('button', { name: 'Popover survey' }).click();
    await page.getByRole('radiogroup', { name: /^<img src=x onerror="window.pwned='question'"><script>window.pwned='question'<\/script> How likely/ }).waitFor();
    await page.getByText(`<img src=x onerror="window.pwned='low label'">`, { exact: false }).waitFor();
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const bold = page.getByRole('radio', { name: `<b onmouseover="window.pwned='option'">Bold</b>` });
    await bold.hover();
    await bold.click();
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await page.getByRole('textbox', { name: '<u>Why?</u>' }).getAttribute('placeholder')).toBe(
      `<img src=x onerror="window.pwned='placeholder'"><script>window.pwned='placeholder'</script>`,
    );
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText(`<iframe srcdoc="<script>parent.pwned='thanks'</script>"></iframe>Thanks!`).waitFor();
    await page.getByRole('link', { name: '<i>More</i>' }).waitFor();

    // No element came from a definition, in any of the widget's shadow roots, and no handler ran.
    const made = await page.evaluate(() => {
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          if (root !== document && ['img', 'script', 'svg', 'iframe', 'b', 'u', 'i'].includes(element.localName)) found.push(element.localName);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return { found, pwned: (window as { pwned?: unknown }).pwned };
    });
    expect(made).toEqual({ found: [], pwned: undefined });
    assertNoPageErrors(h.problems(page));
  });
});

describe('globals', () => {
  it('adds exactly one global, earshot, and changes no built-in or prototype, through a whole survey', async () => {
    const page = await hostilePage();
    await answerMarkupSurvey(page);
    await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(await page.evaluate(() => window.host.snapshot())).toEqual(['global earshot']);
  });
});
