// Type tests (vitest typecheck): the public API's types as an app sees them.
import { describe, expectTypeOf, it } from 'vitest';
import {
  consent,
  explain,
  flush,
  init,
  on,
  preview,
  setContext,
  show,
  track,
  version,
  type EligibilityReason,
  type SurveyDefinition,
  type SurveyEligibility,
  type Answers,
  type Batch,
  type ConsentState,
  type Context,
  type ContextValue,
  type ImpressionEvent,
  type SurveyResponse,
  type TrackedEventRecord,
  type Trigger,
  type EarshotConfig,
  type EarshotEvents,
  type Question,
  type Survey,
  type TriggerRecord,
} from '../../src/index.js';
import type { QueuedCall } from '../../src/snippet/queue.js';

describe('public types', () => {
  it('types each on() listener by its event name', () => {
    on('completed', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<EarshotEvents['completed']>();
      expectTypeOf(payload.answers).toEqualTypeOf<Answers>();
      expectTypeOf(payload.responseId).toEqualTypeOf<string>();
    });
    on('dismissed', (payload) => expectTypeOf(payload.responseId).toEqualTypeOf<string | null>());
    on('shown', (payload) => expectTypeOf(payload.trigger).toEqualTypeOf<TriggerRecord>());
    on('error', (payload) => expectTypeOf(payload.code).toEqualTypeOf<'storage' | 'network' | 'rejected' | 'definition' | 'internal' | 'expired'>());
    on('delivered', (payload) => expectTypeOf(payload.responseIds).toEqualTypeOf<string[]>());
    expectTypeOf(on('answered', () => {})).toEqualTypeOf<() => void>();
    // @ts-expect-error no such event
    on('opened', () => {});
    // @ts-expect-error a completed payload has no questionId
    on('completed', (payload) => payload.questionId);
  });

  it('types preview(), explain() and its reasons by code', () => {
    expectTypeOf(preview).parameter(0).toEqualTypeOf<SurveyDefinition | string>();
    expectTypeOf(explain).returns.toEqualTypeOf<Promise<SurveyEligibility[]>>();
    expectTypeOf<EarshotConfig['previews']>().toEqualTypeOf<'send' | 'discard' | undefined>();
    const reason = {} as EligibilityReason;
    if (reason.code === 'cooldown') expectTypeOf(reason.until).toBeString();
    if (reason.code === 'audience') expectTypeOf(reason.rule).toBeString();
    // @ts-expect-error a sample reason has no date
    if (reason.code === 'sample') void reason.until;
    // @ts-expect-error no longer a reason: explain() waits for the visitor's state
    if (reason.code === 'loading') void reason;
  });

  it('types the version as a string', () => {
    expectTypeOf(version).toEqualTypeOf<string>();
  });

  it('types the config and survey shapes', () => {
    expectTypeOf(init).parameter(0).toEqualTypeOf<EarshotConfig>();
    expectTypeOf<EarshotConfig['consent']>().toEqualTypeOf<ConsentState | undefined>();
    expectTypeOf(consent).parameter(0).toEqualTypeOf<'granted' | 'pending' | 'denied'>();
    expectTypeOf(flush).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(show).parameter(0).toBeString();
    expectTypeOf<Question['type']>().toEqualTypeOf<'nps' | 'rating' | 'csat' | 'ces' | 'thumbs' | 'choice' | 'text' | 'matrix' | 'ranking' | 'slider' | 'cta'>();
    const survey: Survey = { id: 'a', questions: [{ id: 'q', type: 'rating', text: '?', scale: 5, style: 'emoji' }], trigger: { all: [{ url: { glob: '/x/*' } }, { delay: 3 }] } };
    expectTypeOf(survey).toMatchTypeOf<Survey>();
    // @ts-expect-error a rating scale of 4 does not exist
    const wrong: Survey = { id: 'a', questions: [{ id: 'q', type: 'rating', text: '?', scale: 4 }] };
    // @ts-expect-error options are required on a choice question
    const noOptions: Question = { id: 'q', type: 'choice', text: '?' };
    // @ts-expect-error a picture on a choice option needs its alt text
    const noAlt: Question = { id: 'q', type: 'choice', text: '?', options: [{ id: 'a', label: 'A', image: '/a.png' }, 'B'] };
    // @ts-expect-error a slider needs its ends
    const noEnds: Question = { id: 'q', type: 'slider', text: '?', step: 5 };
    const grid: Question = {
      id: 'g',
      type: 'matrix',
      text: '?',
      rows: [{ id: 'easy', label: 'Easy' }],
      columns: [
        { value: 1, label: 'No' },
        { value: 2, label: 'Yes' },
      ],
    };
    expectTypeOf<Extract<Question, { type: 'text' }>['format']>().toEqualTypeOf<'email' | 'url' | 'phone' | 'number' | 'date' | undefined>();
    void wrong;
    void noOptions;
    void noAlt;
    void noEnds;
    void grid;
    track('checkout_completed', { total: 42 });
  });

  it('types setContext(), the context, labels, hidden fields and the page address option', () => {
    expectTypeOf(setContext).parameter(0).toEqualTypeOf<Context>();
    expectTypeOf(setContext).returns.toEqualTypeOf<void>();
    expectTypeOf<Context[string]>().toEqualTypeOf<ContextValue>();
    expectTypeOf<ContextValue>().toEqualTypeOf<string | number | boolean | null>();
    setContext({ plan: 'pro', seats: 3, beta: true, coupon: null });
    // @ts-expect-error values are strings, numbers, booleans or null
    setContext({ items: ['mug'] });
    expectTypeOf<EarshotConfig['context']>().toEqualTypeOf<Context | undefined>();
    expectTypeOf<EarshotConfig['pageUrl']>().toEqualTypeOf<'stripped' | 'full' | undefined>();
    const labelled: Survey = {
      id: 'cart',
      label: 'Cart',
      hiddenFields: ['utm_source'],
      trigger: { any: [{ delay: 20, label: 'Cart, waited 20 s' }, { exitIntent: true }], label: 'Cart page' },
      questions: [{ id: 'q', type: 'thumbs', text: 'Hi {{user.traits.name | there}}' }],
    };
    void labelled;
    // @ts-expect-error a label names a journey point; it is no journey point itself
    const onlyLabel: Trigger = { label: 'x' };
    void onlyLabel;
  });

  it('types what a collector receives: context, event, firedBy, label, and events beside responses', () => {
    expectTypeOf<SurveyResponse['context']>().toEqualTypeOf<Context | undefined>();
    expectTypeOf<SurveyResponse['event']>().toEqualTypeOf<TrackedEventRecord | undefined>();
    expectTypeOf<TrackedEventRecord>().toEqualTypeOf<{ name: string; properties: Context }>();
    expectTypeOf<SurveyResponse['firedBy']>().toEqualTypeOf<Trigger | undefined>();
    expectTypeOf<SurveyResponse['label']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Batch['events']>().toEqualTypeOf<ImpressionEvent[] | undefined>();
    expectTypeOf<ImpressionEvent['type']>().toEqualTypeOf<'shown' | 'dismissed'>();
    expectTypeOf<ImpressionEvent['responseId']>().toEqualTypeOf<string | undefined>();
    on('shown', (payload) => {
      expectTypeOf(payload.firedBy).toEqualTypeOf<Trigger | undefined>();
      expectTypeOf(payload.label).toEqualTypeOf<string | undefined>();
    });
  });

  it('types the snippet queue: a call name, then that call’s arguments', () => {
    expectTypeOf<['setContext', { plan: string }]>().toMatchTypeOf<QueuedCall>();
    expectTypeOf<['setContext', { plan: string[] }]>().not.toMatchTypeOf<QueuedCall>();
    expectTypeOf<['track', string]>().toMatchTypeOf<QueuedCall>();
    expectTypeOf<['consent', 'granted']>().toMatchTypeOf<QueuedCall>();
    expectTypeOf<['consent', 'maybe']>().not.toMatchTypeOf<QueuedCall>();
    expectTypeOf<['launch']>().not.toMatchTypeOf<QueuedCall>();
  });
});
