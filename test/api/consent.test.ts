import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { EarshotConfig, EarshotEventName, Survey } from '../../src/index.js';
import { installCollector, resetIndexedDB, settle, type FakeCollector } from '../support/fakes.js';
import { useBundledUi } from '../support/bundled-ui.js';
import { getByRole, rendered } from '../support/dom.js';
import { PAGE_OWNER } from '../../src/api/one-per-page.js';

// The consent chosen with `consent()` outlives `destroy()` (a remounted app must not forget a
// denial), so each test loads a fresh copy of the SDK.
type Earshot = typeof import('../../src/index.js');
let earshot: Earshot;
let collector: FakeCollector;
let errors: unknown[];

const survey: Survey = {
  id: 'post-checkout-nps',
  trigger: { event: 'checkout_completed' },
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};
const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({ endpoint: '/api/earshot', surveys: [survey], locale: 'en', ...overrides });

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];
const databases = async () => (await indexedDB.databases()).map((db) => db.name).sort();

async function answerAndSubmit(score: number): Promise<void> {
  const [widget] = widgets();
  await rendered(widget);
  getByRole(widget.shadowRoot!, 'radio', String(score)).click();
  await rendered(widget);
  getByRole(widget.shadowRoot!, 'button', 'Submit').click();
  await rendered(widget);
  await earshot.flush();
}

beforeEach(async () => {
  resetIndexedDB();
  vi.resetModules();
  // Each test loads Earshot anew, as a new page would; a copy loaded by an earlier test is no longer on it.
  delete (globalThis as { [PAGE_OWNER]?: unknown })[PAGE_OWNER];
  earshot = await import('../../src/index.js');
  await useBundledUi();
  collector = installCollector();
  errors = [];
});

afterEach(() => {
  earshot.destroy();
  for (const leftover of widgets()) leftover.remove();
  vi.unstubAllGlobals();
});

/** The browser sends the Global Privacy Control signal (as Firefox or Brave can), until the test ends. */
function sendGlobalPrivacyControl(): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
  onTestFinished(() => {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  });
}

function listenForErrors(): void {
  earshot.on('error' as EarshotEventName, (payload) => errors.push(payload));
}

describe('consent', () => {
  it('shows, stores and sends nothing while pending, and drops events tracked meanwhile', async () => {
    earshot.init(config({ consent: 'pending' }));
    earshot.track('checkout_completed');
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(await databases()).toEqual([]);
    expect(collector.requests).toHaveLength(0);

    earshot.consent('granted');
    await settle();
    // The event tracked before consent does not count.
    expect(widgets()).toHaveLength(0);
    earshot.track('checkout_completed');
    await settle();
    expect(widgets()).toHaveLength(1);
    await answerAndSubmit(9);
    expect(collector.received()).toMatchObject([{ surveyId: 'post-checkout-nps', completed: true, answers: { score: 9 } }]);
  });

  it('is granted by default', async () => {
    earshot.init(config());
    await settle();
    earshot.track('checkout_completed');
    await settle();
    expect(widgets()).toHaveLength(1);
  });

  it('denied: removes the survey, erases the outbox, the refused answers and the visitor state, and stops', async () => {
    // A refused batch, set aside in the dead-letter database (its first refusal drops the `shown`
    // event it carried; the answer alone is refused again).
    collector.script(400, 400);
    earshot.init(config({ surveys: [survey, { ...survey, id: 'second' }] }));
    await settle();
    earshot.track('checkout_completed');
    await settle();
    await answerAndSubmit(3);
    collector.hold(); // the next answer stays queued in the outbox
    earshot.show('second');
    await settle();
    expect(widgets()).toHaveLength(1);
    const [widget] = widgets();
    await rendered(widget);
    getByRole(widget.shadowRoot!, 'radio', '7').click();
    await settle();
    // happy-dom has no navigator.locks, so tabs take turns through a lease database too.
    expect(await databases()).toEqual(['earshot', 'earshot-dead-letters', 'earshot-events', 'earshot-lease', 'earshot-visitor']);

    earshot.consent('denied');
    await settle();
    collector.release();
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(await databases()).toEqual([]);

    const requestsBefore = collector.requests.length;
    earshot.track('checkout_completed');
    earshot.show('post-checkout-nps');
    await earshot.flush();
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(collector.requests).toHaveLength(requestsBefore);
    expect(await databases()).toEqual([]);
  });

  it('a call before init decides, and outranks the config', async () => {
    earshot.consent('pending');
    earshot.init(config({ consent: 'granted' }));
    earshot.show('post-checkout-nps');
    await settle();
    expect(widgets()).toHaveLength(0);
    earshot.consent('granted');
    earshot.show('post-checkout-nps');
    await settle();
    expect(widgets()).toHaveLength(1);
  });

  it('keeps identify() while pending for the responses after consent', async () => {
    earshot.init(config({ consent: 'pending' }));
    earshot.identify('u_42', { plan: 'pro' });
    earshot.consent('granted');
    earshot.show('post-checkout-nps');
    await settle();
    await answerAndSubmit(10);
    expect(collector.received()[0].user).toEqual({ id: 'u_42', traits: { plan: 'pro' } });
  });

  it('respectGlobalPrivacyControl: the GPC signal denies until consent("granted")', async () => {
    sendGlobalPrivacyControl();
    earshot.init(config({ respectGlobalPrivacyControl: true }));
    earshot.show('post-checkout-nps');
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(await databases()).toEqual([]);
    earshot.consent('granted');
    earshot.show('post-checkout-nps');
    await settle();
    expect(widgets()).toHaveLength(1);
  });

  it('ignores the GPC signal unless asked to respect it', async () => {
    sendGlobalPrivacyControl();
    earshot.init(config());
    earshot.show('post-checkout-nps');
    await settle();
    expect(widgets()).toHaveLength(1);
  });

  it('reports an unknown state through the error event, and init rejects one', async () => {
    earshot.init(config());
    listenForErrors();
    earshot.consent('yes' as never);
    expect(errors).toEqual([{ code: 'definition', message: 'consent(): expected one of granted, pending, denied (got yes)' }]);
    expect(() => earshot.init(config({ consent: 'maybe' as never }))).toThrow(/consent: expected one of granted, pending, denied \(got "maybe"\)/);
  });
});
