// A survey list from `surveysUrl` whose url triggers would stall a backtracking matcher: the page
// stays responsive (a 50 ms timer keeps firing on time), the visitor's other surveys still show
// and deliver, and a list kept from an earlier visit is checked again before any of it runs. With
// the browser's RegExp, `^(.|.)*#$` on this 29-character path froze the tab for 12 s.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();

const PATH = `/store/${'a'.repeat(22)}`;
const SURVEYS_URL = '/store/surveys.json';
const REFUSED = 'expected a regular expression of at most 200 characters, without {n}, lookaround or back-references';

const question = (text: string) => [{ id: 'score', type: 'nps', text }];
/** Backtracks exponentially on a path without "#"; within the subset, so matched in linear time. */
const alternation = { id: 'alternation', trigger: { url: { regex: '^(.|.)*#$' } }, questions: question('Alternation?') };
/** Ten stars: 1.1 s as a RegExp on a long path. */
const tenStars = { id: 'ten-stars', trigger: { url: `${'*a'.repeat(9)}*#` }, questions: question('Stars?') };
/** As catastrophic, and outside the subset: refused. */
const lookahead = { id: 'lookahead', trigger: { url: { regex: '^(.|.)*(?=#)$' } }, questions: question('Lookahead?') };
const remoteNps = { id: 'remote-nps', trigger: { event: 'go' }, questions: question('How likely are you to recommend the store?') };

declare global {
  interface Window {
    ticks: number[];
    earshotErrors: string[];
  }
}

/** A store page whose lang is not a valid tag; it records its timer ticks and Earshot's errors from its first script on. */
async function openStore(page: Page): Promise<void> {
  await page.route(h.url(PATH), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en_US"><head><title>Store</title>
        <script>window.ticks=[];setInterval(function(){ticks.push(performance.now())},50);
        window.earshotErrors=[];addEventListener("earshot:error",function(e){earshotErrors.push(e.detail.message)});</script>
        <script src="/dist/earshot.min.js"></script></head><body><h1>Store</h1>
        <script>earshot.init({ endpoint: "/api/earshot", surveysUrl: "${SURVEYS_URL}", cooldownDays: 0,
          surveys: [{ id: "local-thumbs", trigger: { event: "help" }, questions: [{ id: "up", type: "thumbs", text: "Was this page helpful?" }] }] });</script>
        </body></html>`,
    }),
  );
  await page.goto(h.url(PATH));
}

/** The longest wait between two ticks of the page's 50 ms timer so far. */
const longestGap = (page: Page) => page.evaluate(() => Math.max(...window.ticks.slice(1).map((tick, index) => tick - window.ticks[index])));

const errors = (page: Page) => page.evaluate(() => window.earshotErrors);

/** The visitor answers 9 on the survey asking `text` and submits. */
async function answerNps(page: Page, text: string): Promise<void> {
  const scale = page.getByRole('radiogroup', { name: text });
  await scale.waitFor({ state: 'visible', timeout: 10_000 });
  await scale.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
}

it('stays responsive with a remote list of stalling patterns; the refused one is named, the other surveys still show and deliver', async () => {
  const page = await h.newPage();
  await page.route(`**${SURVEYS_URL}`, (route) => route.fulfill({ contentType: 'application/json', json: [alternation, tenStars, lookahead, remoteNps] }));
  await openStore(page);
  await waitUntil(async () => (await errors(page)).length > 0, { describe: () => 'the remote list to be checked' });
  // A route change matches every url trigger again, on a new path of the same length.
  await page.evaluate(() => history.pushState(null, '', `/store/${'b'.repeat(22)}`));
  await sleep(1000);
  expect(await longestGap(page)).toBeLessThan(500);
  expect(await errors(page)).toEqual([`surveysUrl[2].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")`]);
  const explained = await page.evaluate(() => window.earshot.explain());
  expect(explained.map(({ surveyId, reasons }) => [surveyId, reasons.map(({ code }) => code)])).toEqual([
    ['local-thumbs', ['trigger']],
    ['alternation', ['url']],
    ['ten-stars', ['url']],
    ['remote-nps', ['trigger']],
    ['lookahead', ['invalid']],
  ]);

  await page.evaluate(() => window.earshot.track('go'));
  await answerNps(page, 'How likely are you to recommend the store?');
  const [response] = await waitForResponses(h.server, 1, { where: (stored) => stored.completed });
  // The page's lang="en_US" arrives as a valid tag.
  expect(response).toMatchObject({ surveyId: 'remote-nps', answers: { score: 9 }, trigger: { event: 'go' }, locale: 'en-US' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.evaluate(() => window.earshot.track('help'));
  await page.getByRole('radio', { name: 'Thumbs up' }).waitFor({ state: 'visible', timeout: 10_000 });
  expect(await longestGap(page)).toBeLessThan(500);
  assertNoPageErrors(h.problems(page));
});

it('checks the list kept from an earlier visit before using it: the stalling definition never runs, the rest still work before the fixed list arrives', async () => {
  const page = await h.newPage();
  // What an earlier version of Earshot kept: it took the lookahead, and would run it on every page.
  await page.route(h.url('/store/blank'), (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Blank</title>' }));
  await page.goto(h.url('/store/blank'));
  await page.evaluate(
    ([key, list]) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('earshot-visitor');
        opening.onupgradeneeded = () => opening.result.createObjectStore('state');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const writing = db.transaction('state', 'readwrite');
          writing.objectStore('state').put(list, key);
          writing.oncomplete = () => (db.close(), resolve());
          writing.onerror = () => reject(writing.error);
        };
      }),
    [`surveys ${SURVEYS_URL}`, [lookahead, remoteNps]] as const,
  );
  // The server has fixed its file since, but answers slowly: the kept list is what runs first.
  await page.route(`**${SURVEYS_URL}`, async (route) => {
    await sleep(3000);
    await route.fulfill({ contentType: 'application/json', json: [remoteNps] }).catch(() => {});
  });
  await openStore(page);
  await waitUntil(async () => (await errors(page)).length > 0, { describe: () => 'the kept list to be checked' });
  expect(await errors(page)).toEqual([`surveysUrl[0].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")`]);
  await page.evaluate(() => window.earshot.track('go'));
  await answerNps(page, 'How likely are you to recommend the store?');
  expect(await longestGap(page)).toBeLessThan(500);
  const [response] = await waitForResponses(h.server, 1, { where: (stored) => stored.completed });
  expect(response).toMatchObject({ surveyId: 'remote-nps', answers: { score: 9 } });
  assertNoPageErrors(h.problems(page));
});
