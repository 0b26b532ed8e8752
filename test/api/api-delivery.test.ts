// The public face of the delivery guarantees: deadLetters() and outboxLimit, through the real UI
// and a fake collector.
import { beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/core/delivery/outbox.js';
import { createResponse } from '../../src/core/delivery/response.js';
import { deadLetters, destroy, flush, init, on, show, type EarshotConfig, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle, type FakeCollector } from '../support/fakes.js';
import { getByRole, rendered, typeInto } from '../support/dom.js';

const feedback: Survey = {
  id: 'feedback',
  trigger: { event: 'help_opened' },
  questions: [{ id: 'comment', type: 'text', text: 'What could we do better?' }],
};

const config = (overrides: Partial<EarshotConfig> = {}): EarshotConfig => ({ endpoint: '/api/earshot', surveys: [feedback], locale: 'en', ...overrides });

let collector: FakeCollector;
let errors: Array<EarshotEvents['error']>;

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];

/** Shows the feedback survey and submits `comment`. */
async function answerFeedback(comment: string): Promise<void> {
  show('feedback');
  const [survey] = widgets();
  await rendered(survey);
  typeInto(getByRole(survey.shadowRoot!, 'textbox'), comment);
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await rendered(survey);
  await settle();
}

function start(overrides: Partial<EarshotConfig> = {}): void {
  init(config(overrides));
  on('error', (error) => errors.push(error));
}

const page = usePublicApiPage();

beforeEach(() => {
  collector = page.collector();
  errors = [];
});

describe('earshot.deadLetters()', () => {
  it('lists what the collector refused, with the status, for a developer to inspect or export', async () => {
    start();
    // The first refusal is of a batch with a `shown` event: the events are dropped (an older
    // collector may not know them) and the answer goes again alone, to be refused for good.
    collector.script(400, 400);
    await answerFeedback('Refused by the collector');
    await flush();
    const refusal = errors.find((error) => error.code === 'rejected' && error.responseIds);
    expect(refusal?.responseIds).toHaveLength(1);

    const letters = await deadLetters();
    expect(letters).toEqual([
      {
        response: expect.objectContaining({ id: refusal!.responseIds![0], surveyId: 'feedback', completed: true, answers: { comment: 'Refused by the collector' } }),
        status: 400,
        rejectedAt: expect.any(String),
      },
    ]);
    // Exportable as it is.
    expect(JSON.parse(JSON.stringify(letters))).toEqual(letters);
  });

  it('is still there on the next page, and is never sent again', async () => {
    start();
    collector.script(422, 422);
    await answerFeedback('Refused');
    await flush();
    destroy();

    start();
    await flush();
    // With its `shown` event, then alone.
    expect(collector.requests.map(({ body }) => body.responses.length)).toEqual([1, 1]);
    expect((await deadLetters()).map((letter) => letter.status)).toEqual([422]);
  });

  it('resolves to an empty list before init, without throwing', async () => {
    await expect(deadLetters()).resolves.toEqual([]);
  });
});

describe('outboxLimit', () => {
  it('shows no new survey while the outbox is full, says so, drops nothing, and shows again once it drains', async () => {
    start({ outboxLimit: 2 });
    // Each Submit's delivery fails.
    collector.script('network-error', 'network-error');
    await answerFeedback('first');
    await answerFeedback('second');
    expect(collector.requests).toHaveLength(2);
    for (const leftover of widgets()) leftover.remove();

    show('feedback');
    expect(widgets()).toHaveLength(0);
    const full = errors.filter((error) => error.code === 'storage');
    expect(full).toHaveLength(1);
    expect(full[0].message).toContain('outboxLimit');

    // The collector is back: both are delivered, and surveys show again. (The fake clock stands
    // still, so both have the same createdAt and come in either order.)
    await flush();
    const delivered = collector.requests.at(-1)!.body.responses.map((one) => [one.completed, one.answers.comment]);
    expect(delivered.sort()).toEqual([
      [true, 'first'],
      [true, 'second'],
    ]);
    show('feedback');
    expect(widgets()).toHaveLength(1);
  });

  it('counts what earlier pages left in the outbox', async () => {
    const earlier = createOutbox(() => {});
    for (const comment of ['a', 'b', 'c']) {
      await earlier.put(createResponse({ survey: feedback, trigger: { manual: true }, locale: 'en' }, { comment }, true));
    }
    collector.script('network-error', 'network-error');
    start({ outboxLimit: 3 });
    await flush();
    show('feedback');
    expect(widgets()).toHaveLength(0);
    expect(errors.map((error) => error.code)).toEqual(['network', 'network', 'storage']);
    expect(collector.requests.map((request) => request.body.responses.length)).toEqual([3, 3]);
  });
});
