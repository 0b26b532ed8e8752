// @vitest-environment node
// Pure logic with no DOM: the Node environment keeps this file cheap to start.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, sendBatch } from '../../../src/core/delivery/transport.js';
import type { Batch } from '../../../src/core/types.js';
import { installCollector, type FakeCollector } from '../../support/fakes.js';

const batch: Batch = {
  sentAt: '2026-11-27T10:00:00.000Z',
  responses: [
    {
      id: '5f0c6e0a-0000-4000-8000-000000000001',
      surveyId: 'post-checkout-nps',
      completed: true,
      answers: { score: 9 },
      questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
      createdAt: '2026-11-27T09:59:41.120Z',
      updatedAt: '2026-11-27T09:59:52.300Z',
      page: { url: 'https://shop.example/checkout/done', referrer: '' },
      trigger: { event: 'checkout_completed' },
      locale: 'en',
      sdk: { name: 'earshot', version: '0.1.0' },
    },
  ],
};

const body = JSON.stringify(batch);

describe('sendBatch', () => {
  let collector: FakeCollector;
  beforeEach(() => {
    collector = installCollector();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('POSTs the batch as JSON to the endpoint, without cookies', async () => {
    await sendBatch('/api/earshot', body);
    expect(collector.requests).toHaveLength(1);
    const [request] = collector.requests;
    expect(request).toMatchObject({ url: '/api/earshot', method: 'POST', contentType: 'application/json', keepalive: false, credentials: 'omit' });
    expect(request.body).toEqual(batch);
  });

  it('asks for keepalive when told to', async () => {
    await sendBatch('/api/earshot', body, true);
    expect(collector.requests[0].keepalive).toBe(true);
  });

  it.each([200, 201, 202, 204])('counts HTTP %i as delivered', async (status) => {
    collector.script(status);
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'delivered' });
  });

  it('counts 409 (the collector already has these) as delivered', async () => {
    collector.script(409);
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'delivered' });
  });

  it.each([408, 425, 429, 500, 502, 503, 504])('retries after HTTP %i', async (status) => {
    collector.script(status);
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: undefined });
  });

  it('retries after a network error, without throwing', async () => {
    collector.script('network-error');
    const outcome = await sendBatch('/api/earshot', body);
    expect(outcome.kind).toBe('retry');
    expect(outcome.kind === 'retry' && outcome.reason).toContain('Failed to fetch');
    expect(outcome.kind === 'retry' && outcome.reason).not.toContain('CORS');
  });

  it('names the page origin a collector on another origin must allow when a send fails', async () => {
    vi.stubGlobal('location', new URL('https://shop.example/cart'));
    collector.script('network-error', 'network-error');
    const outcome = await sendBatch('https://collector.example/api/earshot', body);
    expect(outcome.kind === 'retry' && outcome.reason).toBe('network error: Failed to fetch; the collector must allow the origin https://shop.example (CORS)');
    // The page's own collector: no CORS involved, nothing to add.
    const sameOrigin = await sendBatch('/api/earshot', body);
    expect(sameOrigin.kind === 'retry' && sameOrigin.reason).toBe('network error: Failed to fetch');
    vi.unstubAllGlobals();
  });

  it('passes on Retry-After from a 503 or a 429', async () => {
    collector.script({ status: 503, headers: { 'Retry-After': '120' } }, { status: 429, headers: { 'Retry-After': '7' } });
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'retry', reason: 'HTTP 503', retryAfterMs: 120_000 });
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'retry', reason: 'HTTP 429', retryAfterMs: 7_000 });
  });

  it.each([400, 401, 403, 404, 405, 410, 413, 415, 422])('rejects the batch for good on HTTP %i', async (status) => {
    collector.script(status);
    expect(await sendBatch('/api/earshot', body)).toEqual({ kind: 'rejected', status });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T10:00:00.000Z');

  it('reads seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:01:30 GMT', now)).toBe(90_000);
  });

  it('treats an HTTP date in the past as now', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('Friday-ish', now)).toBeUndefined();
  });

  it('never waits a negative time', () => {
    expect(parseRetryAfter('-10', now)).toBe(0);
  });

  it('waits at most 5 minutes', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(300_000);
    expect(parseRetryAfter('86400', now)).toBe(300_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('300', now)).toBe(300_000);
    expect(parseRetryAfter('299', now)).toBe(299_000);
  });
});
