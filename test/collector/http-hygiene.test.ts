// The collector on the open internet: bodies over the limit are refused without being read,
// slow clients are cut off, one client cannot flood it, its log cannot be forged and holds no
// answers, and no redirect leads to another host.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, DEFAULT_BODY_LIMIT, type CollectorOptions } from '../../examples/collector/collector.mjs';
import { createJsonLog } from '../../examples/collector/request-log.mjs';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { freshDatabase } from './support/test-store';
import { makeResponse } from '../support/responses';
import { batchOf } from './demo';

const servers: DemoServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.close();
    await server.collector.close();
  }
});

async function start(options: CollectorOptions = {}, serverOptions: Parameters<typeof createServer>[0] = {}) {
  const collector = createCollector({ ...(await freshDatabase()), ...options });
  await collector.ready;
  const server = await createServer({ port: 0, ...serverOptions, collector });
  servers.push(server);
  return server;
}

const post = (server: DemoServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A raw TCP connection to `server`; `head` is written at once. Resolves when connected. */
function connect(server: DemoServer, head: string) {
  const { port } = new URL(server.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  socket.write(head);
  return { socket, received: () => received, closed };
}

const until = async (condition: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
};

describe('body size', () => {
  it('refuses a body declared as 10 GB with 413 at once, before reading any of it, and closes the connection', async () => {
    const server = await start();
    const sentAt = Date.now();
    const client = connect(server, `POST /api/earshot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 ** 3}\r\n\r\n`);
    expect(await until(() => client.received().includes('\r\n\r\n'), 2000)).toBe(true);
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(client.received().toLowerCase()).toContain('connection: close');
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve('open'), 3000))])).not.toBe('open');
  });

  it('cuts a streamed body of unknown length as soon as it passes the limit', async () => {
    const server = await start();
    const client = connect(server, 'POST /api/earshot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = 'x'.repeat(16 * 1024);
    let written = 0;
    // Keep streaming, as a client that never stops would, until the server answers or 4 MB went out.
    while (!client.received().includes('\r\n\r\n') && written < 4 * 1024 * 1024 && !client.socket.destroyed) {
      client.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      written += chunk.length;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(await until(() => client.received().includes('\r\n\r\n'), 2000)).toBe(true);
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(written).toBeLessThan(DEFAULT_BODY_LIMIT * 3);
    client.socket.destroy();
    expect(await server.collector.storedResponses()).toEqual([]);
  });
});

describe('timeouts', () => {
  it('closes connections that drip their headers or body, and keeps serving others meanwhile', async () => {
    const server = await start({}, { headersTimeoutMs: 500, requestTimeoutMs: 1000 });
    const dripping = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? connect(server, 'POST /api/earshot HTTP/1.1\r\nHost: 127.0.0.1\r\n')
        : connect(server, 'POST /api/earshot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{'),
    );
    const drip = setInterval(() => dripping.forEach((client, i) => !client.socket.destroyed && client.socket.write(i % 2 === 0 ? 'X-Slow: 1\r\n' : ' ')), 100);
    try {
      expect((await post(server, batchOf(makeResponse({ id: 'meanwhile' })))).status).toBe(200);
      const startedAt = Date.now();
      const closedAt = await Promise.all(dripping.map((client) => client.closed));
      expect(Math.max(...closedAt) - startedAt).toBeLessThan(4000);
    } finally {
      clearInterval(drip);
      dripping.forEach((client) => client.socket.destroy());
    }
  });

  it('uses header, request and keep-alive timeouts by default', async () => {
    const server = await start();
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(30_000);
    expect(server.server.keepAliveTimeout).toBe(5_000);
  });
});

