// The survey builder (/builder) in a real Chromium, driven by role and accessible name as a
// product person with a screen reader or a keyboard would: a two-question survey with a branch is
// composed, the real widget previews it as it is typed, and the JSON it exports passes the JSON
// Schema and, given to `init`, shows the same survey and delivers its answers. Problems show next
// to their fields; files and pasted JSON fill the form; axe-core finds nothing to fix.
// `npm run screenshots` refreshes the builder's picture in docs/images/.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import schema from '../../src/schema/survey.schema.json' with { type: 'json' };
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';
import { axeViolations, descriptionOf, focusedName, openBuilder, preview, shownJson, tabTo } from './builder-page';
import { docsPicture } from './docs-pictures';

const BUILDER_FILE = fileURLToPath(new URL('../../dist/builder/index.html', import.meta.url));

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
addFormats(ajv, ['regex']);
const schemaAccepts = ajv.compile(schema);

const SCORE_TEXT = 'How likely are you to recommend Earshot Mugs to a friend?';
const IMPROVE_TEXT = 'What should we improve?';

const h = useBrowserHarness();

/** Composes the two-question survey of the issue: NPS, then a text question asked only for a score of 6 or less. */
async function composeTwoQuestions(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Survey id', exact: true }).fill('mug-feedback');
  await page.getByRole('textbox', { name: 'Question 1 text', exact: true }).fill(SCORE_TEXT);
  await page.getByRole('combobox', { name: 'Type of the new question', exact: true }).selectOption('text');
  await page.getByRole('button', { name: 'Add a question', exact: true }).click();
  await page.getByRole('textbox', { name: 'Question 2 id', exact: true }).fill('improve');
  await page.getByRole('textbox', { name: 'Question 2 text', exact: true }).fill(IMPROVE_TEXT);
  await page.getByRole('combobox', { name: 'Ask question 2', exact: true }).selectOption('score');
  await page.getByRole('combobox', { name: 'Rule of question 2', exact: true }).selectOption('lte');
  await page.getByRole('textbox', { name: 'Value in the rule of question 2', exact: true }).fill('6');
  await page.getByRole('combobox', { name: 'Show the survey', exact: true }).selectOption('one');
  await page.getByRole('textbox', { name: 'Event name (journey point 1)', exact: true }).fill('mug_bought');
  await page.getByRole('textbox', { name: 'Thank-you text', exact: true }).fill('Thanks, that helps.');
}

const TWO_QUESTIONS = {
  id: 'mug-feedback',
  questions: [
    { id: 'score', type: 'nps', text: SCORE_TEXT },
    { id: 'improve', type: 'text', text: IMPROVE_TEXT, if: { question: 'score', lte: 6 } },
  ],
  trigger: { event: 'mug_bought' },
  thanks: 'Thanks, that helps.',
};

