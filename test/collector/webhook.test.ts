// EARSHOT_WEBHOOK_URL on the store under test: each newly completed response is POSTed to a local
// receiver from the durable queue. The receiver fails twice and then recovers: every completed
// response arrives, and a repeat carries the same idempotency key. Partial and preview responses,
// later versions of a completed one and those the filter leaves out are not sent; ingestion never
// waits for the receiver; two collectors on one database never send one notification twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../examples/collector/collector.mjs';
import { createServer as createDemoServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { waitUntil } from '../support/wait.mjs';
import { batchOf } from './demo';
import { freshDatabase, freshPostgresDatabase, storeUnderTest } from './support/test-store';

interface Received {
  status: number;
  key: string | undefined;
  body: { text: string; earshot: { responseId: string; surveyId: string; score: { kind: string; value: number } | null; comment: string | null; page: string | null } };
}

/** A local webhook receiver: answers 503 to the first `failures` requests, then 200; `hold` keeps requests waiting until released. */
function useReceiver() {
  const received: Received[] = [];
  let failuresLeft = 0;
  let held: Promise<void> | null = null;
  let server: Server;
  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      if (held) await held;
      const status = failuresLeft > 0 ? (failuresLeft--, 503) : 200;
      received.push({ status, key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) });
      res.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => {
    received.length = 0;
    failuresLeft = 0;
    held = null;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return {
    received,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    failNext(count: number) {
      failuresLeft = count;
    },
    hold() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
    delivered: () => new Set(received.filter((r) => r.status === 200).map((r) => r.body.earshot.responseId)),
  };
}

const receiver = useReceiver();
const FAST_RETRIES = { webhookRetryBaseMs: 20, webhookPollIntervalMs: 20 };
const QUESTIONS = [
  { id: 'score', type: 'nps', text: 'How likely?' },
  { id: 'why', type: 'text', text: 'Why?' },
];

describe('the webhook', () => {
  let collector: ReturnType<typeof createCollector>;
  let server: Awaited<ReturnType<typeof createDemoServer>>;
  beforeAll(async () => {
    collector = createCollector({ ...(await freshDatabase()), webhookUrl: receiver.url(), ...FAST_RETRIES });
    await collector.ready;
    server = await createDemoServer({ port: 0, collector });
  });
  afterEach(() => collector.reset());
  afterAll(async () => {
    await server.close();
    await collector.close();
  });
  const send = (...responses: unknown[]) => post(server.url, ...responses);

  it('delivers every completed response though the receiver fails twice, each repeat with the same idempotency key', async () => {
    expect(collector.webhook).toEqual({ url: receiver.url(), filter: null });
    receiver.failNext(2);
    const completed = ['c-1', 'c-2', 'c-3'].map((id, i) => makeResponse({ id, answers: { score: i + 2, why: `Reason ${i}` }, questions: QUESTIONS }));
    expect((await send(...completed)).status).toBe(200);
    expect((await send(makeResponse({ id: 'c-4', answers: { score: 10 } }))).status).toBe(200);
    await waitUntil(() => receiver.delivered().size === 4, { timeout: 10_000 });
    expect([...receiver.delivered()].sort()).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
    const failed = receiver.received.filter((r) => r.status === 503);
    expect(failed).toHaveLength(2);
    for (const attempt of failed) {
      // The repeat of a failed send names the same response with the same key.
      const repeat = receiver.received.find((r) => r.status === 200 && r.body.earshot.responseId === attempt.body.earshot.responseId);
      expect(repeat?.key).toBe(attempt.key);
      expect(repeat?.body).toEqual(attempt.body);
    }
    for (const { key, body } of receiver.received) expect(key).toBe(body.earshot.responseId);
  });

  it('says survey, score, comment and page in a Slack-compatible text, with what a visitor typed escaped', async () => {
    await send(
      makeResponse({
        id: 'text-1',
        answers: { score: 3, why: 'Late <!channel> & broken' },
        questions: QUESTIONS,
        page: { url: 'https://shop.example/checkout/done', referrer: '' },
      }),
    );
    await waitUntil(() => receiver.delivered().has('text-1'), { timeout: 10_000 });
    const { body } = receiver.received[0];
    expect(body.text).toBe('New response to post-checkout-nps · NPS 3 · “Late &lt;!channel&gt; &amp; broken” · on https://shop.example/checkout/done');
    expect(body.earshot).toMatchObject({
      surveyId: 'post-checkout-nps',
      score: { kind: 'nps', value: 3 },
      comment: 'Late <!channel> & broken',
      page: 'https://shop.example/checkout/done',
    });
  });

  it('sends nothing for partial or preview responses, nor again for a later version of a completed one', async () => {
    const id = 'once-1';
    await send(makeResponse({ id, completed: false, answers: { score: 4 } }), makeResponse({ id: 'preview-1', preview: true }));
    await send(makeResponse({ id, completed: true, answers: { score: 5 }, updatedAt: new Date(Date.now() + 1000).toISOString() }));
    await waitUntil(() => receiver.delivered().has(id), { timeout: 10_000 });
    await send(makeResponse({ id, completed: true, answers: { score: 6 }, updatedAt: new Date(Date.now() + 2000).toISOString() }));
    await send(makeResponse({ id: 'after-1' }));
    await waitUntil(() => receiver.delivered().has('after-1'), { timeout: 10_000 });
    expect(receiver.received.map((r) => [r.body.earshot.responseId, r.body.earshot.score?.value])).toEqual([
      [id, 5],
      ['after-1', 9],
    ]);
  });

  it("removes a person's queued notifications with their responses", async () => {
    await send(makeResponse({ id: 'erased-1', user: { id: 'u_7' }, answers: { score: 2, why: 'My address is …' }, questions: QUESTIONS }));
    await waitUntil(() => receiver.delivered().has('erased-1'), { timeout: 10_000 });
    const queued = async () => Number((await collector.store.query('SELECT COUNT(*) AS n FROM webhook_queue'))[0].n);
    expect(await queued()).toBe(1);
    await fetch(`${server.url}/api/earshot/responses?user=u_7`, { method: 'DELETE' });
    expect(await queued()).toBe(0);
  });

  it('never makes ingestion wait: a batch is answered while the receiver has not answered yet', async () => {
    const release = receiver.hold();
    const answered = await send(makeResponse({ id: 'held-1' }));
    expect(answered.status).toBe(200);
    expect(receiver.received).toHaveLength(0);
    release();
    await waitUntil(() => receiver.delivered().has('held-1'), { timeout: 10_000 });
  });
});

describe('the webhook filter', () => {
  let collector: ReturnType<typeof createCollector>;
  let server: Awaited<ReturnType<typeof createDemoServer>>;
  beforeAll(async () => {
    collector = createCollector({ ...(await freshDatabase()), webhookUrl: receiver.url(), webhookFilter: 'nps<=6', ...FAST_RETRIES });
    await collector.ready;
    server = await createDemoServer({ port: 0, collector });
  });
  afterAll(async () => {
    await server.close();
    await collector.close();
  });

  it('sends only the responses it matches: nps<=6, detractors', async () => {
    const scores = { d0: 0, d6: 6, p7: 7, p10: 10 };
    const responses = Object.entries(scores).map(([id, score]) => makeResponse({ id, answers: { score } }));
    responses.push(makeResponse({ id: 'no-nps', answers: { why: 'No score' }, questions: [{ id: 'why', type: 'text', text: 'Why?' }] }));
    await post(server.url, ...responses);
    await post(server.url, makeResponse({ id: 'last', answers: { score: 1 } }));
    await waitUntil(() => receiver.delivered().has('last'), { timeout: 10_000 });
    expect([...receiver.delivered()].sort()).toEqual(['d0', 'd6', 'last']);
  });

  it('refuses a filter or address it cannot read, with one line naming it', () => {
    for (const filter of ['nps<<6', 'mood=happy', 'nps<=low', 'survey>3', 'nps<=6,']) {
      expect(() => createCollector({ webhookUrl: 'https://hooks.example/x', webhookFilter: filter }), filter).toThrow(
        /^EARSHOT_WEBHOOK_FILTER: .* \(in ".*"; expected conditions like nps<=6/,
      );
    }
    expect(() => createCollector({ webhookUrl: 'ftp://hooks.example/x' })).toThrow('EARSHOT_WEBHOOK_URL: expected an http:// or https:// address (got "ftp://hooks.example/x")');
  });
});

describe('two collectors on one database', () => {
  const folder = storeUnderTest === 'sqlite' ? mkdtempSync(path.join(tmpdir(), 'earshot-webhook-')) : null;
  const collectors: Array<ReturnType<typeof createCollector>> = [];
  const servers: Array<Awaited<ReturnType<typeof createDemoServer>>> = [];
  beforeAll(async () => {
    const database = folder ? { database: path.join(folder, 'shared.sqlite') } : { databaseUrl: await freshPostgresDatabase() };
    for (let i = 0; i < 2; i++) {
      const collector = createCollector({ ...database, webhookUrl: receiver.url(), ...FAST_RETRIES, webhookPollIntervalMs: 5, postsPerMinute: 0 });
      await collector.ready;
      collectors.push(collector);
      servers.push(await createDemoServer({ port: 0, collector }));
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const collector of collectors) await collector.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('send each notification once, whichever of them claims it', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `shared-${i}`);
    // Batches alternate between the two, so both queue rows and both senders poll all the time.
    await Promise.all(Array.from({ length: 12 }, (_, b) => post(servers[b % 2].url, ...ids.slice(b * 5, b * 5 + 5).map((id) => makeResponse({ id })))));
    await waitUntil(() => receiver.delivered().size === ids.length, { timeout: 15_000 });
    // A little longer: a second send of any of them would show now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received.map((r) => r.body.earshot.responseId).sort()).toEqual([...ids].sort());
  });
});

function post(origin: string, ...responses: unknown[]) {
  return fetch(`${origin}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batchOf(...responses)) });
}
