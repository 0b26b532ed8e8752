// Delivery guarantees, fault-injection suite (issue 5), cases 7 and 8: several tabs share one
// outbox, and IndexedDB is missing. (Case 10, the time to live, is not in this build.)
import { describe, expect, it } from 'vitest';
import {
  answer,
  describeRequests,
  events,
  expectCollectorHolds,
  expectNoPageErrors,
  npsAnswers,
  npsItem,
  sleep,
  useDeliveryHarness,
  waitForOutbox,
  waitForStored,
} from './delivery-harness';

const h = useDeliveryHarness();

describe('delivery from several tabs', () => {
  // Without navigator.locks (case 7b) a lease record in IndexedDB is to take turns: not built yet.
  for (const locks of [true]) {
    const variant = locks ? 'with navigator.locks' : 'without navigator.locks';
    it(`case 7${locks ? 'a' : 'b'}: two tabs with queued answers, ${variant}, store each once and never deliver at the same time`, async () => {
      if (!locks) {
        await h.context.addInitScript(() => {
          delete (Navigator.prototype as { locks?: unknown }).locks;
        });
      }
      // Each delivery takes a while, so two at once could not go unnoticed.
      h.fault.delayMs = 250;
      const tabA = await h.openPage();
      const tabB = await h.openPage();
      expect(await tabA.evaluate(() => 'locks' in navigator)).toBe(locks);

      await h.goOffline();
      const idsA = await answer(tabA, [npsItem(2, 'tab A, first'), npsItem(5)]);
      const idsB = await answer(tabB, [npsItem(7, 'tab B, first'), npsItem(10)]);
      await waitForOutbox(tabA, 4, { where: (r) => r.completed });

      // Both tabs see `online` at once and both want to deliver.
      await h.goOnline();
      await waitForStored(h.fault, 4, { where: (r) => r.completed });
      await waitForOutbox(tabA, 0);
      await sleep(800); // a second tab's late delivery would show here
      expect(h.fault.maxInFlight, `deliveries in flight at once\n${describeRequests(h.fault)}`).toBe(1);
      await expectCollectorHolds(h.fault, [
        { id: idsA[0], surveyId: 'nps', completed: true, answers: npsAnswers(2, 'tab A, first') },
        { id: idsA[1], surveyId: 'nps', completed: true, answers: { score: 5 } },
        { id: idsB[0], surveyId: 'nps', completed: true, answers: npsAnswers(7, 'tab B, first') },
        { id: idsB[1], surveyId: 'nps', completed: true, answers: { score: 10 } },
      ]);
      // The tab that did not deliver left its responses to the one that did: nothing went twice.
      const confirmed = h.fault
        .posts()
        .filter((r) => r.status === 200)
        .flatMap((r) => r.versions.map((v) => v.id));
      expect(confirmed.sort(), describeRequests(h.fault)).toEqual([...idsA, ...idsB].sort());
      expectNoPageErrors(h.problems(tabA));
      expectNoPageErrors(h.problems(tabB));
    });
  }
});

describe('delivery without IndexedDB', () => {
  it('case 8: with IndexedDB removed, answers are still delivered from memory, with one storage error event and no page error', async () => {
    await h.context.addInitScript(() => {
      delete (window as { indexedDB?: unknown }).indexedDB;
    });
    // One failure too, so that the retry also has to come from memory.
    h.fault.script({ kind: 'status', status: 503 });
    const page = await h.openPage();
    expect(await page.evaluate(() => typeof (window as { indexedDB?: unknown }).indexedDB)).toBe('undefined');

    const [complete, partial] = await answer(page, [npsItem(9, 'Works without storage'), { survey: 'nps', steps: [{ pick: 1 }, { click: 'Close' }] }]);
    await waitForStored(h.fault, 2, { timeout: 8_000 });
    await sleep(300);
    await expectCollectorHolds(h.fault, [
      { id: complete, surveyId: 'nps', completed: true, answers: npsAnswers(9, 'Works without storage') },
      { id: partial, surveyId: 'nps', completed: false, answers: { score: 1 } },
    ]);
    const storageErrors = (await events(page, 'error')).filter((e) => e.detail.code === 'storage');
    expect(storageErrors, JSON.stringify(storageErrors)).toHaveLength(1);
    expect(h.fault.posts()[0].status).toBe(503);
    expectNoPageErrors(h.problems(page));
  });
});