describe('the survey builder', () => {
  it('composes a two-question survey with a branch; the preview follows; the exported JSON passes the schema and init shows it', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url('/') });
    const page = await openBuilder(h);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));

    await page.getByRole('textbox', { name: 'Question 1 text', exact: true }).fill('How likely are you to recommend');
    // The preview follows the typing: the real widget shows the text as it stands.
    await preview(page).getByRole('radiogroup', { name: 'How likely are you to recommend', exact: true }).waitFor();
    await composeTwoQuestions(page);
    expect(await shownJson(page)).toEqual(TWO_QUESTIONS);
    await page.getByText('No problems: ready to use.').waitFor();

    // The preview runs the branch: a 3 leads to the text question, and nothing is sent or stored.
    const score = preview(page).getByRole('radiogroup', { name: SCORE_TEXT, exact: true });
    await score.getByRole('radio', { name: '3', exact: true }).click();
    await preview(page).getByRole('button', { name: 'Next', exact: true }).click();
    await preview(page).getByRole('textbox', { name: IMPROVE_TEXT, exact: true }).fill('Bigger handles');
    await preview(page).getByRole('button', { name: 'Submit', exact: true }).click();
    await preview(page).getByText('Thanks, that helps.').waitFor();
    expect(requests.filter((pathname) => !pathname.startsWith('/builder/'))).toEqual([]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map(({ name }) => name))).toEqual([]);

    // Copy (announced), and Download as <id>.json: the same JSON, which the schema accepts.
    await page.getByRole('button', { name: 'Copy JSON', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Copied the JSON of “mug-feedback” to the clipboard.' }).waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('mug-feedback.json');
    const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(copied).toEqual(TWO_QUESTIONS);
    expect(downloaded).toEqual(TWO_QUESTIONS);
    expect(schemaAccepts(downloaded), JSON.stringify(schemaAccepts.errors)).toBe(true);
    assertNoPageErrors(h.problems(page));

    // Given to init on a site, it shows the same survey at its journey point and delivers the answers.
    const site = await h.newPage();
    await site.route(h.url('/site.html'), (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Shop</title><script src="/dist/earshot.min.js"></script><h1>Shop</h1>' }),
    );
    await site.goto(h.url('/site.html'));
    await site.evaluate((survey) => {
      window.earshot.init({ endpoint: '/api/earshot', surveys: [survey] });
      window.earshot.track('mug_bought');
    }, downloaded);
    const shown = site.getByRole('radiogroup', { name: SCORE_TEXT, exact: true });
    await shown.getByRole('radio', { name: '3', exact: true }).click();
    await site.getByRole('button', { name: 'Next', exact: true }).click();
    await site.getByRole('textbox', { name: IMPROVE_TEXT, exact: true }).fill('Bigger handles');
    await site.getByRole('button', { name: 'Submit', exact: true }).click();
    await site.getByText('Thanks, that helps.').waitFor();
    await site.evaluate(() => window.earshot.flush());
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ surveyId: 'mug-feedback', completed: true, answers: { score: 3, improve: 'Bigger handles' }, trigger: { event: 'mug_bought' } });
    expect(response.questions?.map(({ id, text }) => ({ id, text }))).toEqual([
      { id: 'score', text: SCORE_TEXT },
      { id: 'improve', text: IMPROVE_TEXT },
    ]);
    assertNoPageErrors(h.problems(site));
  });

  it('shows a problem next to the field it concerns, with the validator’s words, and clears it once fixed', async () => {
    const page = await openBuilder(h);
    const id = page.getByRole('textbox', { name: 'Survey id', exact: true });
    await id.fill('');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(id)).toContain('expected 1–64 letters, digits or _ . : - starting with a letter or digit (got "")');
    await page.getByText('1 problem to fix').waitFor();
    // The summary names each problem; choosing one goes to its field.
    await page.getByRole('textbox', { name: 'Question 1 text', exact: true }).focus();
    await page.getByRole('button', { name: /^id: expected 1–64 letters/ }).click();
    expect(await focusedName(page)).toBe('Survey id');
    await preview(page).getByText('The preview shows the last version without problems; fix the problem to update it.').waitFor();

    await id.fill('mug-feedback');
    expect(await id.getAttribute('aria-invalid')).toBeNull();
    expect(await descriptionOf(id)).not.toContain('expected');
    await page.getByText('No problems: ready to use.').waitFor();

    // A duplicate question id is shown on the second question's id, then fixed.
    await page.getByRole('button', { name: 'Add a question', exact: true }).click();
    const secondId = page.getByRole('textbox', { name: 'Question 2 id', exact: true });
    await secondId.fill('score');
    await page.getByRole('textbox', { name: 'Question 2 text', exact: true }).fill('Why?');
    expect(await secondId.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(secondId)).toContain('duplicate question id "score"');
    expect(await page.getByRole('textbox', { name: 'Question 1 id', exact: true }).getAttribute('aria-invalid')).toBeNull();
    await secondId.fill('reason');
    expect(await secondId.getAttribute('aria-invalid')).toBeNull();

    // A choice question with a single option: the problem is on its options.
    await page.getByRole('combobox', { name: 'Question 2 type', exact: true }).selectOption('choice');
    await page.getByRole('button', { name: 'Remove option 2', exact: true }).click();
    const options = page.getByRole('group', { name: 'Options of question 2', exact: true });
    expect(await descriptionOf(options)).toContain('expected a list of 2 to 30 options');
    await page.getByRole('button', { name: 'Add an option to question 2', exact: true }).click();
    expect(await options.getAttribute('aria-describedby')).toBeNull();
    await page.getByText('No problems: ready to use.').waitFor();
    assertNoPageErrors(h.problems(page));
  });
});

