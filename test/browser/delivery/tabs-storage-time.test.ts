// Delivery guarantees, fault-injection suite (issue 5), cases 7, 8 and 10: several tabs share one
// outbox, IndexedDB is missing, and time moves past the responses' time to live.
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
  waitUntil,
} from './delivery-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

const h = useDeliveryHarness();

describe('delivery from several tabs', () => {
  for (const locks of [true, false]) {
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

describe('delivery and the time to live', () => {
  async function answerOverDays({ ttlDays, answeredDaysAgo }: { ttlDays?: number; answeredDaysAgo: number[] }) {
    const now = Date.parse('2026-11-20T09:00:00.000Z');
    const start = now - Math.max(...answeredDaysAgo) * DAY_MS;
    await h.context.clock.install({ time: start });
    const config = ttlDays === undefined ? undefined : { ttlDays };
    const page = await h.openPage({ config });
    await h.goOffline();
    const ids: string[] = [];
    for (const [i, daysAgo] of answeredDaysAgo.entries()) {
      await h.context.clock.setSystemTime(now - daysAgo * DAY_MS);
      const [id] = await answer(page, [npsItem(i, `answered ${daysAgo}d ago`)]);
      ids.push(id!);
    }
    await waitForOutbox(page, answeredDaysAgo.length, { where: (r) => r.completed });
    await page.close();
    // The closing page's last-chance send may reach the server a little later: it must find it unreachable.
    await sleep(600);

    // The visitor comes back, online, at `now`.
    await h.context.clock.setSystemTime(now);
    await h.goOnline();
    const next = await h.openPage({ config });
    return { ids, next };
  }

  it('case 10a: responses older than the default 7 days are purged and reported once, the others delivered', async () => {
    const { ids, next } = await answerOverDays({ answeredDaysAgo: [8, 2] });
    const [expired, fresh] = ids;
    await waitForStored(h.fault, 1);
    await waitForOutbox(next, 0);
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ id: fresh, surveyId: 'nps', completed: true, answers: npsAnswers(1, 'answered 2d ago') }]);
    // Sent while the collector was still unreachable is fine; once it is reachable, never.
    const reached = h.fault.posts().filter((r) => r.handling !== 'offline');
    expect(
      reached.some((r) => r.versions.some((v) => v.id === expired)),
      describeRequests(h.fault),
    ).toBe(false);
    const reports = (await events(next, 'error')).filter((e) => e.detail.code === 'expired');
    expect(reports, JSON.stringify(reports)).toHaveLength(1);
    const named = reports[0].detail.responseIds?.length === 1 || /\b1\b/.test(reports[0].detail.message ?? '');
    expect(named, `the expired report names how many: ${JSON.stringify(reports[0].detail)}`).toBe(true);
    expectNoPageErrors(h.problems(next));
  });

  it('case 10b: a configured ttlDays purges sooner', async () => {
    // Both are younger than 2 days while the visitor is still on the page, older when they come back.
    const { ids: expired, next } = await answerOverDays({ ttlDays: 2, answeredDaysAgo: [3, 2.5] });
    await waitUntil(async () => (await events(next, 'error')).some((e) => e.detail.code === 'expired'), {
      timeout: 3_000,
      describe: () => `an "expired" error event; ${describeRequests(h.fault)}`,
    });
    const [fresh] = await answer(next, [npsItem(5, 'answered today')]);
    await waitForStored(h.fault, 1);
    await waitForOutbox(next, 0);
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ id: fresh, surveyId: 'nps', completed: true, answers: npsAnswers(5, 'answered today') }]);
    const reached = h.fault.posts().filter((r) => r.handling !== 'offline');
    expect(
      reached.some((r) => r.versions.some((v) => expired.includes(v.id))),
      describeRequests(h.fault),
    ).toBe(false);
    const reports = (await events(next, 'error')).filter((e) => e.detail.code === 'expired');
    expect(reports, JSON.stringify(reports)).toHaveLength(1);
    const named = reports[0].detail.responseIds?.length === 2 || /\b2\b/.test(reports[0].detail.message ?? '');
    expect(named, `the expired report names how many: ${JSON.stringify(reports[0].detail)}`).toBe(true);
    expectNoPageErrors(h.problems(next));
  });
});