describe('rate limit', () => {
  // A client elsewhere, as a proxy on this machine forwards it.
  const remote = { 'X-Forwarded-For': '198.51.100.1' };

  it('answers 429 with Retry-After past the limit per client, and stores nothing from that batch', async () => {
    const server = await start({ postsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await post(server, batchOf(makeResponse({ id: `ok-${i}` })), remote)).status).toBe(200);
    const limited = await post(server, batchOf(makeResponse({ id: 'limited' })), remote);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatch(/^rate: more than 3 batches a minute from this client; retry in \d+ s$/);
    expect((await server.collector.storedResponses()).map((r) => r.id)).toEqual(['ok-0', 'ok-1', 'ok-2']);
    // Reading is not limited.
    expect((await fetch(`${server.url}/results`)).status).toBe(200);
  });

  it('behind a proxy (EARSHOT_TRUST_PROXY), counts each forwarded client apart', async () => {
    const server = await start({ postsPerMinute: 1, trustProxy: true });
    expect((await post(server, batchOf(makeResponse()), { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(200);
    expect((await post(server, batchOf(makeResponse()), { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200);
    expect((await post(server, batchOf(makeResponse()), { 'X-Forwarded-For': '203.0.113.9, 198.51.100.2' })).status).toBe(429);
  });

  it('is off with 0', async () => {
    const server = await start({ postsPerMinute: 0 });
    for (let i = 0; i < 20; i++) expect((await post(server, batchOf(makeResponse()), remote)).status).toBe(200);
  });

  it('does not count programs on this machine (tests, health checks)', async () => {
    const server = await start({ postsPerMinute: 1 });
    for (let i = 0; i < 5; i++) expect((await post(server, batchOf(makeResponse()))).status).toBe(200);
  });

  it('does not read a large body it refuses for another reason: the connection ends', async () => {
    const server = await start({ postsPerMinute: 1 });
    await post(server, batchOf(makeResponse()), remote);
    const client = connect(
      server,
      `POST /api/earshot HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 198.51.100.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 ** 3}\r\n\r\n`,
    );
    expect(await until(() => client.received().includes('\r\n\r\n'), 2000)).toBe(true);
    expect(client.received()).toMatch(/^HTTP\/1\.1 429 /);
    expect(await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve('open'), 3000))])).not.toBe('open');
  });
});

describe('log', () => {
  const SECRET = 'the answer only the team may read';

  async function logged(options: { answers?: boolean } = {}) {
    const lines: string[] = [];
    const server = await start({ log: createJsonLog({ write: (line) => (lines.push(line), true), ...options }), allowedOrigins: ['https://shop.example'] });
    await post(server, batchOf(makeResponse({ id: 'r1', answers: { score: 9, why: SECRET } })));
    await post(server, batchOf(makeResponse({ id: 'forged\n{"event":"admin-login"}' })));
    await post(server, batchOf(makeResponse()), { Origin: 'http://localhost:5173' });
    await fetch(`${server.url}/api/earshot/responses/%0A{"event":"x"}`);
    return lines;
  }

  it('writes one JSON object per line, no answer text, and names a refused origin', async () => {
    const lines = await logged();
    const entries = lines.map((line) => JSON.parse(line));
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(entries.map((entry) => entry.event)).toEqual(['batch', 'refused', 'refused']);
    expect(entries[0]).toMatchObject({ stored: 1, responses: [{ surveyId: 'post-checkout-nps', id: 'r1', completed: true }] });
    expect(entries[2]).toMatchObject({ status: 403, origin: 'http://localhost:5173', error: expect.stringContaining('add it to ALLOWED_ORIGINS') });
    expect(lines.join('')).not.toContain(SECRET);
  });

  it('writes answers only when asked to (EARSHOT_LOG_ANSWERS=1)', async () => {
    expect((await logged({ answers: true })).join('')).toContain(SECRET);
  });
});

describe('redirects', () => {
  /** GET with the path sent exactly as written (fetch would normalise it). */
  function rawGet(server: DemoServer, path: string) {
    const { port } = new URL(server.url);
    return new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        })
        .on('error', reject);
    });
  }

  it.each(['/.//shop', '/%2e//shop', '/./\\shop'])('redirects %s to /shop/, never to a Location starting with // (another host)', async (path) => {
    const server = await start();
    expect(await rawGet(server, path)).toEqual({ status: 301, location: '/shop/' });
  });
});
