import { createStore, entries } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_FLUSH_DELAY_MS } from '../../src/core/controller.js';
import { OUTBOX_DB } from '../../src/core/delivery/outbox.js';
import { destroy, flush, identify, init, on, show, track, type EarshotConfig, type EarshotEventName, type Survey, type SurveyResponse } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle, type FakeCollector } from '../support/fakes.js';
import { getByRole, press, rendered, typeInto } from '../support/dom.js';

const NPS_TEXT = 'How likely are you to recommend us to a friend?';

const postCheckout: Survey = {
  id: 'post-checkout-nps',
  trigger: { event: 'checkout_completed' },
  questions: [
    { id: 'score', type: 'nps', text: NPS_TEXT },
    { id: 'reason', type: 'text', text: 'What is the main reason for your score?', optional: true },
  ],
  thanks: 'Thank you — this helps us improve.',
};

const feedback: Survey = {
  id: 'feedback',
  questions: [{ id: 'comment', type: 'text', text: 'What could we do better?' }],
};

const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({
  endpoint: '/api/earshot',
  surveys: [postCheckout, feedback],
  locale: 'en',
  ...overrides,
});

const ALL_EVENTS: EarshotEventName[] = ['shown', 'answered', 'completed', 'dismissed', 'delivered', 'error'];

let collector: FakeCollector;
let events: Array<{ name: EarshotEventName; payload: unknown }>;

/** Starts Earshot and lets it load the visitor's state: targeting decides nothing before that. */
async function start(given: EarshotConfig): Promise<void> {
  init(given);
  // `init` starts Earshot in the next task.
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

/** Starts listening to every event; `on` listeners are cleared by `destroy()`, so call after each `init`. */
function listen(): void {
  for (const name of ALL_EVENTS) on(name, (payload) => events.push({ name, payload }));
}

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];
const names = () => events.map((event) => event.name);
const payloadsOf = (name: EarshotEventName) => events.filter((event) => event.name === name).map((event) => event.payload);

/** The survey on the page; fails when there is not exactly one. */
async function widget(): Promise<Element> {
  const found = widgets();
  expect(found).toHaveLength(1);
  await rendered(found[0]);
  return found[0];
}

async function pick(score: number): Promise<void> {
  const survey = await widget();
  getByRole(survey.shadowRoot!, 'radio', String(score)).click();
  await rendered(survey);
}

async function clickButton(name: string): Promise<void> {
  const survey = await widget();
  getByRole(survey.shadowRoot!, 'button', name).click();
  await rendered(survey);
}

/** Lets answers reach IndexedDB (fake-indexeddb runs on real event-loop turns). */
async function stored(): Promise<SurveyResponse[]> {
  await settle();
  return (await entries<string, SurveyResponse>(createStore(OUTBOX_DB, 'responses'))).map(([, response]) => response);
}

const page = usePublicApiPage();

beforeEach(() => {
  collector = page.collector();
  events = [];
});

