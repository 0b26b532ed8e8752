// A shopper finishes checkout in the demo shop and answers the post-checkout NPS survey,
// in a real Chromium, with the real bundle (dist/earshot.min.js) and the demo collector.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, expectWellFormed, sleep, useBrowserHarness, waitForResponses, type StoredResponse } from './harness';

const SCORE_TEXT = 'How likely are you to recommend us to a friend?';
const REASON_TEXT = 'What is the main reason for your score?';
const THANKS = 'Thank you — this helps us improve.';
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const h = useBrowserHarness();

/** Opens the order-confirmed page and waits for the survey's NPS scale to show. */
async function openDonePage(): Promise<Page> {
  const page = await h.newPage();
  await page.goto(h.url('/shop/done.html'));
  await page.getByRole('radio', { name: '9', exact: true }).waitFor(VISIBLE);
  return page;
}

const npsRadio = (page: Page, n: number) => page.getByRole('radio', { name: String(n), exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** What every response of this journey says, whatever was answered. */
const wellFormed = () => ({ surveyId: 'post-checkout-nps', trigger: { event: 'checkout_completed' }, pageUrl: h.url('/shop/done.html') });

describe('post-checkout NPS journey', () => {
  it('walks from product to order confirmation, where the survey pops up in a shadow root without taking focus', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/shop/'));
    await page.getByRole('combobox', { name: 'Quantity' }).selectOption('2');
    await button(page, 'Add to cart').click();
    await page.waitForURL(/\/shop\/cart\.html\?qty=2$/);
    await page.getByRole('link', { name: 'Checkout', exact: true }).click();
    await page.waitForURL(/\/shop\/checkout\.html/);
    // Nothing is asked before the journey point.
    expect(await page.locator('earshot-survey').count()).toBe(0);
    await button(page, 'Place order').click();
    await page.waitForURL(/\/shop\/done\.html/);

    await npsRadio(page, 9).waitFor(VISIBLE);
    const host = await page.evaluate(() => {
      const el = document.querySelector('earshot-survey');
      return {
        count: document.querySelectorAll('earshot-survey').length,
        inBody: el?.parentElement === document.body,
        openShadow: !!el?.shadowRoot,
        activeIsBody: document.activeElement === document.body,
      };
    });
    expect(host).toEqual({ count: 1, inBody: true, openShadow: true, activeIsBody: true });

    const group = page.getByRole('radiogroup', { name: SCORE_TEXT });
    await group.waitFor(VISIBLE);
    for (let n = 0; n <= 10; n++) expect(await npsRadio(page, n).count(), `radio "${n}"`).toBe(1);

    // Seeing the survey sends nothing: a response exists only once the visitor answers.
    await sleep(300);
    expect(h.server.collector.batches).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('delivers a completed response with only the score when the optional reason is skipped', async () => {
    const page = await openDonePage();
    await npsRadio(page, 9).click();
    expect(await npsRadio(page, 9).isChecked()).toBe(true);
    await button(page, 'Next').click();
    await page.getByRole('textbox', { name: REASON_TEXT }).waitFor(VISIBLE);
    await button(page, 'Submit').click();
    await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);

    const all = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(all).toHaveLength(1);
    const [response] = all;
    expect(response.completed).toBe(true);
    expect(response.answers).toEqual({ score: 9 });
    expect(response.questions).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'score', type: 'nps', text: SCORE_TEXT })]));
    expectWellFormed(response, wellFormed());

    // Every copy the collector saw was this one response (partial first, then complete).
    const ids = new Set((h.server.collector.batches as Array<{ responses: StoredResponse[] }>).flatMap((b) => b.responses.map((r) => r.id)));
    expect([...ids]).toEqual([response.id]);
    assertNoPageErrors(h.problems(page));
  });

  it('delivers the typed reason with the score', async () => {
    const page = await openDonePage();
    await npsRadio(page, 9).click();
    await button(page, 'Next').click();
    const reason = page.getByRole('textbox', { name: REASON_TEXT });
    await reason.waitFor(VISIBLE);
    await reason.fill('Fast delivery');
    await button(page, 'Submit').click();
    await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);

    const all = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(all).toHaveLength(1);
    const [response] = all;
    expect(response.answers).toEqual({ score: 9, reason: 'Fast delivery' });
    expect(response.questions).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'score', type: 'nps', text: SCORE_TEXT }), expect.objectContaining({ id: 'reason', type: 'text', text: REASON_TEXT })]),
    );
    expectWellFormed(response, wellFormed());
    assertNoPageErrors(h.problems(page));
  });

  it('closes on Escape and still delivers the partial answer as not completed', async () => {
    const page = await openDonePage();
    await npsRadio(page, 4).click();
    await page.keyboard.press('Escape');
    await npsRadio(page, 4).waitFor({ state: 'hidden', timeout: 5_000 });
    expect(await page.getByRole('radiogroup', { name: SCORE_TEXT }).count()).toBe(0);

    const all = await waitForResponses(h.server, 1);
    expect(all).toHaveLength(1);
    const [response] = all;
    expect(response.completed).toBe(false);
    expect(response.answers).toEqual({ score: 4 });
    expectWellFormed(response, wellFormed());

    // It stays closed, and no completed version ever arrives.
    await sleep(1_500);
    expect(await page.locator('earshot-survey').filter({ visible: true }).count()).toBe(0);
    expect(h.responses()).toHaveLength(1);
    expect(h.responses()[0].completed).toBe(false);
    assertNoPageErrors(h.problems(page));
  });

  it('closes with the Close button without sending anything when nothing was answered', async () => {
    const page = await openDonePage();
    await button(page, 'Close').click();
    await npsRadio(page, 9).waitFor({ state: 'hidden', timeout: 5_000 });
    await sleep(1_500);
    expect(h.server.collector.batches).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('opens on demand from the "Give feedback" button with a manual trigger', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/shop/'));
    await sleep(300);
    expect(await page.locator('earshot-survey').count()).toBe(0);
    await button(page, 'Give feedback').click();
    await npsRadio(page, 10).waitFor(VISIBLE);
    await npsRadio(page, 10).click();
    await button(page, 'Next').click();
    await button(page, 'Submit').click();
    await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);

    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 10 });
    expect(response.trigger).toEqual({ manual: true });
    expect(response.page?.url).toBe(h.url('/shop/'));
    assertNoPageErrors(h.problems(page));
  });

  it.each([
    ['a universal rule', '* { color: red; font-size: 40px; font-family: serif }'],
    ['a universal rule with !important', '* { color: red !important; font-size: 40px !important; font-family: serif !important }'],
    ['a rule on the element itself', 'earshot-survey { color: red; font-size: 40px; font-family: serif; line-height: 3 }'],
  ])('keeps its look when the host page has %s', async (_name, css) => {
    const page = await openDonePage();
    const snapshot = () =>
      page.evaluate(() => {
        // Every element of the widget, nested shadow roots included.
        const walk = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? walk(el.shadowRoot) : [])]);
        const all = walk(document.querySelector('earshot-survey')!.shadowRoot!);
        // What a visitor sees: controls, and elements that hold text themselves.
        return all
          .filter((el) => /^(INPUT|BUTTON|TEXTAREA|LABEL)$/.test(el.tagName) || [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
          .map((el) => {
            const s = getComputedStyle(el);
            const text = (el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || '';
            return `${el.tagName} "${text}": ${s.color} ${s.fontSize} ${s.fontFamily} ${s.lineHeight}`;
          });
      });
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await page.addStyleTag({ content: css });
    const after = await snapshot();
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [`${before[i]}  =>  ${line}`]));
    const shown = changed.length > 4 ? [...changed.slice(0, 4), `…and ${changed.length - 4} more`] : changed;
    expect(shown, `host CSS ${css} restyled the widget (before => after)`).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });
});
