// Answers that carry their context (docs/architecture.md §3): the track() call that showed the
// survey, init({ context }) and setContext(), a survey's hiddenFields, within the collector's caps
// and never with a throw; and page addresses without their query strings unless asked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { consent, flush, init, on, setContext, show, track, type EarshotConfig, type Survey, type SurveyResponse } from '../../src/index.js';
import { push } from '../../src/snippet/queue.js';
import { usePublicApiPage } from '../support/api-page.js';
import { allByRole, getByRole, rendered } from '../support/dom.js';
import { settle, type FakeCollector } from '../support/fakes.js';

const checkout: Survey = {
  id: 'post-checkout',
  trigger: { event: 'checkout_completed' },
  hiddenFields: ['utm_source', 'plan'],
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};
const feedback: Survey = { id: 'feedback', questions: [{ id: 'up', type: 'thumbs', text: 'Helpful?' }] };

const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({ endpoint: '/api/earshot', locale: 'en', surveys: [checkout, feedback], ...overrides });

let collector: FakeCollector;
let errors: string[];

async function start(given: EarshotConfig): Promise<void> {
  init(given);
  on('error', ({ message }) => errors.push(message));
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

/** The visitor answers the survey on the page (its first radio or thumb) and submits; returns what the collector got. */
async function answer(): Promise<SurveyResponse> {
  const [survey] = document.body.querySelectorAll('earshot-survey');
  await rendered(survey);
  allByRole(survey.shadowRoot!, 'radio')[0].click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await rendered(survey);
  await flush();
  const received = collector.received();
  expect(received.length).toBeGreaterThan(0);
  return received.at(-1)!;
}

const page = usePublicApiPage();

beforeEach(() => {
  collector = page.collector();
  errors = [];
  history.replaceState(null, '', '/');
});

describe('event: the track() call that showed the survey', () => {
  it('records its name and properties on the response', async () => {
    await start(config());
    track('checkout_completed', { orderId: 'A1', plan: 'pro', total: 42, gift: false, coupon: null });
    const response = await answer();
    expect(response.event).toEqual({ name: 'checkout_completed', properties: { orderId: 'A1', plan: 'pro', total: 42, gift: false, coupon: null } });
    expect(errors).toEqual([]);
  });

  it('keeps what a collector takes, and names the rest in one error event, never a throw', async () => {
    await start(config());
    expect(() => track('checkout_completed', { orderId: 'A1', items: [{ sku: 'mug' }], note: 'n'.repeat(501), 'Order ID': 7 })).not.toThrow();
    const response = await answer();
    expect(response.event).toEqual({ name: 'checkout_completed', properties: { orderId: 'A1' } });
    expect(errors).toEqual([expect.stringMatching(/^survey "post-checkout": event properties: dropped items, note, Order ID \(keys of 1–64 letters/)]);
  });

  it('is absent for other journey points and for show()', async () => {
    await start(config());
    show('feedback');
    const response = await answer();
    expect(response).not.toHaveProperty('event');
    expect(response.trigger).toEqual({ manual: true });
  });
});

describe('context: init({ context }), setContext() and hiddenFields', () => {
  it('holds the values of init and of setContext, merged, with null removing a key', async () => {
    await start(config({ context: { plan: 'free', locale: 'fr', experiment: 'b' } }));
    setContext({ plan: 'pro', experiment: null, seats: 3 });
    show('feedback');
    const response = await answer();
    expect(response.context).toEqual({ plan: 'pro', locale: 'fr', seats: 3 });
  });

  it('is taken when the survey shows: a later setContext() changes the next survey, not the one on the page', async () => {
    await start(config({ context: { step: 'one' } }));
    show('feedback');
    setContext({ step: 'two' });
    expect((await answer()).context).toEqual({ step: 'one' });
    show('feedback');
    expect((await answer()).context).toEqual({ step: 'two' });
  });

  it("copies a survey's hidden fields from the page's query string, over the same keys of setContext()", async () => {
    history.replaceState(null, '', '/order/done?utm_source=mail&plan=pro&email=a%40b.example');
    await start(config({ context: { plan: 'free', seats: 3 } }));
    track('checkout_completed');
    const response = await answer();
    expect(response.context).toEqual({ plan: 'pro', seats: 3, utm_source: 'mail' });
  });

  it('reads nothing else from the page: without hiddenFields or setContext, no context at all', async () => {
    history.replaceState(null, '', '/?utm_source=mail&plan=pro');
    await start(config());
    show('feedback');
    const response = await answer();
    expect(response).not.toHaveProperty('context');
  });

  it('drops what a collector could not take, with an error event naming it, and never throws', async () => {
    await start(config());
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i]));
    expect(() => setContext({ ...many, deep: { a: 1 } as never, long: 'x'.repeat(501) })).not.toThrow();
    expect(() => setContext('plan=pro' as never)).not.toThrow();
    show('feedback');
    const response = await answer();
    expect(Object.keys(response.context!)).toHaveLength(30);
    expect(response.context).not.toHaveProperty('k30');
    expect(errors).toEqual([expect.stringMatching(/^setContext\(\): dropped k30, deep, long \(/)]);
  });

  it('a long hidden field is dropped and named', async () => {
    history.replaceState(null, '', `/?utm_source=${'x'.repeat(501)}&plan=pro`);
    await start(config());
    track('checkout_completed');
    const response = await answer();
    expect(response.context).toEqual({ plan: 'pro' });
    expect(errors).toEqual([expect.stringMatching(/^survey "post-checkout": hiddenFields: dropped utm_source \(/)]);
  });

  it("init({ context }) with values a collector could not take starts, and the page's listeners hear what was dropped", async () => {
    expect(() => init(config({ context: { plan: 'pro', nested: { a: 1 } as never } }))).not.toThrow();
    on('error', ({ message }) => errors.push(message));
    await vi.advanceTimersByTimeAsync(0);
    await settle();
    expect(errors).toEqual([expect.stringMatching(/^init\(\{ context \}\): dropped nested \(/)]);
    show('feedback');
    expect((await answer()).context).toEqual({ plan: 'pro' });
  });

  it('while consent is pending, nothing is sent or stored, and the values wait for it to be granted', async () => {
    await start(config({ consent: 'pending', context: { plan: 'free' } }));
    setContext({ plan: 'pro', seats: 2, bad: [] as never });
    expect(errors).toEqual([expect.stringMatching(/^setContext\(\): dropped bad \(/)]);
    show('feedback');
    await settle();
    expect(document.body.querySelector('earshot-survey')).toBeNull();
    expect(collector.requests).toEqual([]);
    expect(await indexedDB.databases()).toEqual([]);
    consent('granted');
    await settle();
    show('feedback');
    expect((await answer()).context).toEqual({ plan: 'pro', seats: 2 });
  });

  it("can be queued in the loader snippet's format", async () => {
    push(['init', config()], ['setContext', { plan: 'team' }], ['show', 'feedback']);
    await vi.advanceTimersByTimeAsync(0);
    await settle();
    expect((await answer()).context).toEqual({ plan: 'team' });
  });
});

describe('page addresses', () => {
  const referrer = (value: string) => Object.defineProperty(document, 'referrer', { configurable: true, value });

  it('are sent without query string or fragment by default', async () => {
    history.replaceState(null, '', '/account/settings?email=a%40b.example&token=s3cr3t#billing');
    referrer('https://mail.example/inbox?message=42#read');
    try {
      await start(config());
      show('feedback');
      expect((await answer()).page).toEqual({ url: `${location.origin}/account/settings`, referrer: 'https://mail.example/inbox' });
    } finally {
      referrer('');
    }
  });

  it('keep them with pageUrl: "full"', async () => {
    history.replaceState(null, '', '/account/settings?tab=billing#plan');
    referrer('https://mail.example/inbox?message=42');
    try {
      await start(config({ pageUrl: 'full' }));
      show('feedback');
      expect((await answer()).page).toEqual({ url: `${location.origin}/account/settings?tab=billing#plan`, referrer: 'https://mail.example/inbox?message=42' });
    } finally {
      referrer('');
    }
  });

  it('a hidden field keeps the one parameter a team chose, while the address loses it', async () => {
    history.replaceState(null, '', '/order/done?utm_source=mail&email=a%40b.example');
    await start(config());
    track('checkout_completed');
    const response = await answer();
    expect(response.page.url).toBe(`${location.origin}/order/done`);
    expect(response.context).toEqual({ utm_source: 'mail' });
  });

  it('pageUrl accepts only "stripped" or "full"', () => {
    expect(() => init(config({ pageUrl: 'query' as never }))).toThrow('pageUrl: expected one of stripped, full (got "query")');
  });
});
