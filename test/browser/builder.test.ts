// The survey builder (/builder) in a real Chromium, driven by role and accessible name as a
// product person with a screen reader or a keyboard would: a two-question survey with a branch is
// composed, the real widget previews it as it is typed, and the JSON it exports passes the JSON
// Schema and, given to `init`, shows the same survey and delivers its answers. Problems show next
// to their fields; files and pasted JSON fill the form; axe-core finds nothing to fix.
// `npm run screenshots` refreshes the README's picture of the builder.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import schema from '../../src/schema/survey.schema.json' with { type: 'json' };
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BUILDER_FILE = fileURLToPath(new URL('../../dist/builder/index.html', import.meta.url));
const SCREENSHOT = process.env.EARSHOT_UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../examples/screenshots/builder.png', import.meta.url))
  : path.join(tmpdir(), 'earshot-builder.png');

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
addFormats(ajv, ['regex']);
const schemaAccepts = ajv.compile(schema);

const SCORE_TEXT = 'How likely are you to recommend Earshot Mugs to a friend?';
const IMPROVE_TEXT = 'What should we improve?';

const h = useBrowserHarness();

async function openBuilder(): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(h.url('/builder/'));
  await page.getByRole('textbox', { name: 'Survey id', exact: true }).waitFor();
  return page;
}

/** The text `aria-describedby` points at, looked up in the field's own shadow root. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const root = element.getRootNode() as Document | ShadowRoot;
    return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  });
}

/** The survey as the builder's read-only JSON view shows it. */
async function shownJson(page: Page): Promise<unknown> {
  return JSON.parse(await page.getByRole('textbox', { name: 'Survey JSON', exact: true }).inputValue());
}

/** The survey the preview pane shows (the real widget, inside the builder's shadow DOM). */
const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

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
    const page = await openBuilder();
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
    await site.route(h.url('/site.html'), (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Shop</title><script src="/dist/earshot.min.js"></script><h1>Shop</h1>' }));
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
    const page = await openBuilder();
    const id = page.getByRole('textbox', { name: 'Survey id', exact: true });
    await id.fill('');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(id)).toContain('expected 1–64 letters, digits or _ . : - starting with a letter or digit (got "")');
    await page.getByText('1 problem to fix').waitFor();
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
