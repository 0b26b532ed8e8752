// `shown` and `dismissed` events beside responses (docs/architecture.md §3), so a collector can
// count response rates: queued in the outbox, sent with answers or at page hide and never in a
// request of their own while the page is open, de-duplicable by id, subject to consent; and which
// part of a trigger fired, with its label, on events and responses alike.
import { createStore, values } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_FLUSH_DELAY_MS } from '../../src/core/controller.js';
import { EVENTS_DB } from '../../src/core/delivery/outbox.js';
import { consent, destroy, flush, init, on, preview, show, track, type EarshotConfig, type ImpressionEvent, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { getByRole, rendered } from '../support/dom.js';
import { settle, type FakeCollector } from '../support/fakes.js';

const cart: Survey = {
  id: 'cart-ease',
  label: 'Cart',
  trigger: {
    all: [{ url: '/cart' }, { any: [{ delay: 20, label: 'Cart, waited 20 s' }, { exitIntent: true }] }],
  },
  questions: [
    { id: 'ease', type: 'rating', text: 'How easy was it?' },
    { id: 'why', type: 'text', text: 'Why?', optional: true },
  ],
};
const help: Survey = { id: 'help', label: 'Give feedback', questions: [{ id: 'up', type: 'thumbs', text: 'Helpful?' }] };

const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({ endpoint: '/api/earshot', locale: 'en', cooldownDays: 0, surveys: [cart, help], ...overrides });

let collector: FakeCollector;
let errors: string[];
const page = usePublicApiPage();

beforeEach(() => {
  collector = page.collector();
  errors = [];
  history.replaceState(null, '', '/cart');
});

async function start(given: EarshotConfig = config()): Promise<void> {
  init(given);
  on('error', ({ code, message }) => errors.push(`${code}: ${message}`));
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

const widget = async () => {
  const element = document.body.querySelector('earshot-survey')!;
  await rendered(element);
  return element;
};
const click = async (role: string, name: string) => {
  const element = await widget();
  getByRole(element.shadowRoot!, role, name).click();
  await rendered(element);
  await settle();
};
/** The visitor leaves the page (or the tab goes to the background). */
const hide = async () => {
  dispatchEvent(new Event('pagehide'));
  await settle();
};
const sentEvents = () => collector.requests.flatMap(({ body }) => body.events ?? []);
const queuedEvents = async () => {
  await settle();
  return values<ImpressionEvent>(createStore(EVENTS_DB, 'events'));
};

describe('shown and dismissed events', () => {
  it('cost no request while the page is open; at page hide they go together, with ids, times and the journey point', async () => {
    await start();
    await vi.advanceTimersByTimeAsync(20_000);
    await click('button', 'Close');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(collector.requests).toEqual([]);
    expect((await queuedEvents()).map(({ type }) => type).sort()).toEqual(['dismissed', 'shown']);

    await hide();
    expect(collector.requests.map(({ keepalive, body }) => ({ keepalive, responses: body.responses.length, events: body.events?.length }))).toEqual([
      { keepalive: true, responses: 0, events: 2 },
    ]);
    const [shown, dismissed] = sentEvents();
    // The rule as written, without labels (the response's `label` carries the nearest one).
    const journeyPoint = { trigger: { all: [{ url: '/cart' }, { any: [{ delay: 20 }, { exitIntent: true }] }] }, firedBy: { delay: 20 }, label: 'Cart, waited 20 s' };
    expect(shown).toEqual({ id: expect.any(String), type: 'shown', surveyId: 'cart-ease', at: expect.any(String), ...journeyPoint });
    expect(dismissed).toEqual({ id: expect.any(String), type: 'dismissed', surveyId: 'cart-ease', at: expect.any(String), ...journeyPoint });
    expect(shown.id).not.toBe(dismissed.id);
    expect(new Date(shown.at).toISOString()).toBe(shown.at);
    // Confirmed: the next page sends nothing again.
    expect(await queuedEvents()).toEqual([]);
    destroy();
    await start();
    await flush();
    expect(collector.requests).toHaveLength(1);
  });

  it('ride with the first answer: one request carries the response and the shown event, in that order', async () => {
    await start();
    show('help');
    await click('radio', 'Thumbs up');
    await vi.advanceTimersByTimeAsync(ANSWER_FLUSH_DELAY_MS);
    await settle();
    expect(collector.requests).toHaveLength(1);
    const [{ body }] = collector.requests;
    expect(Object.keys(body)).toEqual(['sentAt', 'responses', 'events']);
    expect(body.responses).toMatchObject([{ surveyId: 'help', answers: { up: 1 }, trigger: { manual: true }, label: 'Give feedback' }]);
    expect(body.events).toEqual([{ id: expect.any(String), type: 'shown', surveyId: 'help', at: expect.any(String), trigger: { manual: true }, label: 'Give feedback' }]);
  });

  it('a dismissal after an answer names the response; the answer is sent at once, as before', async () => {
    await start();
    show('help');
    await click('radio', 'Thumbs down');
    await click('button', 'Close');
    await flush();
    const responseId = collector.received()[0].id;
    // Events keep no order among those of one millisecond: a collector orders them by `at`.
    expect(sentEvents().map(({ type, responseId: id }) => [type, id])).toEqual(
      expect.arrayContaining([
        ['shown', undefined],
        ['dismissed', responseId],
      ]),
    );
    expect(sentEvents()).toHaveLength(2);
  });

  it('keep their ids when a failed delivery is retried, so a collector counts each once', async () => {
    collector.script('network-error');
    await start();
    show('help');
    await click('radio', 'Thumbs up');
    await click('button', 'Submit');
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);
    await settle();
    const [failed, retried] = collector.requests;
    expect(retried.body.events!.map(({ id }) => id)).toEqual(failed.body.events!.map(({ id }) => id));
    expect(retried.body.responses.map(({ id }) => id)).toEqual(failed.body.responses.map(({ id }) => id));
  });

  it("an earlier page's events are sent when the next page starts, alone if there is nothing else", async () => {
    await start();
    show('help');
    await click('button', 'Close');
    collector.script('network-error');
    await hide();
    expect(collector.requests).toHaveLength(1);
    destroy();
    await start();
    await settle();
    expect(collector.requests).toHaveLength(2);
    const byType = (events: ImpressionEvent[] = []) => [...events].sort((a, b) => a.type.localeCompare(b.type));
    expect(byType(collector.requests[1].body.events).map(({ type }) => type)).toEqual(['dismissed', 'shown']);
    expect(byType(collector.requests[1].body.events)).toEqual(byType(collector.requests[0].body.events));
  });

  it('a collector that refuses a batch with events (one that does not know them yet) still gets every answer', async () => {
    collector.script(400);
    await start();
    show('help');
    await click('radio', 'Thumbs up');
    await click('button', 'Submit');
    await flush();
    expect(collector.requests.map(({ body }) => [body.responses.length, body.events?.length ?? 0])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(errors).toEqual(['rejected: HTTP 400: events refused by the collector; dropped']);
    expect(await queuedEvents()).toEqual([]);
  });

  it('are not made for previews, which are never counted', async () => {
    await start();
    preview('help');
    await click('radio', 'Thumbs up');
    await click('button', 'Close');
    await flush();
    await hide();
    expect(sentEvents()).toEqual([]);
    expect(collector.received()).toMatchObject([{ preview: true }]);
  });

  it('are subject to consent: none while pending, and none stored', async () => {
    await start(config({ consent: 'pending' }));
    show('help');
    await vi.advanceTimersByTimeAsync(30_000);
    await hide();
    expect(collector.requests).toEqual([]);
    expect(await indexedDB.databases()).toEqual([]);
    consent('granted');
    await settle();
    show('help');
    await hide();
    expect(sentEvents().map(({ type }) => type)).toEqual(['shown']);
  });
});

describe('which part of a trigger fired, and its label', () => {
  it('a response records the whole trigger, the part that fired, and the label nearest to it', async () => {
    await start();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }));
    await click('radio', '4');
    await click('button', 'Next');
    await click('button', 'Submit');
    await flush();
    const [response] = collector.received();
    expect(response.trigger).toEqual({ all: [{ url: '/cart' }, { any: [{ delay: 20 }, { exitIntent: true }] }] });
    // The exit-intent part has no label of its own, nor has the `any` or `all` around it: the survey's.
    expect(response.firedBy).toEqual({ exitIntent: true });
    expect(response.label).toBe('Cart');
  });

  it('a label on a combination names every part inside it', async () => {
    const labelled: Survey = {
      id: 'checkout',
      trigger: { any: [{ all: [{ url: '/cart' }, { event: 'pay_clicked' }], label: 'Paid from the cart' }, { event: 'help' }] },
      questions: help.questions,
    };
    await start(config({ surveys: [labelled] }));
    track('pay_clicked', { method: 'card' });
    await click('radio', 'Thumbs up');
    await click('button', 'Submit');
    await flush();
    expect(collector.received()[0]).toMatchObject({
      firedBy: { event: 'pay_clicked' },
      label: 'Paid from the cart',
      event: { name: 'pay_clicked', properties: { method: 'card' } },
    });
  });

  it('a single journey point is its own part: no firedBy, and its label on the response, not in the rule', async () => {
    const single: Survey = { id: 'single', trigger: { label: 'Paid', event: 'paid', where: { total: { gt: 1 } } } as Survey['trigger'], questions: help.questions };
    await start(config({ surveys: [single] }));
    track('paid', { total: 5 });
    await click('radio', 'Thumbs up');
    await click('button', 'Submit');
    await flush();
    const [response] = collector.received();
    expect(response).not.toHaveProperty('firedBy');
    expect(response.trigger).toEqual({ event: 'paid' });
    expect(response.label).toBe('Paid');
  });
});
