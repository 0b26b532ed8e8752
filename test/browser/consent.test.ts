// Consent in a real Chromium: while pending, no IndexedDB database and no request; granted, the
// survey shows and delivers; denied, every Earshot database is gone, the queued events' too.
import { expect, it } from 'vitest';
import type {} from '../support/page-globals';
import { assertNoPageErrors, sleep, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();

const survey = { id: 'consent-nps', trigger: { event: 'checkout_completed' }, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }] };
const earshotDatabases = () =>
  indexedDB.databases().then((list) =>
    list
      .map((db) => db.name)
      .filter((name) => name?.startsWith('earshot'))
      .sort(),
  );

it('stores and sends nothing until consent is granted, and erases everything when it is denied', async () => {
  const page = await h.newPage();
  let requests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/earshot')) requests++;
  });
  await page.route(h.url('/consent'), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><title>Consent</title></head><body><h1>Shop</h1><script src="/dist/earshot.min.js"></script></body></html>',
    }),
  );
  await page.goto(h.url('/consent'));
  await page.evaluate((s) => {
    window.earshot.init({ endpoint: '/api/earshot', surveys: [s as never], consent: 'pending' });
    window.earshot.track('checkout_completed');
  }, survey);
  await sleep(500);
  expect(await page.evaluate(earshotDatabases)).toEqual([]);
  expect(await page.locator('earshot-survey').count()).toBe(0);
  expect(requests).toBe(0);

  await page.evaluate(() => {
    window.earshot.consent('granted');
    window.earshot.track('checkout_completed');
  });
  await page.getByRole('radio', { name: '8', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'consent-nps', answers: { score: 8 } });
  // The outbox, the survey's `shown` event (delivered with the answer) and the visitor's state.
  expect(await page.evaluate(earshotDatabases)).toEqual(['earshot', 'earshot-events', 'earshot-visitor']);

  await page.evaluate(() => window.earshot.consent('denied'));
  await waitUntil(async () => (await page.evaluate(earshotDatabases)).length === 0, { describe: () => 'the Earshot databases to be deleted' });
  await page.evaluate(() => window.earshot.show('consent-nps'));
  await sleep(300);
  expect(await page.locator('earshot-survey').count()).toBe(0);
  assertNoPageErrors(h.problems(page));
});
