// The survey builder composes the question kinds of issue #22 through their own fields (a
// matrix's statements and scale, a ranking's options, a slider's range and end labels, a call to
// action's body and button, a text's format, a choice option's picture), by role and name; the
// JSON it exports passes the JSON Schema, its preview (the real widget) asks each, and a problem
// shows next to the field that has it; axe-core finds nothing in their fields.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import schema from '../../src/schema/survey.schema.json' with { type: 'json' };
import { assertNoPageErrors, useBrowserHarness } from './harness';
import { axeViolations, openBuilder, shownJson } from './builder-page';

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
addFormats(ajv, ['regex']);
const schemaAccepts = ajv.compile(schema);

const h = useBrowserHarness();

/** The builder's JSON, as the survey it composes. */
const composedSurvey = async (page: Page) => (await shownJson(page)) as { questions: Record<string, unknown>[] };

it('composes a matrix, a ranking, a slider, a call to action, an email field and picture options; the preview asks each', async () => {
  const page = await openBuilder(h);
  const box = (name: string) => page.getByRole('textbox', { name, exact: true });
  const add = async (type: string, text: string) => {
    await page.getByRole('combobox', { name: 'Type of the new question', exact: true }).selectOption(type);
    await page.getByRole('button', { name: 'Add a question', exact: true }).click();
    await box(`Question ${(await composedSurvey(page)).questions.length} text`).fill(text);
  };
  await box('Survey id').fill('new-kinds');

  await add('matrix', 'How much do you agree?');
  const statements = page.getByRole('group', { name: 'Statements of question 2' });
  await statements.getByRole('textbox', { name: 'Statement 1', exact: true }).fill('Setup was easy');
  await statements.getByRole('textbox', { name: 'Statement 2', exact: true }).fill('The docs were clear');
  await statements.getByRole('textbox', { name: 'Statement 2 answer id', exact: true }).fill('docs');
  await page.getByRole('button', { name: 'Add a point to question 2' }).click();
  await page.getByRole('group', { name: 'Scale of question 2, lowest first' }).getByRole('textbox', { name: 'Point 4 label', exact: true }).fill('Strongly agree');

  await add('ranking', 'What should we improve first?');
  const ranked = page.getByRole('group', { name: 'Options of question 3' });
  await ranked.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Speed');
  await ranked.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Price');
  await ranked.getByRole('textbox', { name: 'Option 3', exact: true }).fill('Documentation');
  // A ranking's options have no pictures.
  expect(await ranked.getByRole('textbox', { name: 'Option 1 picture' }).count()).toBe(0);

  await add('slider', 'Your budget?');
  await page.getByRole('spinbutton', { name: 'Question 4 highest value', exact: true }).fill('100');
  await page.getByRole('spinbutton', { name: 'Question 4 step', exact: true }).fill('30');
  // 30 does not divide 0–100: the validator's words, next to the field.
  const step = page.getByRole('spinbutton', { name: 'Question 4 step', exact: true });
  await expect.poll(() => step.getAttribute('aria-invalid')).toBe('true');
  await step.fill('10');
  await box('Label at the lowest end').fill('Nothing');
  await box('Label at the highest end').fill('A lot');

  await add('cta', 'Want a demo?');
  await box('Question 5 body text').fill('Twenty minutes with our team.');
  await box('Question 5 button label').fill('Book a call');
  await page.getByRole('textbox', { name: 'Question 5 button link', exact: true }).fill('https://example.com/book');

  await add('text', 'Your email?');
  await page.getByRole('combobox', { name: 'Question 6 format', exact: true }).selectOption('email');
  expect(await page.getByRole('checkbox', { name: 'Several lines' }).count()).toBe(0);

  await add('choice', 'Which mug?');
  const mugs = page.getByRole('group', { name: 'Options of question 7' });
  await mugs.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Blue');
  await mugs.getByRole('textbox', { name: 'Option 1 picture', exact: true }).fill('/gallery/pictures/mug-blue.svg');
  const alt = mugs.getByRole('textbox', { name: 'Option 1 picture description', exact: true });
  // A picture needs its description: the problem shows on its field until it is given.
  await expect.poll(() => alt.getAttribute('aria-invalid')).toBe('true');
  await alt.fill('A blue mug');
  await mugs.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Red');

  await page.getByText('No problems: ready to use.').waitFor();
  const composed = await composedSurvey(page);
  expect(composed.questions.slice(1)).toEqual([
    {
      id: 'q1',
      type: 'matrix',
      text: 'How much do you agree?',
      rows: [
        { id: 'row1', label: 'Setup was easy' },
        { id: 'docs', label: 'The docs were clear' },
      ],
      columns: [
        { value: 1, label: 'Disagree' },
        { value: 2, label: 'Neutral' },
        { value: 3, label: 'Agree' },
        { value: 4, label: 'Strongly agree' },
      ],
    },
    { id: 'q2', type: 'ranking', text: 'What should we improve first?', options: ['Speed', 'Price', 'Documentation'] },
    { id: 'q3', type: 'slider', text: 'Your budget?', min: 0, max: 100, step: 10, labels: { min: 'Nothing', max: 'A lot' } },
    { id: 'q4', type: 'cta', text: 'Want a demo?', button: { label: 'Book a call', url: 'https://example.com/book' }, body: 'Twenty minutes with our team.' },
    { id: 'q5', type: 'text', text: 'Your email?', format: 'email' },
    { id: 'q6', type: 'choice', text: 'Which mug?', options: [{ id: 'Blue', label: 'Blue', image: '/gallery/pictures/mug-blue.svg', alt: 'A blue mug' }, 'Red'] },
  ]);
  expect(schemaAccepts(composed), JSON.stringify(schemaAccepts.errors)).toBe(true);
  // Their fields are labelled and tied to their problems as every other field.
  expect(await axeViolations(page)).toEqual([]);

  // The preview is the real widget: each kind asked as a visitor sees it.
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('radio', { name: '8', exact: true }).click();
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  for (const statement of ['Setup was easy', 'The docs were clear'])
    await preview.getByRole('radiogroup', { name: statement }).getByRole('radio', { name: 'Strongly agree' }).click();
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  await preview.getByRole('button', { name: 'Move Documentation up' }).click();
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  await preview.getByRole('slider', { name: 'Your budget?' }).click();
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  await preview.getByRole('link', { name: 'Book a call' }).waitFor();
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  const email = preview.getByRole('textbox', { name: 'Your email?' });
  expect(await email.getAttribute('type')).toBe('email');
  await email.fill('ada@example.com');
  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  await preview.getByRole('radio', { name: 'Blue' }).click();
  await preview.getByRole('button', { name: 'Submit', exact: true }).click();
  await preview.getByText('The preview survey was completed; nothing was sent.').waitFor();
  assertNoPageErrors(h.problems(page));
});
