// Delivery guarantees, fault-injection suite (issue 5), cases 3 to 6: the collector fails,
// loses its answers, throttles, refuses or finds a batch too large; every answer is still
// stored exactly once, or set aside and reported when the collector refuses it for good.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fault } from './fault-collector';
import { randomFaults } from './fault-collector';
import {
  answer,
  describeRequests,
  events,
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
import type { AnswerItem } from './pages';

/** Node's and Chromium's clocks are read at millisecond resolution on both sides. */
const CLOCK_SLACK_MS = 5;

const h = useDeliveryHarness();

interface DeadLetter {
  response: { id: string; answers: Record<string, unknown>; completed: boolean };
  status: number;
  rejectedAt: unknown;
}

const deadLetters = (page: Page): Promise<DeadLetter[]> => page.evaluate(() => window.earshot.deadLetters());

describe('delivery when the collector fails', () => {
  it('case 3: a batch stored by the collector whose answer is lost (connection reset) is resent with the same ids and stored once', async () => {
    h.fault.script({ kind: 'store-then-reset' });
    const page = await h.openPage();
    const [id] = await answer(page, [npsItem(10, 'Great support')]);
    expect(id).toBeTruthy();

    // The first request was stored, then its connection cut; the SDK cannot know, so it resends.
    await waitUntil(() => h.fault.posts().some((r) => r.status === 200 && r.versions.some((v) => v.id === id && v.completed)), {
      timeout: 8_000,
      describe: () => `a confirmed resend of ${id}; ${describeRequests(h.fault)}`,
    });
    const [lost] = h.fault.posts();
    expect(lost.handling).toBe('store-then-reset');
    expect(lost.collectorStatus).toBe(200);
    const confirmedIds = new Set(
      h.fault
        .posts()
        .filter((r) => r.status === 200)
        .flatMap((r) => r.versions.map((v) => v.id)),
    );
    for (const version of lost.versions) expect(confirmedIds.has(version.id), `resent ${version.id}`).toBe(true);

    await waitForOutbox(page, 0);
    expect((await events(page, 'delivered')).flatMap((e) => e.detail.responseIds ?? [])).toContain(id);
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ id, surveyId: 'nps', completed: true, answers: npsAnswers(10, 'Great support') }]);
    expectNoPageErrors(h.problems(page));
  });

  it('case 4: with 40 % of requests failing at random (503, 429 + Retry-After, resets) while 50 answers are given, all 50 are stored', async () => {
    // The page clock lets the test skip backoff waits instead of sitting them out.
    await h.context.clock.install();
    const faults: Fault[] = [{ kind: 'status', status: 503 }, { kind: 'status', status: 429, headers: { 'Retry-After': '1' } }, { kind: 'reset' }, { kind: 'store-then-reset' }];
    h.fault.policy = randomFaults({ seed: 20261127, rate: 0.4, faults });
    const page = await h.openPage();

    const items: AnswerItem[] = [];
    const expected: Array<{ score: number; reason?: string }> = [];
    for (let i = 0; i < 50; i++) {
      const score = i % 11;
      const reason = i % 3 === 0 ? `reason number ${i}` : undefined;
      items.push(npsItem(score, reason));
      expected.push({ score, reason });
    }
    const ids = await answer(page, items);
    expect(new Set(ids).size, `50 distinct response ids: ${JSON.stringify(ids)}`).toBe(50);

    await waitUntil(
      async () => {
        if ((await h.fault.stored()).filter((r) => r.completed).length >= 50) return true;
        await page.clock.fastForward(2_000);
        return false;
      },
      { timeout: 30_000, interval: 100, describe: () => `50 completed responses stored; ${describeRequests(h.fault)}` },
    );
    await waitForOutbox(page, 0, { timeout: 10_000 });
    await expectCollectorHolds(
      h.fault,
      ids.map((id, i) => ({ id, surveyId: 'nps', completed: true, answers: npsAnswers(expected[i].score, expected[i].reason) })),
    );
    const injected = h.fault.posts().filter((r) => r.handling !== 'pass');
    const kinds = injected.map((r) => (r.handling === 'status' ? String(r.status) : r.handling));
    console.info(`case 4: ${h.fault.posts().length} requests, ${injected.length} failed on purpose (${[...new Set(kinds)].join(', ')})`);
    expect(injected.length).toBeGreaterThan(0);
    expectNoPageErrors(h.problems(page));
  });

  it('case 5a: after 429 with Retry-After: 2, no request comes before 2 s', async () => {
    h.fault.script({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const page = await h.openPage();
    const [id] = await answer(page, [npsItem(6)]);
    await waitForStored(h.fault, 1, { timeout: 8_000 });

    const [throttled, next] = h.fault.posts();
    expect(throttled.status).toBe(429);
    const waited = next.receivedAt - throttled.answeredAt!;
    console.info(`case 5a: next request ${waited} ms after the 429`);
    expect(waited, describeRequests(h.fault)).toBeGreaterThanOrEqual(2_000 - CLOCK_SLACK_MS);
    expect(waited, 'Retry-After is honoured, not replaced by a long backoff').toBeLessThan(4_000);
    await sleep(200);
    await expectCollectorHolds(h.fault, [{ id, surveyId: 'nps', completed: true, answers: { score: 6 } }]);
    expectNoPageErrors(h.problems(page));
  });

  it('case 5b: after 429 with Retry-After as an HTTP date, no request comes before that date', async () => {
    let retryAt = 0;
    let sent = false;
    h.fault.policy = () => {
      if (sent) return { kind: 'pass' };
      sent = true;
      // HTTP dates have whole seconds: this is 2 to 3 s from now.
      const header = new Date(Date.now() + 3_000).toUTCString();
      retryAt = Date.parse(header);
      return { kind: 'status', status: 429, headers: { 'Retry-After': header } };
    };
    const page = await h.openPage();
    const [id] = await answer(page, [npsItem(7)]);
    await waitForStored(h.fault, 1, { timeout: 8_000 });

    const [throttled, next] = h.fault.posts();
    expect(throttled.status).toBe(429);
    console.info(`case 5b: next request ${next.receivedAt - throttled.answeredAt!} ms after the 429, ${next.receivedAt - retryAt} ms after the date`);
    expect(next.receivedAt, describeRequests(h.fault)).toBeGreaterThanOrEqual(retryAt - CLOCK_SLACK_MS);
    expect(next.receivedAt - retryAt).toBeLessThan(2_000);
    await expectCollectorHolds(h.fault, [{ id, surveyId: 'nps', completed: true, answers: { score: 7 } }]);
    expectNoPageErrors(h.problems(page));
  });

  it('case 6a: a 400 answer dead-letters the batch, reports it, and never retries it', async () => {
    // The collector refuses whatever it is sent until told otherwise: the batch with the survey's
    // `shown` event, then the answer sent again alone (events never cost an answer).
    let refusing = true;
    h.fault.policy = () => (refusing ? { kind: 'status', status: 400 } : { kind: 'pass' });
    const page = await h.openPage();
    const [refused] = await answer(page, [npsItem(0, 'Refused by the collector')]);
    expect(refused).toBeTruthy();

    const rejected = await waitUntil(
      async () => {
        const list = (await events(page, 'error')).filter((e) => e.detail.code === 'rejected');
        return list.length ? list : null;
      },
      { timeout: 5_000, describe: () => `an error event with code "rejected"; ${describeRequests(h.fault)}` },
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].detail.responseIds).toEqual([refused]);
    await waitUntil(async () => !(await readOutbox(page))?.some((r) => r.id === refused), {
      timeout: 5_000,
      describe: () => 'the refused response to leave the outbox',
    });

    // Neither a flush, nor a later visit, nor time sends it again.
    await page.evaluate(() => window.earshot.flush());
    await page.reload();
    await page.waitForFunction(() => window.__delivery?.config);
    await sleep(1_200);
    const carrying = h.fault.posts().filter((r) => r.versions.some((v) => v.id === refused));
    expect(
      carrying.map((r) => [r.status, r.eventIds.length > 0]),
      describeRequests(h.fault),
    ).toEqual([
      [400, true],
      [400, false],
    ]);

    const letters = await deadLetters(page);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ status: 400, response: { id: refused, completed: true, answers: npsAnswers(0, 'Refused by the collector') } });
    expect(letters[0].rejectedAt).toBeTruthy();

    // Delivery goes on for later answers.
    refusing = false;
    const [accepted] = await answer(page, [npsItem(8)]);
    await waitForStored(h.fault, 1);
    await sleep(300);
    await expectCollectorHolds(h.fault, [{ id: accepted, surveyId: 'nps', completed: true, answers: { score: 8 } }]);
    expectNoPageErrors(h.problems(page));
  });

  it('case 6b: a 413 answer splits the batch, and every response is delivered', async () => {
    const page = await h.openPage();
    await h.goOffline();
    const items = Array.from({ length: 6 }, (_, i) => npsItem(i + 2, `${i}: ${'a detailed reason '.repeat(17)}`.trim()));
    const ids = await answer(page, items);
    await waitForOutbox(page, 6, { where: (r) => r.completed });

    // Six responses come to about 6 KB; the collector takes at most 2,500 bytes per request.
    h.fault.maxBodyBytes = 2_500;
    await h.goOnline();
    const refusedEvents = async () => (await events(page, 'error')).filter((e) => e.detail.code === 'rejected');
    await waitUntil(async () => (await h.fault.stored()).length >= 6 || (await refusedEvents()).length > 0, {
      timeout: 8_000,
      describe: () => `6 stored responses; ${describeRequests(h.fault)}`,
    });
    expect(await refusedEvents(), `the 413 was treated as a refusal, not split; ${describeRequests(h.fault)}`).toEqual([]);
    await waitForStored(h.fault, 6, { where: (r) => r.completed });
    await waitForOutbox(page, 0);
    await expectCollectorHolds(
      h.fault,
      ids.map((id, i) => ({ id, surveyId: 'nps', completed: true, answers: npsAnswers(i + 2, `${i}: ${'a detailed reason '.repeat(17)}`.trim()) })),
    );
    const posts = h.fault.posts();
    expect(
      posts.some((r) => r.status === 413),
      describeRequests(h.fault),
    ).toBe(true);
    for (const r of posts.filter((p) => p.status === 200)) expect(r.bodyBytes).toBeLessThanOrEqual(2_500);
    expect(await deadLetters(page)).toEqual([]);
    // Too large is no refusal of the surveys' events either: they waited, and go with the next send.
    const waiting = posts.filter((r) => r.status === 413).flatMap((r) => r.eventIds);
    expect(waiting.length, describeRequests(h.fault)).toBeGreaterThan(0);
    h.fault.maxBodyBytes = null;
    await page.evaluate(() => window.earshot.flush());
    const delivered = h.fault
      .posts()
      .filter((r) => r.status === 200)
      .flatMap((r) => r.eventIds);
    expect(delivered, describeRequests(h.fault)).toEqual(expect.arrayContaining([...new Set(waiting)]));
    expectNoPageErrors(h.problems(page));
  });
});
