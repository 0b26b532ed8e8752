// A shopper answers while offline: the answer waits in the IndexedDB outbox and reaches the
// collector, once, when the shopper next opens a page of the site online.
import { describe, expect, it } from 'vitest';
import { assertNoPageErrors, readOutbox, receivedCopies, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const THANKS = 'Thank you — this helps us improve.';
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;
/** What Chromium and Earshot's debug log may print while the network is down. */
const OFFLINE_NOISE = [/Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED)/, /^earshot \(network\): delivery failed/];

const h = useBrowserHarness();

describe('offline delivery', () => {
  it('keeps an answer given offline and delivers it exactly once on the next visit online', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/shop/done.html'));
    const nine = page.getByRole('radio', { name: '9', exact: true });
    await nine.waitFor(VISIBLE);

    await h.context.setOffline(true);
    h.setCollectorReachable(false);
    await nine.click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);

    // The completed response waits in the outbox; nothing reached the collector.
    const queued = await waitUntil(
      async () => {
        const outbox = await readOutbox(page);
        return outbox?.length === 1 && outbox[0].completed ? outbox : null;
      },
      { timeout: 5_000, describe: () => 'one completed response in the IndexedDB outbox' },
    );
    const id = queued[0].id;
    expect(queued[0]).toMatchObject({ surveyId: 'post-checkout-nps', completed: true, answers: { score: 9 } });
    // Give an immediate retry the time to fail too.
    await sleep(1_500);
    expect(h.server.collector.batches).toEqual([]);
    expect(await readOutbox(page)).toHaveLength(1);
    assertNoPageErrors(h.problems(page), OFFLINE_NOISE);
    // Closing the page makes a last-chance send, which fails too.
    await page.close();
    await sleep(200);
    expect(h.server.collector.batches).toEqual([]);

    // Back online, any page that loads Earshot delivers what was queued.
    h.setCollectorReachable(true);
    await h.context.setOffline(false);
    const next = await h.newPage();
    await next.goto(h.url('/shop/index.html'));
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.id === id && r.completed });
    expect(response).toMatchObject({
      id,
      surveyId: 'post-checkout-nps',
      completed: true,
      answers: { score: 9 },
      trigger: { event: 'checkout_completed' },
    });
    // The page it was answered on, not the one that delivered it.
    expect(response.page?.url).toBe(h.url('/shop/done.html'));

    // Delivered responses leave the outbox.
    await waitUntil(async () => (await readOutbox(next))?.length === 0, {
      timeout: 5_000,
      describe: () => 'the outbox to be emptied after delivery',
    });

    // Nothing more arrives: one response, sent once, never a partial copy.
    await sleep(1_500);
    expect(h.responses().map((r) => r.id)).toEqual([id]);
    const copies = receivedCopies(h.server);
    expect(copies.map((r) => [r.id, r.completed])).toEqual([[id, true]]);
    assertNoPageErrors(h.problems(next));
  });
});
