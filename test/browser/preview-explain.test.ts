// Product teams on the real site, in a real Chromium with the script-tag bundle: a survey previewed
// through earshot.preview() or ?earshot_preview= shows at once marked "Preview", and its answers
// reach the demo collector flagged (never counted in its results or scores) or not at all; the
// debug: true panel says why each survey does or does not show, by keyboard and to axe-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, receivedCopies, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';
import { docsPicture } from './docs-pictures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const h = useBrowserHarness();

const NPS = {
  id: 'checkout-nps',
  trigger: { all: [{ url: { startsWith: '/checkout' } }, { event: 'checkout_completed' }] },
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};
const PRO_ONLY = {
  id: 'pro-feedback',
  trigger: { event: 'report_exported' },
  audience: { traits: { plan: 'pro' } },
  questions: [{ id: 'useful', type: 'thumbs', text: 'Was this report useful?' }],
};

/** A page of the shop at `pathname` with the script-tag build; Earshot is started by the test. */
async function openShopPage(pathname: string): Promise<Page> {
  const page = await h.newPage();
  const address = new URL(h.url(pathname));
  await page.route(
    (url) => url.pathname === address.pathname,
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Cart</title></head><body><main><h1>Your cart</h1><button type="button" id="pay">Pay</button></main><script src="/dist/earshot.min.js"></script></body></html>`,
      }),
  );
  await page.goto(address.href);
  return page;
}

const collectorRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/earshot') seen.push(request.method());
  });
  return seen;
};

/** axe-core's violations inside the element `selector` (it walks open shadow roots). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    const { violations } = await axe.run(document.querySelector(selector)!);
    return violations.map(({ id, help }) => `${id}: ${help}`);
  }, selector);
}

describe('preview', () => {
  it('earshot.preview() shows the survey at once, marked Preview; the collector gets it flagged and counts it nowhere', async () => {
    const page = await openShopPage('/cart');
    await page.evaluate((survey) => {
      window.earshot.init({ endpoint: '/api/earshot', surveys: [] });
      // Targeting would never show this one here: wrong URL, no event, nobody sampled.
      window.earshot.preview({ ...survey, sample: 0 } as never);
    }, NPS);
    const card = page.getByRole('dialog', { name: 'Feedback survey' });
    await expect(card.getByText('Preview', { exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole('radio', { name: '3', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    const [stored] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(stored).toMatchObject({ surveyId: 'checkout-nps', preview: true, completed: true, answers: { score: 3 }, trigger: { manual: true } });
    expect(receivedCopies(h.server).every((response) => response.preview === true)).toBe(true);

    const scores = await (await fetch(h.url('/api/earshot/scores?survey=checkout-nps'))).json();
    expect(scores).toMatchObject({ responses: 0, previewResponses: 1 });
    const results = await h.newPage();
    await results.goto(h.url('/results'));
    // The survey has no response that counts, and the page says where its one answer went.
    await expect(results.getByText('No responses to checkout-nps yet.').count()).resolves.toBe(1);
    await expect(results.getByText('1 preview answer left out.').count()).resolves.toBe(1);
    assertNoPageErrors(h.problems(page));
  });

  it('?earshot_preview=<surveyId> shows that configured survey on arrival, marked Preview', async () => {
    const page = await openShopPage('/cart?earshot_preview=checkout-nps');
    await page.evaluate((survey) => window.earshot.init({ endpoint: '/api/earshot', surveys: [survey as never] }), NPS);
    const card = page.getByRole('dialog', { name: 'Feedback survey' });
    await expect(card.getByText('Preview', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(card.getByRole('radiogroup', { name: 'How likely are you to recommend us?' }).count()).resolves.toBe(1);
    assertNoPageErrors(h.problems(page));
  });

  it('with previews: "discard", an answered preview sends nothing at all', async () => {
    const page = await openShopPage('/cart');
    const requests = collectorRequests(page);
    await page.evaluate((survey) => {
      window.earshot.init({ endpoint: '/api/earshot', surveys: [survey as never], previews: 'discard' });
      window.earshot.preview('checkout-nps');
    }, NPS);
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.evaluate(() => window.earshot.flush());
    // Longer than the pause after which a partial answer would have been sent.
    await sleep(1500);
    expect(requests).toEqual([]);
    expect(h.responses()).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });
});

describe('debug: true panel', () => {
  it('lists why each survey does not show, follows the page, works by keyboard, closes with Escape and passes axe-core', async () => {
    const page = await openShopPage('/cart');
    await page.evaluate(
      (surveys) => {
        window.earshot.init({ endpoint: '/api/earshot', debug: true, user: { id: 'u1', traits: { plan: 'free' } }, surveys: surveys as never });
      },
      [NPS, PRO_ONLY],
    );
    const panel = page.getByRole('region', { name: 'Earshot: why surveys show or not' });
    await panel.waitFor({ state: 'visible' });
    const reasonsOf = (surveyId: string) => page.locator(`earshot-debug-panel li[data-survey="${surveyId}"] li`).allTextContents();
    await waitUntil(async () => (await reasonsOf('checkout-nps')).length > 0);
    expect(await reasonsOf('checkout-nps')).toEqual([
      'url the page URL /cart does not match trigger.url startsWith "/checkout"',
      'trigger trigger not reached: waiting for the event "checkout_completed"',
    ]);
    expect(await reasonsOf('pro-feedback')).toContain('audience audience rule traits.plan "pro" failed: the visitor\'s value is "free"');
    await page.setViewportSize({ width: 720, height: 440 });
    await docsPicture(page, 'debug-panel.png');

    // A route change and identify() update it.
    await page.evaluate(() => {
      history.pushState(null, '', '/checkout/pay');
      window.earshot.identify('u1', { plan: 'pro' });
    });
    await waitUntil(async () => (await reasonsOf('pro-feedback')).every((text) => !text.startsWith('audience')), { describe: () => 'the audience reason to go' });
    expect(await reasonsOf('checkout-nps')).toEqual(['trigger trigger not reached: waiting for the event "checkout_completed"']);

    expect(await axeViolations(page, 'earshot-debug-panel')).toEqual([]);

    // Keyboard: from the page's last control, Tab reaches the panel's Close button, then its list.
    await page.locator('#pay').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label'))).resolves.toBe('Close debug panel');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label'))).resolves.toBe('Surveys');
    await page.keyboard.press('Escape');
    await expect(page.locator('earshot-debug-panel').count()).resolves.toBe(0);
    // Focus goes back where it came from, not to the top of the page.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pay');
    assertNoPageErrors(h.problems(page));
  });

  it('closes with its Close button, and explain() goes on working', async () => {
    const page = await openShopPage('/cart');
    await page.evaluate((surveys) => window.earshot.init({ endpoint: '/api/earshot', debug: true, surveys: surveys as never }), [NPS]);
    await page.getByRole('button', { name: 'Close debug panel' }).click();
    await expect(page.locator('earshot-debug-panel').count()).resolves.toBe(0);
    const codes = await page.evaluate(async () => (await window.earshot.explain()).map(({ surveyId, reasons }) => [surveyId, reasons.map(({ code }) => code)]));
    expect(codes).toEqual([['checkout-nps', ['url', 'trigger']]]);
    assertNoPageErrors(h.problems(page));
  });
});

describe('explain()', () => {
  it("asked right after a reload, waits for the visitor's state: the survey completed before the reload says so", async () => {
    const page = await openShopPage('/checkout/pay');
    await page.evaluate((survey) => {
      window.earshot.init({ endpoint: '/api/earshot', surveys: [survey as never] });
      window.earshot.track('checkout_completed');
    }, NPS);
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await waitForResponses(h.server, 1, { where: (response) => response.completed });
    await page.reload();
    const codes = await page.evaluate(async (survey) => {
      window.earshot.init({ endpoint: '/api/earshot', surveys: [survey as never] });
      return (await window.earshot.explain()).map(({ surveyId, reasons }) => [surveyId, reasons.map(({ code }) => code)]);
    }, NPS);
    expect(codes).toEqual([['checkout-nps', ['trigger', 'completed']]]);
    assertNoPageErrors(h.problems(page));
  });
});
