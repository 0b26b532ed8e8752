// What a collector needs to count response rates (issue #25): a visitor who sees a survey and
// closes it, then answers it on a second visit, in a real Chromium with the script-tag bundle and
// the demo collector. The collector hears of both showings, the dismissal and the answers, and
// events cost no request of their own while a page is open.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

const SURVEY = {
  id: 'help-rating',
  label: 'Help page',
  trigger: { any: [{ event: 'help_opened', label: 'Opened help' }, { delay: 600 }] },
  dismissedRecontactDays: 0,
  questions: [{ id: 'useful', type: 'thumbs', text: 'Was this page useful?' }],
};

interface ReceivedEvent {
  id: string;
  type: string;
  surveyId: string;
  at: string;
  trigger: unknown;
  firedBy?: unknown;
  label?: string;
  responseId?: string;
}

/** A visit to the help page; the page tracks `help_opened` once Earshot runs. */
async function visitHelp(page: Page): Promise<void> {
  const url = h.url('/help/article.html');
  await page.route(
    (candidate) => candidate.pathname === '/help/article.html',
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Help</title></head><body><main><h1>Returns</h1></main>
          <script src="/dist/earshot.min.js"></script>
          <script>earshot.init({ endpoint: '/api/earshot', cooldownDays: 0, surveys: [${JSON.stringify(SURVEY)}] }); earshot.track('help_opened');</script></body></html>`,
      }),
  );
  await page.goto(url);
  await page.getByRole('radiogroup', { name: 'Was this page useful?' }).waitFor(VISIBLE);
}

/** Every event the collector accepted, each once (a collector de-duplicates by id). */
function receivedEvents(): ReceivedEvent[] {
  const all = (h.server.collector.batches as Array<{ events?: ReceivedEvent[] }>).flatMap((batch) => batch.events ?? []);
  return [...new Map(all.map((event) => [event.id, event])).values()];
}

describe('response rates', () => {
  it('sees, dismisses, then answers on a second visit: two shown, one dismissed and one completed response at the collector', async () => {
    const page = await h.newPage();
    await visitHelp(page);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('earshot-survey').waitFor({ state: 'detached', timeout: 5_000 });
    // Events alone wait for answers, or for the page to go: nothing is sent while it stays open.
    await sleep(1_500);
    expect(h.server.collector.batches).toEqual([]);

    // The second visit: leaving the first page sends its events.
    await visitHelp(page);
    await page.getByRole('radio', { name: 'Thumbs up', exact: true }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    await waitUntil(() => receivedEvents().length >= 3 || null, { describe: () => `three events; the collector got ${JSON.stringify(receivedEvents())}` });

    const events = receivedEvents();
    const count = (type: string) => events.filter((event) => event.type === type).length;
    expect({ shown: count('shown'), dismissed: count('dismissed') }).toEqual({ shown: 2, dismissed: 1 });
    expect(h.server.collector.responses()).toHaveLength(1);
    expect(response).toMatchObject({ surveyId: 'help-rating', completed: true, answers: { useful: 1 }, firedBy: { event: 'help_opened' }, label: 'Opened help' });
    for (const event of events) {
      expect(event).toMatchObject({
        surveyId: 'help-rating',
        trigger: { any: [{ event: 'help_opened' }, { delay: 600 }] },
        firedBy: { event: 'help_opened' },
        label: 'Opened help',
      });
      expect(new Date(event.at).toISOString()).toBe(event.at);
    }
    // The dismissal came before any answer: it names no response.
    expect(events.find((event) => event.type === 'dismissed')).not.toHaveProperty('responseId');
    assertNoPageErrors(h.problems(page));
  });
});
