// Who may read answers: only POSTing them is public. Every other route (those of today and any
// added later, enumerated from the collector's route table) needs EARSHOT_READ_TOKEN, or without
// one, a client on this machine; it never sends CORS headers, and answers only to allowed names.
import { createServer as createTcpServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../examples/collector/collector.mjs';
import { isLoopbackAddress } from '../../examples/collector/read-access.mjs';
import { createServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const TOKEN = 'correct horse battery staple';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const SECRET_ANSWER = 'my secret answer';

const PUBLISHED = { id: 'post-checkout-nps', questions: [{ id: 'score', type: 'nps', text: 'How likely?' }] };

/** Every keyed route and method of `collector`, with a query (path values, body) each accepts; a survey is published first. */
function keyedRequests(collector: ReturnType<typeof createCollector>) {
  const query: Record<string, string> = {
    '/api/earshot/scores': '?survey=post-checkout-nps',
    '/api/earshot/summary': '?survey=post-checkout-nps',
    '/api/earshot/responses': '',
  };
  return collector.routes
    .filter((route) => !route.public)
    .flatMap((route) =>
      route.methods.map((method) => {
        const path = route.path.replace(':id', PUBLISHED.id).replace(':version', '1');
        const put = method === 'PUT' && { body: JSON.stringify(PUBLISHED), headers: { 'Content-Type': 'application/json' } };
        return { method, path: `${path}${method === 'DELETE' && path === route.path ? '?user=u_42' : (query[route.path] ?? '')}`, ...put };
      }),
    )
    .sort((a, b) => Number(b.method === 'PUT') - Number(a.method === 'PUT'));
}

describe('with EARSHOT_READ_TOKEN set', () => {
  const demo = useDemo({ readToken: TOKEN });
  const storeSecret = () =>
    demo.post(batchOf(makeResponse({ answers: { score: 9, why: SECRET_ANSWER }, questions: [{ id: 'why', type: 'text', text: 'Why?' }], user: { id: 'u_42' } })));

  it('only POST /api/earshot (and its preflight) and the surveys list are public', () => {
    expect(demo.server.collector.routes.filter((route) => route.public)).toEqual([
      { path: '/api/earshot', public: true, methods: ['POST', 'OPTIONS'] },
      { path: '/api/earshot/surveys', public: true, methods: ['GET', 'HEAD'] },
    ]);
  });

  it('refuses every keyed route and method without the token, 401 with a Basic challenge, and gives nothing away', async () => {
    await storeSecret();
    const requests = keyedRequests(demo.server.collector);
    expect(requests.length).toBeGreaterThanOrEqual(9);
    for (const { method, path } of requests) {
      for (const authorization of [undefined, 'Bearer wrong', basic('admin', 'wrong'), `Bearer ${TOKEN}x`]) {
        const res = await fetch(demo.url(path), { method, headers: authorization ? { Authorization: authorization } : {} });
        const what = `${method} ${path} ${authorization ?? 'no credentials'}`;
        expect(res.status, what).toBe(401);
        expect(res.headers.get('www-authenticate'), what).toBe('Basic realm="Earshot results", charset="UTF-8"');
        expect(await res.text(), what).not.toContain(SECRET_ANSWER);
      }
    }
    expect(await demo.server.collector.storedResponses()).toHaveLength(1);
  });

  it('answers with the token as a Bearer token or as the Basic password, whatever the user name', async () => {
    await storeSecret();
    for (const authorization of [`Bearer ${TOKEN}`, basic('', TOKEN), basic('anyone', TOKEN)]) {
      const res = await fetch(demo.url('/api/earshot/responses'), { headers: { Authorization: authorization } });
      expect(res.status, authorization).toBe(200);
      expect(await res.text()).toContain(SECRET_ANSWER);
    }
    const page = await fetch(demo.url('/results'), { headers: { Authorization: basic('me', TOKEN) } });
    expect(await page.text()).toContain(SECRET_ANSWER);
  });

  it('still takes answers from anyone', async () => {
    expect((await storeSecret()).status).toBe(200);
  });
});

describe('without EARSHOT_READ_TOKEN', () => {
  const demo = useDemo();

  it('answers every keyed route to a client on this machine', async () => {
    for (const { method, path, body, headers } of keyedRequests(demo.server.collector)) {
      const res = await fetch(demo.url(path), { method, body, headers });
      expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    }
  });

  it('refuses a request that came through a proxy, even over loopback, with 403', async () => {
    await demo.post(batchOf(makeResponse({ answers: { why: SECRET_ANSWER } })));
    for (const header of ['X-Forwarded-For', 'Forwarded', 'X-Real-IP']) {
      const res = await fetch(demo.url('/api/earshot/responses'), { headers: { [header]: '203.0.113.7' } });
      expect(res.status, header).toBe(403);
      expect(await res.text()).not.toContain(SECRET_ANSWER);
    }
  });

  it('tells loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '2001:db8::1', '0.0.0.0', '', '127.0.0.1.evil']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});

describe('reads and other sites', () => {
  const demo = useDemo({ allowedOrigins: ['https://shop.example'] });

  it('sends no CORS header on a read, even to an origin allowed to post, and refuses it', async () => {
    for (const path of ['/api/earshot/responses', '/results', '/api/earshot/export.csv']) {
      const res = await fetch(demo.url(path), { headers: { Origin: 'https://shop.example' } });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const preflight = await fetch(demo.url('/api/earshot/responses'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'DELETE' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Host header (DNS rebinding)', () => {
  const demo = useDemo({ allowedHosts: ['feedback.example'] });

  /** A request with the Host header set as a DNS rebinding page's would be (fetch cannot set Host). */
  async function withHost(host: string, path: string) {
    const { default: http } = await import('node:http');
    const { port } = new URL(demo.server.url);
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });
  }

  it('refuses a name it does not answer to with 421, on reads, on POST and on the demo pages', async () => {
    await demo.post(batchOf(makeResponse({ answers: { why: SECRET_ANSWER } })));
    for (const path of ['/results', '/api/earshot/responses', '/shop/', '/api/earshot']) {
      const res = await withHost(`rebind.evil.example:${new URL(demo.server.url).port}`, path);
      expect(res.status, path).toBe(421);
      expect(res.body).not.toContain(SECRET_ANSWER);
    }
    expect(demo.server.collector.counts.unknownHost).toBe(3);
  });

  it('answers loopback names and the names in ALLOWED_HOSTS', async () => {
    for (const host of ['localhost:1234', '127.0.0.1', '[::1]:80', 'feedback.example', 'FEEDBACK.example:443']) {
      expect((await withHost(host, '/api/earshot/responses')).status, host).toBe(200);
    }
  });
});

describe('HOST', () => {
  it('refuses to listen on an address other machines reach when no read token is set', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.10']) {
      const collector = createCollector();
      await expect(createServer({ port: 0, host, collector }), host).rejects.toThrow(`HOST: ${host} can be reached from other machines`);
      collector.close();
    }
  });

  it('listens on any loopback address without one', async () => {
    const demo = await createServer({ port: 0, host: '127.0.0.2' });
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.2:/);
      expect((await fetch(`${demo.url}/results`)).status).toBe(200);
    } finally {
      await demo.close();
    }
  });

  it('keeps a busy port an error for the caller (examples/server.mjs turns it into one line)', async () => {
    const busy = createTcpServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      await expect(createServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      busy.close();
    }
  });
});