/** A survey using every part of the form: each question kind with its options, rules, jumps, triggers, audience, frequency. */
const EVERYTHING = {
  id: 'every-part',
  language: 'en',
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us?', lowLabel: 'No way', highLabel: 'Surely' },
    { id: 'stars', type: 'rating', text: 'Rate the checkout', scale: 5, style: 'stars', lowLabel: 'Bad', highLabel: 'Great', optional: true },
    { id: 'happy', type: 'csat', text: 'How satisfied are you?', labels: ['1', '2', '3', '4', '5'] },
    { id: 'effort', type: 'ces', text: 'It was easy.', if: { question: 'score', gte: 7 } },
    { id: 'thumb', type: 'thumbs', text: 'Was this page useful?', next: 'why' },
    {
      id: 'channel',
      type: 'choice',
      text: 'Where did you hear of us?',
      options: ['Search', { id: 'friend', label: 'A friend' }, '42'],
      multiple: true,
      other: true,
      shuffle: true,
      min: 1,
      max: 2,
      if: { question: 'thumb', in: [0, 1] },
    },
    {
      id: 'why',
      type: 'text',
      text: { en: 'Why?', fr: 'Pourquoi ?' },
      maxLength: 300,
      placeholder: 'A few words',
      multiline: false,
      optional: true,
      if: { question: 'channel', answered: true },
    },
  ],
  trigger: {
    all: [
      { event: 'checkout_completed', where: { total: { gte: 10, lt: 500 }, coupon: null, plan: 'pro', code: '42', tier: { in: ['a', 'b'] } } },
      { url: '/checkout/*' },
      { url: { startsWith: '/shop' } },
      { selector: '#buy' },
      { scroll: 60 },
      { exitIntent: true },
      { delay: 20 },
      { any: [{ event: 'a' }, { event: 'b' }] },
    ],
  },
  audience: { traits: { plan: { in: ['pro', 'team'] }, seats: { gt: 1 } }, device: { in: ['desktop', 'tablet'] }, language: 'en', referrer: { neq: '' } },
  sample: 0.25,
  recontactDays: 90,
  dismissedRecontactDays: 14,
  priority: 2,
  cooldown: false,
  theme: { accent: '#0f766e', radius: 6, dark: { accent: '#5eead4' } },
  colorScheme: 'auto',
  startsAt: '2026-12-01',
  endsAt: '2027-01-01T00:00:00Z',
  maxResponses: 500,
  closesAt: '2027-02-01',
  display: 'modal',
  closeButton: true,
  autoAdvance: true,
  thanks: { text: 'Thanks!', link: { label: 'Read more', url: 'https://example.com/more' } },
};

