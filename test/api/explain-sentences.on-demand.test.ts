// The ESM face loads explain()'s sentences on demand (a chunk of its own, as the split script tag
// loads earshot.words.min.js): the core finds each reason's code and details, and explain(),
// which is asynchronous, adds the sentence. Without the sentences it still answers, with the codes.
import { expect, it, onTestFinished, vi } from 'vitest';
import { explain, init } from '../../src/index.js';
import { useWords } from '../../src/core/words/loader.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';

usePublicApiPage();

const checkout = {
  id: 'checkout',
  trigger: { all: [{ event: 'paid' }, { any: [{ delay: 20 }, { exitIntent: true as const }] }] },
  questions: [{ id: 'score', type: 'nps' as const, text: 'How likely?' }],
};

it("says each reason in a sentence, loaded with explain(), the trigger's ands and ors kept", async () => {
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [checkout] });
  const answer = explain();
  await vi.dynamicImportSettled();
  await settle();
  expect((await answer).find((entry) => entry.surveyId === 'checkout')?.reasons).toEqual([
    {
      code: 'trigger',
      pending: [{ event: 'paid' }, { delay: 20 }, { exitIntent: true }],
      message: 'trigger not reached: waiting for the event "paid" and (20 s on the page or exit intent)',
    },
  ]);
});

it('answers with the codes when the sentences cannot be loaded', async () => {
  useWords(() => Promise.reject(new Error('offline')));
  // Back to the file as src/index.ts loads it, whichever test runs next.
  onTestFinished(() => useWords(() => import('../../src/core/words/words.js').then((file) => file.words)));
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [checkout] });
  const answer = explain();
  await settle();
  expect((await answer).find((entry) => entry.surveyId === 'checkout')?.reasons).toEqual([
    { code: 'trigger', pending: [{ event: 'paid' }, { delay: 20 }, { exitIntent: true }], message: 'trigger' },
  ]);
});
