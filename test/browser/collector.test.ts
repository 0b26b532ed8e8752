// The demo collector and static server, over real HTTP (no browser needed).
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';

type Demo = Awaited<ReturnType<typeof createServer>>;
let demo: Demo;

beforeAll(async () => {
  demo = await createServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});
beforeEach(() => demo.collector.reset());

function post(body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return fetch(`${demo.url}/api/earshot`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const batch = (...responses: unknown[]) => ({ sentAt: new Date().toISOString(), responses });

/** GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(demo.url);
    http
      .get({ hostname, port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('collector', () => {
  it('stores a valid batch and lists it at /api/earshot/responses', async () => {
    const a = makeResponse({ id: 'a' });
    const b = makeResponse({ id: 'b', completed: false, answers: { score: 3 } });
    const res = await post(batch(a, b));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ ok: true, stored: 2, kept: 0 });

    const list = await (await fetch(`${demo.url}/api/earshot/responses`)).json();
    expect(list).toEqual([a, b]);
    expect(demo.collector.responses()).toEqual([a, b]);
    expect(demo.collector.batches).toHaveLength(1);
    expect(demo.collector.requestCount).toBe(2);
  });

  it('never replaces a completed response with a partial one, even a later one', async () => {
    const done = makeResponse({ id: 'r1', completed: true, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 9 } });
    const partialLater = makeResponse({ id: 'r1', completed: false, updatedAt: '2026-01-01T11:00:00.000Z', answers: { score: 2 } });
    await post(batch(done));
    const res = await post(batch(partialLater));
    expect(await res.json()).toEqual({ ok: true, stored: 0, kept: 1 });
    expect(demo.collector.responses()).toEqual([done]);
  });

  it('replaces a partial response with a completed one, even an older one', async () => {
    const partial = makeResponse({ id: 'r1', completed: false, updatedAt: '2026-01-01T11:00:00.000Z', answers: { score: 2 } });
    const done = makeResponse({ id: 'r1', completed: true, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 9 } });
    await post(batch(partial));
    await post(batch(done));
    expect(demo.collector.responses()).toEqual([done]);
  });

  it('keeps the later updatedAt between two of the same kind, whatever the arrival order', async () => {
    const older = makeResponse({ id: 'p', completed: false, updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 1 } });
    const newer = makeResponse({ id: 'p', completed: false, updatedAt: '2026-01-01T10:00:05.000Z', answers: { score: 8 } });
    await post(batch(newer));
    await post(batch(older));
    expect(demo.collector.responses()).toEqual([newer]);

    const c1 = makeResponse({ id: 'c', updatedAt: '2026-01-01T10:00:00.000Z', answers: { score: 5 } });
    const c2 = makeResponse({ id: 'c', updatedAt: '2026-01-01T10:00:09.000Z', answers: { score: 6 } });
    await post(batch(c1, c2));
    // A replaced response keeps its place in insertion order.
    expect(demo.collector.responses().map((r: any) => [r.id, r.answers.score])).toEqual([
      ['p', 8],
      ['c', 6],
    ]);
  });

  it.each([
    ['not JSON', '{nope', 'body: not valid JSON'],
    ['a JSON array', '[]', 'body: expected a JSON object'],
    ['no responses', JSON.stringify({ sentAt: 'x' }), 'responses: expected an array'],
    ['a response that is not an object', JSON.stringify(batch(42)), 'responses[0]: expected an object'],
    ['a numeric id', JSON.stringify(batch(makeResponse({ id: 7 as any }))), 'responses[0].id'],
    ['no surveyId', JSON.stringify(batch(makeResponse({ surveyId: undefined as any }))), 'responses[0].surveyId'],
    ['completed as a string', JSON.stringify(batch(makeResponse({ completed: 'yes' as any }))), 'responses[0].completed'],
    ['answers as an array', JSON.stringify(batch(makeResponse(), makeResponse({ answers: [] as any }))), 'responses[1].answers'],
  ])('answers 400 naming the problem for %s', async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const json = await res.json();
    expect(json.error).toContain(message);
    expect(demo.collector.responses()).toEqual([]);
    expect(demo.collector.batches).toEqual([]);
  });

  it('stores nothing from a batch when any response in it is malformed', async () => {
    const res = await post(batch(makeResponse({ id: 'good' }), { id: 'bad' }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toContain('responses[1].surveyId');
    expect(error).toContain('responses[1].completed');
    expect(demo.collector.responses()).toEqual([]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const big = batch(makeResponse({ answers: { reason: 'x'.repeat(1024 * 1024 + 10) } }));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/limit/);
    expect(demo.collector.responses()).toEqual([]);
  });

  it('accepts a text/plain body, as navigator.sendBeacon sends it', async () => {
    const r = makeResponse({ id: 'beacon' });
    const res = await post(JSON.stringify(batch(r)), { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(200);
    expect(demo.collector.responses()).toEqual([r]);
  });

  it('answers a CORS preflight allowing POST with Content-Type', async () => {
    const res = await fetch(`${demo.url}/api/earshot`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('answers 405 for a GET on the endpoint', async () => {
    const res = await fetch(`${demo.url}/api/earshot`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });
});

describe('static server', () => {
  it('serves the shop and the built SDK folder with the right content types', async () => {
    const shop = await fetch(`${demo.url}/shop/`);
    expect(shop.status).toBe(200);
    expect(shop.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await shop.text()).toContain('/dist/earshot.min.js');

    const css = await fetch(`${demo.url}/shop/shop.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const js = await fetch(`${demo.url}/shop/earshot-setup.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('redirects a folder without its trailing slash', async () => {
    const res = await fetch(`${demo.url}/shop`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/shop/');
  });

  it('answers 404 for missing files', async () => {
    expect((await fetch(`${demo.url}/shop/nope.html`)).status).toBe(404);
    expect((await fetch(`${demo.url}/dist/nope.js`)).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/shop/../../package.json',
    '/%2e%2e/package.json',
    '/dist/../package.json',
    '/dist/%2e%2e/package.json',
    '/dist/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
  ])('does not serve %s from outside its roots', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"devDependencies"');
    expect(res.body).not.toContain('root:');
  });
});