/** Loads `text` as a JSON file through the "Load a JSON file" field. */
async function loadFile(page: Page, text: string): Promise<void> {
  await page.getByLabel('Load a JSON file', { exact: true }).setInputFiles({ name: 'survey.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function pasteJson(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Paste JSON', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Load pasted JSON', exact: true }).click();
}

describe('the survey builder, loading and keyboard', () => {
  it('fills the form from a JSON file, and exports the same object again', async () => {
    const page = await openBuilder(h);
    await loadFile(page, JSON.stringify(EVERYTHING));
    await page.getByText('Loaded survey “every-part” into the form.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Survey id', exact: true }).inputValue()).toBe('every-part');
    expect(await page.getByRole('textbox', { name: 'Question 7 text (fr)', exact: true }).inputValue()).toBe('Pourquoi ?');
    expect(await page.getByRole('textbox', { name: 'Option 2', exact: true }).inputValue()).toBe('A friend');
    expect(await page.getByRole('textbox', { name: 'Option 2 answer id', exact: true }).inputValue()).toBe('friend');
    expect(await page.getByRole('combobox', { name: 'Ask question 4', exact: true }).inputValue()).toBe('score');
    expect(await page.getByRole('textbox', { name: 'Value in the rule of question 4', exact: true }).inputValue()).toBe('7');
    expect(await page.getByRole('combobox', { name: 'Display mode', exact: true }).inputValue()).toBe('modal');
    expect(await page.getByRole('textbox', { name: 'Share of visitors asked (%)', exact: true }).inputValue()).toBe('25');
    expect(await page.getByRole('textbox', { name: 'Link address', exact: true }).inputValue()).toBe('https://example.com/more');
    expect(await page.getByRole('textbox', { name: 'Closed after this many answers', exact: true }).inputValue()).toBe('500');
    expect(await page.getByRole('textbox', { name: 'Closed from', exact: true }).inputValue()).toBe('2027-02-01');
    await page.getByText('No problems: ready to use.').waitFor();
    expect(await shownJson(page)).toEqual(EVERYTHING);
    expect(schemaAccepts(await shownJson(page)), JSON.stringify(schemaAccepts.errors)).toBe(true);
    // The preview shows it inline, and names the mode it will have on the site.
    await preview(page).getByText('Modal: a dialog over the page').waitFor();
    await preview(page).getByRole('radiogroup', { name: 'How likely are you to recommend us?', exact: true }).waitFor();

    // An edit after loading changes only what was edited.
    await page.getByRole('textbox', { name: 'Question 1 text', exact: true }).fill('Would you recommend us?');
    await page.getByRole('textbox', { name: 'Closed after this many answers', exact: true }).fill('200');
    expect(await shownJson(page)).toEqual({
      ...EVERYTHING,
      maxResponses: 200,
      questions: [{ ...EVERYTHING.questions[0], text: 'Would you recommend us?' }, ...EVERYTHING.questions.slice(1)],
    });
    // A quota that is no whole number is shown on its field, with the validator's words.
    const quota = page.getByRole('textbox', { name: 'Closed after this many answers', exact: true });
    await quota.fill('2.5');
    expect(await quota.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(quota)).toContain('expected a whole number from 1 to');
    assertNoPageErrors(h.problems(page));
  });

  it('fills the form from pasted JSON, and explains JSON or definitions it cannot load, leaving the form as it was', async () => {
    const page = await openBuilder(h);
    await pasteJson(page, '{ "id": "oops", ');
    await page.getByRole('alert').filter({ hasText: 'This is not valid JSON' }).waitFor();
    await pasteJson(page, JSON.stringify({ id: 'bad', questions: [{ id: 'score', type: 'ratng', text: 'Hi' }] }));
    const alert = page.getByRole('alert').filter({ hasText: 'This survey has a problem; nothing was loaded.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('questions[0].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")');
    await pasteJson(page, JSON.stringify([TWO_QUESTIONS, EVERYTHING]));
    await page.getByRole('alert').filter({ hasText: 'This file holds 2 surveys' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Survey id', exact: true }).inputValue()).toBe('new-survey');

    await pasteJson(page, JSON.stringify({ surveys: [TWO_QUESTIONS] }));
    await page.getByText('Loaded survey “mug-feedback” into the form.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Question 2 text', exact: true }).inputValue()).toBe(IMPROVE_TEXT);
    expect(await shownJson(page)).toEqual(TWO_QUESTIONS);
    assertNoPageErrors(h.problems(page));
  });

  it('has no axe-core violations as it starts, filled in, and with problems shown', async () => {
    const page = await openBuilder(h);
    expect(await axeViolations(page), 'as it starts').toEqual([]);
    await loadFile(page, JSON.stringify(EVERYTHING));
    await page.getByText('Loaded survey “every-part” into the form.').waitFor();
    expect(await axeViolations(page), 'filled in').toEqual([]);
    await page.getByRole('textbox', { name: 'Survey id', exact: true }).fill('');
    await page.getByRole('textbox', { name: 'Question 2 id', exact: true }).fill('score');
    await page.getByRole('textbox', { name: 'Share of visitors asked (%)', exact: true }).fill('300');
    await page.getByText('3 problems to fix').waitFor();
    expect(await axeViolations(page), 'with problems').toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('can be used with the keyboard alone: a survey composed, previewed and copied without a pointer', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url('/') });
    const page = await openBuilder(h);
    await tabTo(page, 'Survey id');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('by-keyboard');
    await tabTo(page, 'Question 1 text');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Was this page useful?');
    await tabTo(page, 'Question 1 type');
    await page.keyboard.type('Thumbs');
    await tabTo(page, 'Type of the new question');
    await page.keyboard.type('Text');
    await tabTo(page, 'Add a question');
    await page.keyboard.press('Enter');
    // Focus moves to the new question's text.
    await waitUntil(async () => (await focusedName(page)) === 'Question 2 text', { describe: () => 'focus on Question 2 text' });
    await page.keyboard.type('What were you looking for?');
    await tabTo(page, 'Move question 2 up');
    await page.keyboard.press('Enter');
    // The moved question keeps focus on its button, now question 1's.
    await waitUntil(async () => (await focusedName(page)) === 'Move question 1 down', { describe: () => 'focus on Move question 1 down' });
    expect(await shownJson(page)).toEqual({
      id: 'by-keyboard',
      questions: [
        { id: 'q1', type: 'text', text: 'What were you looking for?' },
        { id: 'score', type: 'thumbs', text: 'Was this page useful?' },
      ],
    });
    // The preview can be answered by keyboard too.
    await tabTo(page, 'What were you looking for?');
    await page.keyboard.type('Prices');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await preview(page).getByRole('radiogroup', { name: 'Was this page useful?', exact: true }).waitFor();
    await tabTo(page, 'Copy JSON');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied the JSON of “by-keyboard”' }).waitFor();
    assertNoPageErrors(h.problems(page));
  });

  it('works from the package’s files and under a strict CSP', async () => {
    const fromFiles = await h.newPage();
    await fromFiles.goto(pathToFileURL(BUILDER_FILE).href);
    await preview(fromFiles).getByRole('radiogroup', { name: 'How likely are you to recommend us to a friend?', exact: true }).waitFor();
    assertNoPageErrors(h.problems(fromFiles));

    const page = await h.newPage();
    const violations: string[] = [];
    page.on('console', (message) => /Content Security Policy|Trusted Type/i.test(message.text()) && violations.push(message.text()));
    await page.route('**/builder/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html",
        },
      });
    });
    await page.goto(h.url('/builder/'));
    await page.getByRole('textbox', { name: 'Question 1 text', exact: true }).fill('Under a strict policy?');
    await preview(page).getByRole('radiogroup', { name: 'Under a strict policy?', exact: true }).waitFor();
    expect(violations).toEqual([]);
    assertNoPageErrors(h.problems(page));
  });

  it('composes every question kind with its own fields through the form, and the widget shows each', async () => {
    const page = await openBuilder(h);
    const box = (name: string) => page.getByRole('textbox', { name, exact: true });
    const number = (name: string) => page.getByRole('spinbutton', { name, exact: true });
    const select = (name: string) => page.getByRole('combobox', { name, exact: true });
    const check = (name: string) => page.getByRole('checkbox', { name, exact: true });
    const add = async (type: string, text: string) => {
      await select('Type of the new question').selectOption(type);
      await page.getByRole('button', { name: 'Add a question', exact: true }).click();
      const count = ((await shownJson(page)) as { questions: unknown[] }).questions.length;
      await box(`Question ${count} text`).fill(text);
    };
    await box('Survey id').fill('every-kind');
    await box('Label under 0').fill('Never');
    await box('Label under 10').fill('Surely');
    await add('rating', 'Rate the checkout');
    await select('Question 2 scale').selectOption('3');
    await select('Question 2 style').selectOption('emoji');
    await box('Low-end label').fill('Slow');
    await check('Optional: the visitor may skip it').nth(1).check();
    await add('csat', 'How satisfied are you?');
    await page.getByRole('textbox', { name: 'Own labels, one per line (5, lowest first)', exact: true }).fill('Awful\nBad\nOK\nGood\nGreat');
    await add('ces', 'It was easy.');
    await add('thumbs', 'Was this useful?');
    await add('choice', 'Where did you hear of us?');
    await box('Option 1').fill('Search');
    await box('Option 2').fill('A friend');
    await box('Option 2 answer id').fill('friend');
    await page.getByRole('button', { name: 'Add an option to question 6', exact: true }).click();
    await box('Option 3').fill('An advert');
    await check('Several answers allowed (checkboxes)').check();
    await check('An “Other” option with a text field').check();
    await check('Show the options in a random order').check();
    await number('Fewest options to pick').fill('1');
    await number('Most options to pick').fill('2');
    await add('text', 'Anything else?');
    await check('Several lines').uncheck();
    await number('Question 7 longest answer (characters)').fill('200');
    await box('Question 7 placeholder').fill('A few words');
    await select('After question 5, go to').selectOption('end');
    await select('Display mode').selectOption('inline');
    await box('CSS selector of the element it goes into').fill('#feedback');
    await page.getByText('No problems: ready to use.').waitFor();
    const composed = await shownJson(page);
    expect(composed).toEqual({
      id: 'every-kind',
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?', lowLabel: 'Never', highLabel: 'Surely' },
        { id: 'q1', type: 'rating', text: 'Rate the checkout', scale: 3, style: 'emoji', lowLabel: 'Slow', optional: true },
        { id: 'q2', type: 'csat', text: 'How satisfied are you?', labels: ['Awful', 'Bad', 'OK', 'Good', 'Great'] },
        { id: 'q3', type: 'ces', text: 'It was easy.' },
        { id: 'q4', type: 'thumbs', text: 'Was this useful?', next: 'end' },
        {
          id: 'q5',
          type: 'choice',
          text: 'Where did you hear of us?',
          options: ['Search', { id: 'friend', label: 'A friend' }, 'An advert'],
          multiple: true,
          other: true,
          shuffle: true,
          min: 1,
          max: 2,
        },
        { id: 'q6', type: 'text', text: 'Anything else?', multiline: false, maxLength: 200, placeholder: 'A few words' },
      ],
      display: 'inline',
      target: '#feedback',
    });
    expect(schemaAccepts(composed), JSON.stringify(schemaAccepts.errors)).toBe(true);

    // The preview walks through them in the real widget, with the labels given.
    const shown = preview(page);
    await shown.getByRole('radio', { name: '10', exact: true }).click();
    await shown.getByText('Surely').waitFor();
    await shown.getByRole('button', { name: 'Next', exact: true }).click();
    await shown.getByRole('radiogroup', { name: 'Rate the checkout', exact: true }).getByRole('radio').first().click();
    await shown.getByRole('button', { name: 'Next', exact: true }).click();
    await shown.getByRole('radio', { name: /^5\b.*Great/ }).click();
    await shown.getByRole('button', { name: 'Next', exact: true }).click();
    await shown.getByRole('radiogroup', { name: 'It was easy.', exact: true }).getByRole('radio').last().click();
    await shown.getByRole('button', { name: 'Next', exact: true }).click();
    await shown.getByRole('radio', { name: 'Thumbs up', exact: true }).click();
    // The jump to the end makes this the last step.
    await shown.getByRole('button', { name: 'Submit', exact: true }).waitFor();
    assertNoPageErrors(h.problems(page));
  });

  it('applies the survey’s own look to the preview, and exports it with the survey', async () => {
    const page = await openBuilder(h);
    await page.getByRole('textbox', { name: 'Accent colour (buttons, chosen options)', exact: true }).fill('#0f766e');
    await page.getByRole('textbox', { name: 'Corner radius', exact: true }).fill('4');
    await page.getByRole('combobox', { name: 'Colour scheme', exact: true }).selectOption('dark');
    const widget = page.locator('builder-survey-preview earshot-survey');
    await waitUntil(async () => (await widget.getAttribute('scheme')) === 'dark', { describe: () => 'the preview in the dark scheme' });
    expect(await widget.evaluate((element) => [element.style.getPropertyValue('--earshot-accent'), element.style.getPropertyValue('--earshot-radius')])).toEqual([
      '#0f766e',
      '4px',
    ]);
    expect(await shownJson(page)).toMatchObject({ theme: { accent: '#0f766e', radius: 4 }, colorScheme: 'dark' });

    // A value that would break out of the CSS declaration is refused next to its field, as init refuses it.
    const accent = page.getByRole('textbox', { name: 'Accent colour (buttons, chosen options)', exact: true });
    await accent.fill('red; display: none');
    expect(await descriptionOf(accent)).toContain('expected a CSS value');
    assertNoPageErrors(h.problems(page));
  });

  it('is pictured in the README', async () => {
    const page = await openBuilder(h);
    await composeTwoQuestions(page);
    // The second question and its branch beside the preview, where a score of 3 asks it.
    await preview(page).getByRole('radio', { name: '3', exact: true }).click();
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByRole('group', { name: 'Question 2', exact: true }).evaluate((group) => group.scrollIntoView({ block: 'start' }));
    await page.getByRole('textbox', { name: 'Value in the rule of question 2', exact: true }).focus();
    await docsPicture(page, 'builder.png');
    assertNoPageErrors(h.problems(page));
  });
});
