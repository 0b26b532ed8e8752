// Answers that say which order, which plan and which campaign (issue #21), and page addresses that
// keep no e-mail (issue #25): in a real Chromium with the script-tag bundle and the demo collector.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';

const h = useBrowserHarness();
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const SURVEY = {
  id: 'checkout-ease',
  trigger: { event: 'checkout_completed' },
  hiddenFields: ['utm_source'],
  questions: [{ id: 'ease', type: 'rating', text: 'How easy was checkout on your {{context.plan | current}} plan?' }],
  thanks: 'Thanks, {{user.traits.name | friend}}!',
};

/** The order-confirmed page at `address`, with the script tag; Earshot as the page starts it. */
async function openOrderPage(address: string, setup: string): Promise<Page> {
  const page = await h.newPage();
  const url = new URL(h.url(address));
  await page.route(
    (candidate) => candidate.pathname === url.pathname,
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Order confirmed</title></head><body><main><h1>Thank you for your order</h1></main>
          <script src="/dist/earshot.min.js"></script><script>${setup}</script></body></html>`,
      }),
  );
  await page.goto(url.href);
  return page;
}

describe('answers that carry their context', () => {
  it("an order page's track() shows the survey; the stored row has the event's properties, the campaign and the plan, and a recalled plan shows in the question", async () => {
    const page = await openOrderPage(
      '/order/done.html?utm_source=mail&utm_medium=newsletter&email=ada%40example.com#receipt',
      `earshot.init({ endpoint: '/api/earshot', surveys: [${JSON.stringify(SURVEY)}], user: { id: 'u_42', traits: { name: 'Ada' } } });
       earshot.setContext({ plan: 'pro', experiment: 'b' });
       earshot.track('checkout_completed', { orderId: 'A1', plan: 'pro' });`,
    );
    // The recalled value is in the question as the visitor reads it (and as assistive technology names it).
    const question = page.getByRole('radiogroup', { name: 'How easy was checkout on your pro plan?' });
    await question.waitFor(VISIBLE);
    await page.getByRole('radio', { name: '4', exact: true }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Thanks, Ada!', { exact: true }).waitFor(VISIBLE);

    const [stored] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(stored).toMatchObject({
      surveyId: 'checkout-ease',
      answers: { ease: 4 },
      trigger: { event: 'checkout_completed' },
      event: { name: 'checkout_completed', properties: { orderId: 'A1', plan: 'pro' } },
      // Only the hidden field the survey names comes from the address; setContext() gives the rest.
      context: { plan: 'pro', experiment: 'b', utm_source: 'mail' },
      questions: [{ id: 'ease', type: 'rating', text: 'How easy was checkout on your pro plan?', scale: 5, style: 'numbers' }],
    });
    expect(stored.page).toEqual({ url: h.url('/order/done.html'), referrer: '' });
    // The e-mail in the address reached the collector nowhere, in no request.
    const received = JSON.stringify(h.server.collector.batches);
    expect(received).not.toContain('example.com');
    expect(received).not.toContain('newsletter');
    assertNoPageErrors(h.problems(page));
  });

  it('a page address keeps its query string only when the site asks for pageUrl: "full"', async () => {
    const page = await openOrderPage(
      '/account/settings.html?tab=billing',
      `earshot.init({ endpoint: '/api/earshot', pageUrl: 'full', surveys: [{ id: 'feedback', questions: [{ id: 'up', type: 'thumbs', text: 'Helpful?' }] }] });
       earshot.show('feedback');`,
    );
    await page.getByRole('radio', { name: 'Thumbs up', exact: true }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const [stored] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(stored.page?.url).toBe(h.url('/account/settings.html?tab=billing'));
    assertNoPageErrors(h.problems(page));
  });
});
