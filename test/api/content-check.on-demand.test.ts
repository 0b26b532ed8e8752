// The ESM face loads the check of what a survey asks on demand (a chunk of its own, as the split
// script tag loads earshot.check.min.js): a survey waits for it as it waits for its UI, and one
// whose questions are wrong never shows once it arrives.
import { expect, it, vi } from 'vitest';
import { init, on, show, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';

usePublicApiPage();

// No trigger: nothing is prefetched at idle, so the check is loaded by `show()`.
const good: Survey = { id: 'good', questions: [{ id: 'comment', type: 'text', text: 'What could we do better?' }] };
const broken = { id: 'broken', questions: [{ id: 'comment', type: 'text', text: 'Why?', format: 'email', multiline: true }] } as unknown as Survey;

it('waits for the check before showing; a survey whose questions are wrong never shows, and its problem is reported with its path', async () => {
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [broken, good] });
  const errors: EarshotEvents['error'][] = [];
  const shown: string[] = [];
  on('error', (error) => errors.push(error));
  on('shown', ({ surveyId }) => shown.push(surveyId));
  await vi.advanceTimersByTimeAsync(0);

  show('broken');
  await vi.dynamicImportSettled();
  await settle();
  expect(document.querySelector('earshot-survey')).toBeNull();
  expect(errors).toEqual([{ code: 'definition', message: 'survey "broken" is not shown: surveys[0].questions[0].multiline: a text with a "format" is one line' }]);

  show('good');
  await vi.dynamicImportSettled();
  await settle();
  expect(shown).toEqual(['good']);
  expect(document.querySelector('earshot-survey')).not.toBeNull();
});