describe('earshot (public API, real UI, fake collector)', () => {
  it('shows <earshot-survey> in the body when a tracked event matches a trigger', async () => {
    await start(config());
    listen();
    expect(widgets()).toHaveLength(0);
    track('checkout_completed');
    const survey = await widget();
    expect(survey.parentElement).toBe(document.body);
    expect(getByRole(survey.shadowRoot!, 'radiogroup', NPS_TEXT)).toBeTruthy();
    expect(payloadsOf('shown')).toEqual([{ surveyId: 'post-checkout-nps', trigger: { event: 'checkout_completed' } }]);
  });

  it('a track() in the same script as init() shows the survey, though init leaves its start to the next task', async () => {
    init(config());
    listen();
    track('checkout_completed');
    await settle();
    const survey = await widget();
    expect(getByRole(survey.shadowRoot!, 'radiogroup', NPS_TEXT)).toBeTruthy();
    expect(payloadsOf('shown')).toEqual([{ surveyId: 'post-checkout-nps', trigger: { event: 'checkout_completed' } }]);
  });

  it('init() alone adds no listener and opens no database before its script ends; the next task starts Earshot', async () => {
    const opened = vi.spyOn(indexedDB, 'open');
    const listening = vi.spyOn(window, 'addEventListener');
    init(config());
    expect(opened).not.toHaveBeenCalled();
    expect(listening).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(opened).toHaveBeenCalled();
    expect(listening.mock.calls.map(([type]) => type)).toEqual(expect.arrayContaining(['online', 'pagehide']));
  });

  it('shows nothing for an event no survey listens to', async () => {
    await start(config());
    listen();
    track('page_viewed');
    expect(widgets()).toHaveLength(0);
    expect(events).toEqual([]);
  });

  it('delivers one completed response after score 9, Next, Submit, with events in order', async () => {
    await start(config({ user: { id: 'u_42', traits: { plan: 'pro' } } }));
    listen();
    track('checkout_completed');
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    await flush();

    expect(collector.requests).toHaveLength(1);
    const received = collector.received();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      surveyId: 'post-checkout-nps',
      completed: true,
      answers: { score: 9 },
      questions: [{ id: 'score', type: 'nps', text: NPS_TEXT }],
      trigger: { event: 'checkout_completed' },
      user: { id: 'u_42', traits: { plan: 'pro' } },
      locale: 'en',
      page: { url: location.href },
      sdk: { name: 'earshot' },
    });
    expect(names()).toEqual(['shown', 'answered', 'completed', 'delivered']);
    const id = received[0].id;
    expect(payloadsOf('answered')).toEqual([{ surveyId: 'post-checkout-nps', responseId: id, questionId: 'score', value: 9 }]);
    expect(payloadsOf('completed')).toEqual([{ surveyId: 'post-checkout-nps', responseId: id, answers: { score: 9 } }]);
    expect(payloadsOf('delivered')).toEqual([{ responseIds: [id] }]);
    expect(await stored()).toEqual([]);
  });

  it('also dispatches the events as earshot:<name> on window', async () => {
    const seen: string[] = [];
    const record = (event: Event) => seen.push(event.type);
    for (const name of ALL_EVENTS) addEventListener(`earshot:${name}`, record);
    try {
      await start(config());
      track('checkout_completed');
      await pick(9);
      await clickButton('Next');
      await clickButton('Submit');
      await flush();
    } finally {
      for (const name of ALL_EVENTS) removeEventListener(`earshot:${name}`, record);
    }
    expect(seen).toEqual(['earshot:shown', 'earshot:answered', 'earshot:completed', 'earshot:delivered']);
  });

  it('sends a partial response a second after the first answer, then the completed one with the same id', async () => {
    await start(config());
    track('checkout_completed');
    await pick(4);
    await stored();
    await vi.advanceTimersByTimeAsync(ANSWER_FLUSH_DELAY_MS);
    await settle();
    expect(collector.received()).toMatchObject([{ completed: false, answers: { score: 4 } }]);
    await clickButton('Next');
    typeInto(getByRole((await widget()).shadowRoot!, 'textbox'), 'Too slow');
    await clickButton('Submit');
    await flush();
    const [partial, complete] = collector.received();
    expect(complete).toMatchObject({ completed: true, answers: { score: 4, reason: 'Too slow' } });
    expect(complete.id).toBe(partial.id);
    expect(complete.createdAt).toBe(partial.createdAt);
    expect(Date.parse(complete.updatedAt)).toBeGreaterThan(Date.parse(partial.updatedAt));
  });

  it('dismissing with Escape after picking a score sends completed: false and emits dismissed', async () => {
    await start(config());
    listen();
    track('checkout_completed');
    await pick(6);
    const survey = await widget();
    press(getByRole(survey.shadowRoot!, 'radio', '6'), 'Escape');
    expect(widgets()).toHaveLength(0);
    await flush();
    const received = collector.received();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ completed: false, answers: { score: 6 }, trigger: { event: 'checkout_completed' } });
    expect(payloadsOf('dismissed')).toEqual([{ surveyId: 'post-checkout-nps', responseId: received[0].id, answers: { score: 6 } }]);
    expect(names()).toEqual(['shown', 'dismissed', 'delivered']);
  });

  it('sends no response when the visitor closes the survey without answering: flushed, only that it was shown and dismissed', async () => {
    await start(config());
    listen();
    track('checkout_completed');
    await clickButton('Close');
    await settle();
    // Events alone wait for answers to go with, or for the page to be hidden: no request of their own.
    expect(collector.requests).toEqual([]);
    await flush();
    expect(collector.received()).toEqual([]);
    expect(collector.requests.map(({ body }) => body.events?.map(({ type, surveyId, trigger }) => ({ type, surveyId, trigger })))).toEqual([
      [
        { type: 'shown', surveyId: 'post-checkout-nps', trigger: { event: 'checkout_completed' } },
        { type: 'dismissed', surveyId: 'post-checkout-nps', trigger: { event: 'checkout_completed' } },
      ],
    ]);
    expect(payloadsOf('dismissed')).toEqual([{ surveyId: 'post-checkout-nps', responseId: null, answers: {} }]);
  });

  it('does not show a survey again for its journey point once completed on this page', async () => {
    await start(config());
    track('checkout_completed');
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    await clickButton('Close');
    track('checkout_completed');
    expect(widgets()).toHaveLength(0);
  });

  it('shows a survey by id with show(), recorded as a manual trigger', async () => {
    await start(config());
    listen();
    show('feedback');
    const survey = await widget();
    typeInto(getByRole(survey.shadowRoot!, 'textbox'), 'More colours');
    await clickButton('Submit');
    await flush();
    expect(collector.received()).toMatchObject([{ surveyId: 'feedback', completed: true, answers: { comment: 'More colours' }, trigger: { manual: true } }]);
    expect(payloadsOf('shown')).toEqual([{ surveyId: 'feedback', trigger: { manual: true } }]);
  });

  it('show() replaces an open survey and keeps what was answered there as a partial response', async () => {
    await start(config());
    track('checkout_completed');
    await pick(8);
    show('feedback');
    const survey = await widget();
    expect(getByRole(survey.shadowRoot!, 'textbox', 'What could we do better?')).toBeTruthy();
    await flush();
    expect(collector.received()).toMatchObject([{ surveyId: 'post-checkout-nps', completed: false, answers: { score: 8 } }]);
  });

  it("show('unknown') emits an error event, shows nothing and does not throw", async () => {
    await start(config());
    listen();
    expect(() => show('unknown')).not.toThrow();
    expect(widgets()).toHaveLength(0);
    expect(events).toEqual([{ name: 'error', payload: { code: 'definition', message: expect.stringContaining('"unknown"') } }]);
  });

  it('ignores track, show, identify and flush before init, without throwing', async () => {
    listen();
    expect(() => track('checkout_completed')).not.toThrow();
    expect(() => show('post-checkout-nps')).not.toThrow();
    expect(() => identify('u_1')).not.toThrow();
    await expect(flush()).resolves.toBeUndefined();
    expect(widgets()).toHaveLength(0);
    expect(collector.requests).toEqual([]);
  });

  it('destroy() removes the widget and stops listening to journey points', async () => {
    await start(config());
    track('checkout_completed');
    expect(widgets()).toHaveLength(1);
    destroy();
    expect(widgets()).toHaveLength(0);
    track('checkout_completed');
    expect(widgets()).toHaveLength(0);
  });

  it('delivers again when the browser comes back online, and no longer after destroy()', async () => {
    await start(config());
    collector.script('network-error');
    track('checkout_completed');
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    await flush();
    expect(collector.requests).toHaveLength(1);

    collector.script('network-error');
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(collector.requests).toHaveLength(2);

    destroy();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(collector.requests).toHaveLength(2);
  });

  it('destroy() stops on() listeners', async () => {
    await start(config());
    listen();
    destroy();
    await start(config());
    track('checkout_completed');
    expect(events).toEqual([]);
  });

  it('a second init replaces the config: new surveys, new endpoint', async () => {
    await start(config());
    await start({
      endpoint: 'https://collect.example/v2',
      surveys: [{ ...feedback, trigger: { event: 'help_opened' } }],
    });
    // The two inits' deliveries of the (empty) outbox take turns; let them finish first.
    await flush();
    listen();
    track('checkout_completed');
    expect(widgets()).toHaveLength(0);
    track('help_opened');
    const survey = await widget();
    typeInto(getByRole(survey.shadowRoot!, 'textbox'), 'Search is hard');
    await clickButton('Submit');
    await flush();
    expect(collector.requests.map((request) => request.url)).toEqual(['https://collect.example/v2']);
    expect(collector.received()).toMatchObject([{ surveyId: 'feedback', answers: { comment: 'Search is hard' } }]);
  });

  it('on() listeners keep hearing events after a second init', async () => {
    await start(config());
    listen();
    await start(config());
    track('checkout_completed');
    expect(names()).toEqual(['shown']);
  });

  it('on() returns a function that stops that listener', async () => {
    await start(config());
    const heard: string[] = [];
    const off = on('shown', ({ surveyId }) => heard.push(surveyId));
    off();
    track('checkout_completed');
    expect(widgets()).toHaveLength(1);
    expect(heard).toEqual([]);
  });

  it('a second init closes the survey the first one showed', async () => {
    await start(config());
    track('checkout_completed');
    expect(widgets()).toHaveLength(1);
    await start(config());
    expect(widgets()).toHaveLength(0);
  });

  it('a bad second init throws and leaves the running config in place', async () => {
    await start(config());
    expect(() => init({ endpoint: 'ftp://nowhere' })).toThrow();
    track('checkout_completed');
    expect(widgets()).toHaveLength(1);
  });

  it('identify() attaches the user to responses started afterwards', async () => {
    await start(config());
    identify('u_7', { plan: 'free' });
    show('feedback');
    typeInto(getByRole((await widget()).shadowRoot!, 'textbox'), 'ok');
    await clickButton('Submit');
    await flush();
    expect(collector.received()[0].user).toEqual({ id: 'u_7', traits: { plan: 'free' } });
  });

  it('keeps an answer given while the network is down and delivers it on a later flush(), same id, one record', async () => {
    await start(config());
    listen();
    collector.script('network-error');
    track('checkout_completed');
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    await flush();
    expect(collector.requests).toHaveLength(1);
    const attempted = collector.received()[0];
    expect(payloadsOf('error')).toMatchObject([{ code: 'network', responseIds: [attempted.id] }]);
    expect(payloadsOf('delivered')).toEqual([]);

    const waiting = await stored();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ id: attempted.id, completed: true, answers: { score: 9 } });

    await flush();
    expect(collector.requests).toHaveLength(2);
    expect(collector.requests[1].body.responses).toEqual([waiting[0]]);
    expect(payloadsOf('delivered')).toEqual([{ responseIds: [attempted.id] }]);
    expect(await stored()).toEqual([]);
  });

  it('delivers what an earlier page left in the outbox as soon as init runs', async () => {
    await start(config());
    collector.script('network-error');
    show('feedback');
    typeInto(getByRole((await widget()).shadowRoot!, 'textbox'), 'left behind');
    await clickButton('Submit');
    await flush();
    destroy();
    expect(await stored()).toHaveLength(1);

    await start(config());
    await settle();
    expect(collector.requests).toHaveLength(2);
    expect(collector.requests[1].body.responses).toMatchObject([{ answers: { comment: 'left behind' } }]);
    expect(await stored()).toEqual([]);
  });

  it('sends the outbox with keepalive when the page is hidden', async () => {
    await start(config());
    track('checkout_completed');
    await pick(9);
    await stored();
    dispatchEvent(new Event('pagehide'));
    await settle();
    expect(collector.requests.map((request) => request.keepalive)).toEqual([true]);
    expect(collector.received()).toMatchObject([{ completed: false, answers: { score: 9 } }]);
  });

  it('reports a listener that throws on the console and keeps the page working', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await start(config());
    on('shown', () => {
      throw new Error('tag manager bug');
    });
    expect(() => track('checkout_completed')).not.toThrow();
    expect(widgets()).toHaveLength(1);
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'tag manager bug' }));
  });

  describe('display modes', () => {
    const tabSurvey: Survey = { ...feedback, id: 'tab-feedback', display: 'tab' };
    const tabs = () => [...document.body.querySelectorAll('earshot-feedback-tab')];

    it('a tab survey without a trigger puts a "Feedback" tab on the page that opens it as a manual showing', async () => {
      await start(config({ surveys: [tabSurvey] }));
      listen();
      expect(widgets()).toHaveLength(0);
      expect(tabs()).toHaveLength(1);
      await rendered(tabs()[0]);
      getByRole(tabs()[0].shadowRoot!, 'button', 'Feedback').click();
      const survey = await widget();
      typeInto(getByRole(survey.shadowRoot!, 'textbox'), 'Dark mode please');
      await clickButton('Submit');
      await flush();
      expect(collector.received()).toMatchObject([{ surveyId: 'tab-feedback', answers: { comment: 'Dark mode please' }, trigger: { manual: true } }]);
      expect(payloadsOf('shown')).toEqual([{ surveyId: 'tab-feedback', trigger: { manual: true } }]);
    });

    it('a tab survey with a trigger shows its tab only at its journey point, and destroy() removes it', async () => {
      await start(config({ surveys: [{ ...tabSurvey, trigger: { event: 'article_read' } }] }));
      expect(tabs()).toHaveLength(0);
      track('article_read');
      track('article_read');
      expect(tabs()).toHaveLength(1);
      expect(widgets()).toHaveLength(0);
      destroy();
      expect(tabs()).toHaveLength(0);
    });

    it('an inline survey renders into its target', async () => {
      const target = document.createElement('div');
      target.id = 'feedback-slot';
      document.body.append(target);
      try {
        await start(config({ surveys: [{ ...feedback, display: 'inline', target: '#feedback-slot' }] }));
        show('feedback');
        expect(target.querySelector('earshot-survey')).not.toBeNull();
      } finally {
        target.remove();
      }
    });

    it('an inline survey whose target is missing is an error event, not a throw, and does not block other surveys', async () => {
      await start(config({ surveys: [{ ...feedback, display: 'inline', target: '#nowhere' }, postCheckout] }));
      listen();
      expect(() => show('feedback')).not.toThrow();
      expect(widgets()).toHaveLength(0);
      expect(payloadsOf('error')).toEqual([{ code: 'definition', message: 'survey "feedback": inline target #nowhere is not on the page' }]);
      expect(payloadsOf('shown')).toEqual([]);
      track('checkout_completed');
      expect(widgets()).toHaveLength(1);
    });
  });
});
