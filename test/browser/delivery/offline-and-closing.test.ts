// Delivery guarantees, fault-injection suite (issue 5), cases 1, 2 and 9: the visitor is offline,
// reloads, or closes the tab; every answer still reaches the collector exactly once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  answer,
  describeRequests,
  expectCollectorHolds,
  expectNoPageErrors,
  npsAnswers,
  npsItem,
  readOutbox,
  sleep,
  useDeliveryHarness,
  waitForOutbox,
  waitForStored,
  waitUntil,
} from './delivery-harness';
import { REASON_TEXT, type AnswerItem } from './pages';

/** The keepalive budget of the contract: in-flight keepalive bodies stay under 48 KB. */
const KEEPALIVE_BUDGET_BYTES = 48_000;

const h = useDeliveryHarness();

const radio = (page: Page, score: number) => page.getByRole('radio', { name: String(score), exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits briefly for the unload path; says whether the collector got a response matching `where` from it. */
async function deliveredByUnloadPath(where: (r: { completed: boolean; answers: Record<string, unknown> }) => boolean): Promise<boolean> {
  return waitUntil(async () => (await h.fault.stored()).some(where), { timeout: 1_500 }).then(
    () => true,
    () => false,
  );
}

describe('delivery when offline, reloading or closing the tab', () => {
  it('case 1: answers given offline survive a reload while offline and are delivered once back online', async () => {
    const page = await h.openPage({ cacheFirst: true });
    await h.goOffline();
    const [completeId, partialId] = await answer(page, [npsItem(9, 'Fast delivery'), { survey: 'nps', steps: [{ pick: 3 }, { click: 'Close' }] }]);
    expect(completeId).toBeTruthy();
    expect(partialId).toBeTruthy();
    await waitForOutbox(page, 2);

    // The reload is served from the cache (the network is down); the outbox is still there.
    await page.reload();
    await page.waitForFunction(() => window.__delivery?.config);
    await sleep(500); // the init flush tries and fails
    expect((await readOutbox(page))?.map((r) => r.id).sort()).toEqual([completeId, partialId].sort());
    expect(await h.fault.stored()).toEqual([]);

    await h.goOnline();
    await waitForStored(h.fault, 2);
    await waitForOutbox(page, 0);
    await sleep(300); // nothing more arrives
    await expectCollectorHolds(h.fault, [
      { id: completeId, surveyId: 'nps', completed: true, answers: npsAnswers(9, 'Fast delivery') },
      { id: partialId, surveyId: 'nps', completed: false, answers: { score: 3 } },
    ]);
    expectNoPageErrors(h.problems(page));
  });

  it('case 2a: a page closed right after Submit still delivers the completed response (unload path or next visit)', async () => {
    const page = await h.openPage();
    await page.evaluate(() => window.earshot.show('nps'));
    await radio(page, 8).click();
    await button(page, 'Next').click();
    await page.getByRole('textbox', { name: REASON_TEXT }).fill('Quick checkout');
    await button(page, 'Submit').click();
    const problems = h.problems(page);
    const closedAt = Date.now();
    await page.close();

    const byUnload = await deliveredByUnloadPath((r) => r.completed);
    const next = await h.openPage();
    await waitForStored(h.fault, 1, { where: (r) => r.completed });
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ surveyId: 'nps', completed: true, answers: npsAnswers(8, 'Quick checkout') }]);
    const atHide = h.fault.posts().filter((r) => r.receivedAt >= closedAt && r.receivedAt < closedAt + 1_500);
    console.info(
      `case 2a: delivered by ${byUnload ? 'the unload path' : 'the next visit'}; ` +
        `${atHide.length} request(s) at page close (${atHide.map((r) => r.transport).join(', ') || 'none'})`,
    );
    expectNoPageErrors(problems);
    expectNoPageErrors(h.problems(next));
  });

  it('case 2b: a page closed right after picking a score still delivers that partial answer (unload path or next visit)', async () => {
    const page = await h.openPage();
    await page.evaluate(() => window.earshot.show('nps'));
    await radio(page, 4).click();
    const problems = h.problems(page);
    const closedAt = Date.now();
    await page.close();

    const byUnload = await deliveredByUnloadPath((r) => r.answers.score === 4);
    const next = await h.openPage();
    await waitForStored(h.fault, 1);
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ surveyId: 'nps', completed: false, answers: { score: 4 } }]);
    const atHide = h.fault.posts().filter((r) => r.receivedAt >= closedAt && r.receivedAt < closedAt + 1_500);
    console.info(
      `case 2b: delivered by ${byUnload ? 'the unload path' : 'the next visit'}; ` +
        `${atHide.length} request(s) at page close (${atHide.map((r) => r.transport).join(', ') || 'none'})`,
    );
    expectNoPageErrors(problems);
    expectNoPageErrors(h.problems(next));
  });

  it('case 9: a 200 KB queue at page hide goes out with no keepalive body over 48 KB, and nothing is lost', async () => {
    // The collector answers 503 "come back in 5 minutes" while the visitor writes 50 long notes.
    h.fault.policy = () => ({ kind: 'status', status: 503, headers: { 'Retry-After': '300' } });
    const page = await h.openPage();
    const notes = Array.from({ length: 50 }, (_, i) => `note ${i}: ${'long feedback text '.repeat(215)}`.slice(0, 4_100).trim());
    const items: AnswerItem[] = notes.map((note) => ({ survey: 'note', steps: [{ type: note }, { click: 'Submit' }] }));
    const ids = await answer(page, items);
    expect(ids.every(Boolean), `response ids ${JSON.stringify(ids)}`).toBe(true);
    const queued = await waitForOutbox(page, 50, { where: (r) => r.completed });
    const queuedBytes = queued.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    expect(queuedBytes).toBeGreaterThan(200_000);
    expect(await h.fault.stored()).toEqual([]);

    // The collector recovers; the visitor closes the tab. Whatever goes out now is the hide path.
    h.fault.policy = null;
    const problems = h.problems(page);
    const hiddenAt = Date.now();
    await page.close();
    await sleep(1_500);
    const atHide = h.fault.posts().filter((r) => r.receivedAt >= hiddenAt);
    const keepaliveBytes = atHide.filter((r) => r.transport === 'fetch').reduce((sum, r) => sum + r.bodyBytes, 0);
    const report = `requests at page hide: ${describeRequests(h.fault, hiddenAt)}`;
    for (const request of atHide) expect(request.bodyBytes, report).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(keepaliveBytes, `keepalive fetch bytes at hide; ${report}`).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);

    // The next visit delivers everything that was not confirmed.
    const next = await h.openPage();
    await waitForStored(h.fault, 50, { where: (r) => r.completed, timeout: 15_000 });
    await waitForOutbox(next, 0, { timeout: 10_000 });
    await expectCollectorHolds(
      h.fault,
      ids.map((id, i) => ({ id, surveyId: 'note', completed: true, answers: { note: notes[i] } })),
    );
    console.info(
      `case 9: queue ${queuedBytes} B; at hide ${atHide.length} request(s): ` +
        `${atHide.filter((r) => r.transport === 'fetch').length} fetch (${keepaliveBytes} B), ` +
        `${atHide.filter((r) => r.transport === 'beacon').length} beacon ` +
        `(${atHide.filter((r) => r.transport === 'beacon').reduce((s, r) => s + r.bodyBytes, 0)} B)`,
    );
    // Last, so that the checks above report first: the contract sends at page hide, past the
    // keepalive budget as text/plain beacons (no CORS preflight), each carrying a batch.
    expect(atHide.length, `nothing was sent at page hide (fetch keepalive / sendBeacon); ${report}`).toBeGreaterThan(0);
    const beacons = atHide.filter((r) => r.transport === 'beacon');
    expect(beacons.length, `no sendBeacon after the keepalive budget; ${report}`).toBeGreaterThan(0);
    for (const beacon of beacons) {
      expect(beacon.contentType, report).toMatch(/^text\/plain/);
      expect(beacon.versions.length, report).toBeGreaterThan(0);
    }
    expectNoPageErrors(problems);
    expectNoPageErrors(h.problems(next));
  });
});
