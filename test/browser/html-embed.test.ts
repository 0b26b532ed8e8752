// HTML-only embedding: <earshot-survey src endpoint> and an inline JSON definition render and
// deliver with no JavaScript written by the site.
import { expect, it } from 'vitest';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';

const h = useBrowserHarness();

async function openPage(path: string, html: string) {
  const page = await h.newPage();
  await page.route(h.url(path), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Docs</title><script src="/dist/earshot.min.js"></script></head><body><h1>Docs</h1>${html}</body></html>`,
    }),
  );
  await page.goto(h.url(path));
  return page;
}

it('renders a survey from src inline, and delivers to the endpoint attribute with trigger manual', async () => {
  const page = await openPage('/docs/page', '<main><p>Article</p><earshot-survey src="/embed/feedback.json" endpoint="/api/earshot"></earshot-survey></main>');
  await page.getByRole('radio', { name: 'Thumbs up' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'What was missing?' }).fill('An example');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => page.getByText('Thanks, we read every answer.').isVisible()).toBe(true);
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-feedback', answers: { helpful: 1, missing: 'An example' }, trigger: { manual: true } });
  // Inline, in the flow of the page, not a popover.
  expect(await page.evaluate(() => document.querySelector('earshot-survey')!.parentElement!.localName)).toBe('main');
  assertNoPageErrors(h.problems(page));
});

it('takes the definition from an inline JSON child and the endpoint from the global config, and reports an invalid one without throwing', async () => {
  const definition = { id: 'inline-csat', questions: [{ id: 'sat', type: 'csat', text: 'How satisfied are you with the docs?' }] };
  const page = await openPage(
    '/docs/inline',
    `<earshot-survey id="good"><script type="application/json">${JSON.stringify(definition)}</script></earshot-survey>
     <earshot-survey id="bad" debug><script type="application/json">{"id":"broken","questions":[{"id":"q","type":"ratng","text":"?"}]}</script></earshot-survey>
     <script>window.errors=[];document.getElementById("bad").addEventListener("earshot:error",function(e){errors.push(e.detail.message)});
     earshot.init({ endpoint: "/api/earshot" });</script>`,
  );
  await page.getByRole('radio', { name: /^5/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'inline-csat', answers: { sat: 5 }, trigger: { manual: true } });
  const errors = await page.evaluate(() => (window as unknown as { errors: string[] }).errors);
  expect(errors).toEqual(['<earshot-survey>: questions[0].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")']);
  assertNoPageErrors(h.problems(page));
  expect(h.problems(page).console.some((line) => line.startsWith('warning: earshot: <earshot-survey>: questions[0].type'))).toBe(true);
});

it('renders and delivers an element added after the page loaded, as a single-page app adds a view', async () => {
  const page = await openPage('/docs/app', '<main id="view"></main><script>earshot.init({ endpoint: "/api/earshot" });</script>');
  await page.evaluate(() => {
    const element = document.createElement('earshot-survey');
    element.setAttribute('src', '/embed/feedback.json');
    document.getElementById('view')!.append(element);
  });
  await page.getByRole('radio', { name: 'Thumbs down' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-feedback', answers: { helpful: 0 }, trigger: { manual: true } });
  assertNoPageErrors(h.problems(page));
});
