// Several shoppers answer the survey in the demo shop, in a real Chromium with the real bundle;
// the team then opens /results and sees the counts and the NPS those answers imply.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { docsPicture } from './docs-pictures';

const THANKS = 'Thank you — this helps us improve.';
const REASON_TEXT = 'What is the main reason for your score?';
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const h = useBrowserHarness();

interface Visit {
  /** Where the survey is answered: after checkout, or from "Give feedback" on the product page. */
  from: 'checkout' | 'feedback button';
  score: number;
  /** Typed into the reason question, then submitted; without one the visitor presses Escape. */
  reason?: string;
}

const VISITS: Visit[] = [
  { from: 'checkout', score: 10, reason: 'Fast delivery and a lovely mug' },
  { from: 'checkout', score: 9, reason: 'Lovely mug, fast delivery' },
  { from: 'checkout', score: 3, reason: 'Delivery was slow and the box arrived damaged' },
  { from: 'feedback button', score: 7 },
];

/** One visitor (a fresh browser context: no Earshot state) answers once. */
async function answer(visit: Visit): Promise<void> {
  const context = await h.browser.newContext();
  try {
    const page = await context.newPage();
    if (visit.from === 'checkout') {
      await page.goto(h.url('/shop/done.html'));
    } else {
      await page.goto(h.url('/shop/'));
      await page.getByRole('button', { name: 'Give feedback', exact: true }).click();
    }
    const radio = page.getByRole('radio', { name: String(visit.score), exact: true });
    await radio.waitFor(VISIBLE);
    await radio.click();
    if (visit.reason === undefined) {
      await page.keyboard.press('Escape');
      await radio.waitFor({ state: 'hidden', timeout: 5_000 });
    } else {
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('textbox', { name: REASON_TEXT }).fill(visit.reason);
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);
    }
    // Delivered before the visitor leaves, so the collector holds every answer.
    await page.evaluate(() => (window as unknown as { earshot: { flush(): Promise<void> } }).earshot.flush());
  } finally {
    await context.close();
  }
}

/** NPS as the page shows it: % promoters (9–10) minus % detractors (0–6), whole, with its sign. */
function npsOf(scores: number[]): string {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const nps = Math.round(((promoters - detractors) / scores.length) * 100);
  return nps > 0 ? `+${nps}` : nps < 0 ? `\u2212${-nps}` : '0';
}

async function tableBodyRows(page: Page, partTitle: string): Promise<string[][]> {
  const part = page.getByRole('region', { name: partTitle, exact: true });
  return part
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

describe('results page', () => {
  it('shows the counts and the NPS implied by answers given in the shop, and the comparison per journey point', async () => {
    for (const visit of VISITS) await answer(visit);
    const completed = VISITS.filter((v) => v.reason !== undefined).length;
    await waitForResponses(h.server, completed, { where: (r) => r.completed });
    await waitForResponses(h.server, VISITS.length);

    const page = await h.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(h.url('/results'));
    const survey = page.getByRole('region', { name: 'Survey post-checkout-nps' });
    await expect(survey.locator('.counts').textContent()).resolves.toMatch(new RegExp(`^${VISITS.length} responses: ${completed} complete, ${VISITS.length - completed} partial`));

    const expectedNps = npsOf(VISITS.map((v) => v.score));
    const npsTile = survey.locator('.tile').filter({ hasText: 'NPS' });
    // Four answers: the tile gives the margin of error (±…) and marks the small sample.
    expect((await npsTile.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
      new RegExp(`^NPS ${expectedNps.replace('+', '\\+')} ±\\d+ · n = ${VISITS.length} answers small sample: fewer than 10$`),
    );

    // The charts are images named by their titles; the 0–10 spread is also a table.
    await expect(page.getByRole('img', { name: 'NPS per day' }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: 'Answers per score' }).count()).resolves.toBe(1);

    // Checkout answers come from the event, the feedback button's from a manual show().
    const checkoutScores = VISITS.filter((v) => v.from === 'checkout').map((v) => v.score);
    const buttonScores = VISITS.filter((v) => v.from === 'feedback button').map((v) => v.score);
    const byJourneyPoint = await tableBodyRows(page, 'By journey point');
    expect(byJourneyPoint.map(([point, responses, nps]) => [point.replace(' fewer than 10: not ranked', ''), responses, nps.split(' ')[0]]).sort()).toEqual(
      [
        ['event: checkout_completed', String(checkoutScores.length), npsOf(checkoutScores)],
        ['manual: show(), feedback tab or embed', String(buttonScores.length), npsOf(buttonScores)],
      ].sort(),
    );

    // Every typed reason is listed, the newest first, with the score given with it.
    const reasons = await survey.locator('.answers blockquote').allTextContents();
    expect(reasons).toEqual(
      VISITS.filter((v) => v.reason)
        .map((v) => v.reason)
        .reverse(),
    );

    await docsPicture(page, 'results.png', { fullPage: true });
    assertNoPageErrors(h.problems(page));
  });
});
