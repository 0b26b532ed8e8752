// ALLOWED_ORIGINS: which other sites may send answers to the collector and read its API.
import { describe, expect, it } from 'vitest';
import { parseAllowedOrigins } from '../../examples/collector/cors.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const SHOP = 'https://shop.example';
const demo = useDemo({ allowedOrigins: parseAllowedOrigins(`${SHOP}, http://localhost:3000/`) });

function preflight(origin: string) {
  return fetch(demo.url('/api/earshot'), {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
}

describe('CORS from ALLOWED_ORIGINS', () => {
  it('answers the preflight of an allowed origin, allowing POST with Content-Type', async () => {
    const res = await preflight(SHOP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('stores a batch from an allowed origin and lets it read Retry-After', async () => {
    const res = await demo.post(batchOf(makeResponse({ id: 'cross' })), { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect((await demo.server.collector.storedResponses()).map((r) => r.id)).toEqual(['cross']);
  });

  it('refuses another origin with 403 naming it, both the preflight and a beacon that skips it, and stores nothing', async () => {
    const denied = await preflight('https://evil.example');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    // A text/plain beacon is a "simple" request: the browser sends it without asking first.
    const beacon = await demo.post(JSON.stringify(batchOf(makeResponse())), { 'Content-Type': 'text/plain', Origin: 'https://evil.example' });
    expect(beacon.status).toBe(403);
    expect((await beacon.json()).error).toBe('origin: https://evil.example may not use this collector; add it to ALLOWED_ORIGINS');
    expect(await demo.server.collector.storedResponses()).toEqual([]);
  });

  it('always accepts pages served by the collector itself, with no CORS headers needed', async () => {
    const res = await demo.post(batchOf(makeResponse({ id: 'same-site' })), { 'Content-Type': 'application/json', Origin: demo.server.url });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads ALLOWED_ORIGINS leniently about spaces and a trailing slash, and rejects what is not an origin, naming it', () => {
    expect(parseAllowedOrigins(' https://a.example , https://b.example:8443/ ')).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(parseAllowedOrigins('*')).toEqual(['*']);
    expect(parseAllowedOrigins('')).toEqual([]);
    expect(() => parseAllowedOrigins('https://a.example, shop.example')).toThrow('ALLOWED_ORIGINS: "shop.example" is not an origin');
    expect(() => parseAllowedOrigins('https://a.example/checkout')).toThrow('ALLOWED_ORIGINS: "https://a.example/checkout" is not an origin');
  });
});

describe('CORS with ALLOWED_ORIGINS=*', () => {
  const open = useDemo({ allowedOrigins: ['*'] });

  it('lets any origin post, without varying on Origin, but no other site read the answers', async () => {
    const res = await open.post(batchOf(makeResponse({ id: 'anyone' })), { 'Content-Type': 'application/json', Origin: 'https://anywhere.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    for (const path of ['/api/earshot/responses', '/api/earshot/export.csv', '/api/earshot/scores?survey=post-checkout-nps', '/results']) {
      const read = await fetch(open.url(path), { headers: { Origin: 'https://dashboard.example' } });
      expect(read.status, path).toBe(403);
      expect(read.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(await read.text(), path).not.toContain('anyone');
    }
  });
});
