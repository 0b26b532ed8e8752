// The results page after real visits (issue #25), in Chromium with the script-tag bundle and the
// demo collector: a visitor who sees a survey, closes it, then answers it on a second visit counts
// as shown 2 → started 1 → completed 1; a filter by journey point, chosen in the page's own form
// (a GET form, no script of ours needed), changes every section. The events are the SDK's own.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const SURVEY = {
  id: 'help-rating',
  label: 'Help page, waited',
  trigger: { any: [{ event: 'help_opened', label: 'Opened help' }, { delay: 1 }] },
  dismissedRecontactDays: 0,
  questions: [{ id: 'useful', type: 'thumbs', text: 'Was this page useful?' }],
};

/**
 * The same survey shown by `help_opened` alone: with the delay part too, a visitor who closes it
 * within the first second would meet it again when that part fires (`dismissedRecontactDays: 0`).
 */
const TRACKED_ONLY = { ...SURVEY, trigger: { event: 'help_opened', label: 'Opened help' } };

/** A visit to the help page; with `track`, the page tracks `help_opened` (else the part "1 s on the page" fires). */
async function visitHelp(page: Page, { track, survey = SURVEY }: { track: boolean; survey?: typeof SURVEY | typeof TRACKED_ONLY }): Promise<void> {
  await page.route(
    (candidate) => candidate.pathname === '/help/article.html',
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Help</title></head><body><main><h1>Returns</h1></main>
          <script src="/dist/earshot.min.js"></script>
          <script>earshot.init({ endpoint: '/api/earshot', cooldownDays: 0, surveys: [${JSON.stringify(survey)}] });${track ? " earshot.track('help_opened');" : ''}</script></body></html>`,
      }),
  );
  await page.goto(h.url('/help/article.html'));
  await page.getByRole('radiogroup', { name: 'Was this page useful?' }).waitFor(VISIBLE);
}

async function answer(page: Page, vote: 'Thumbs up' | 'Thumbs down'): Promise<void> {
  await page.getByRole('radio', { name: vote, exact: true }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.evaluate(() => (window as unknown as { earshot: { flush(): Promise<void> } }).earshot.flush());
}

/** The text of each part of the survey's results, by its heading. */
async function partsOf(page: Page): Promise<Record<string, string>> {
  return page
    .locator('section.survey section.part')
    .evaluateAll((parts) => Object.fromEntries(parts.map((part) => [(part.querySelector('h3')?.textContent ?? '').trim(), (part.textContent ?? '').replace(/\s+/g, ' ').trim()])));
}

/** How many distinct events the collector accepted (it de-duplicates by id). */
const eventsAtCollector = () =>
  new Set((h.server.collector.batches as Array<{ events?: Array<{ id: string }> }>).flatMap((batch) => (batch.events ?? []).map((event) => event.id))).size;

describe('results page: funnel and filters', () => {
  it('counts a visitor who sees, dismisses, then answers on a second visit as shown 2 → started 1 → completed 1', async () => {
    const page = await h.newPage();
    await visitHelp(page, { track: true, survey: TRACKED_ONLY });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('earshot-survey').waitFor({ state: 'detached', timeout: 5_000 });
    await visitHelp(page, { track: true, survey: TRACKED_ONLY });
    await answer(page, 'Thumbs up');
    await waitForResponses(h.server, 1, { where: (r) => r.completed });
    await waitUntil(() => eventsAtCollector() >= 3 || null, { describe: () => `three events at the collector, got ${eventsAtCollector()}` });

    const results = await h.newPage();
    await results.goto(h.url('/results?survey=help-rating'));
    // The page's one script adds the viewer's time zone to the address.
    await results.waitForURL(/[?&]tz=/);
    const funnel = results.getByRole('region', { name: 'Funnel', exact: true });
    expect((await funnel.locator('.funnel-line').textContent())?.trim()).toBe('shown 2 → started 1 → completed 1');
    await expect(results.getByRole('img', { name: 'Funnel' }).count()).resolves.toBe(1);
    assertNoPageErrors(h.problems(page));
    assertNoPageErrors(h.problems(results));
  });

  it('changes every section when filtered by journey point in the form', async () => {
    // Two visitors at "Opened help" (up, down) and one after the delay (up).
    for (const [track, vote] of [
      [true, 'Thumbs up'],
      [true, 'Thumbs down'],
      [false, 'Thumbs up'],
    ] as const) {
      const context = await h.browser.newContext();
      try {
        const page = await context.newPage();
        await visitHelp(page, { track });
        await answer(page, vote);
      } finally {
        await context.close();
      }
    }
    await waitForResponses(h.server, 3, { where: (r) => r.completed });
    await waitUntil(() => eventsAtCollector() >= 3 || null, { describe: () => `three shown events, got ${eventsAtCollector()}` });

    const page = await h.newPage();
    await page.goto(h.url('/results?survey=help-rating&tz=UTC'));
    const before = await partsOf(page);
    expect(await page.locator('.tile').first().textContent()).toMatch(/67%/);
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByRole('combobox', { name: 'Journey point' }).selectOption('Opened help');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/journey=Opened\+help/);
    const after = await partsOf(page);
    // Opened help: 1 up of 2 → 50 %; the delay's visitor is gone from every part.
    expect(await page.locator('.tile').first().textContent()).toMatch(/50%/);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const title of Object.keys(before)) expect(after[title], title).not.toBe(before[title]);
    expect(after['By journey point']).not.toContain('Help page, waited');
    expect((await page.locator('.funnel-line').textContent())?.trim()).toBe('shown 2 → started 2 → completed 2');
    assertNoPageErrors(h.problems(page));
  });
});
