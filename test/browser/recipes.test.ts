// The README's recipes, run as the files in examples/ that the README shows: plain HTML, a tag
// manager's custom HTML tag, and ES modules through an import map with no bundler.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';

const h = useBrowserHarness();
const example = (path: string) => readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');

it('plain HTML (examples/embed/): the element renders its survey and delivers, with no script of the page', async () => {
  const page = await h.newPage();
  await page.goto(h.url('/embed/'));
  await page.getByRole('radio', { name: 'Thumbs up' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'What was missing?' }).fill('A recipe for Svelte');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thanks, we read every answer.').waitFor();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-feedback', answers: { helpful: 1, missing: 'A recipe for Svelte' }, trigger: { manual: true } });
  assertNoPageErrors(h.problems(page));
});

it('tag manager (examples/tag-manager/earshot-tag.html): a completed survey reaches dataLayer as earshot_completed', async () => {
  const tag = example('tag-manager/earshot-tag.html');
  // The tag is the loader snippet as the README gives it, pointed at this server's build.
  expect(tag).toContain(readFileSync(new URL('../../src/snippet/loader.html', import.meta.url), 'utf8').replace('/path/to/earshot.min.js', '/dist/earshot.min.js'));
  const page = await h.newPage();
  // This page stands in for Google Tag Manager: its dataLayer, then the custom HTML tag, then a journey point pushed as tags do.
  await page.route(h.url('/order/confirmed'), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order confirmed</title>
<script>window.dataLayer = [{ event: "gtm.js" }];</script></head>
<body><h1>Thank you for your order</h1>${tag}<script>earshot.push(["track", "checkout_completed"]);</script></body></html>`,
    }),
  );
  await page.goto(h.url('/order/confirmed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'post-checkout-nps', answers: { score: 9 }, trigger: { event: 'checkout_completed' } });
  const dataLayer = await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer);
  expect(dataLayer).toEqual([{ event: 'gtm.js' }, { event: 'earshot_completed', surveyId: 'post-checkout-nps', answers: { score: 9 } }]);
  assertNoPageErrors(h.problems(page));
});

it('import map (examples/import-map/): the ESM build and its dependencies load as modules with no bundler, and an answer is delivered', async () => {
  const page = await h.newPage();
  const loaded: string[] = [];
  page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto(h.url('/import-map/'));
  await page.getByRole('button', { name: 'Give feedback' }).click();
  await page.getByRole('radio', { name: /^4/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thank you!').waitFor();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-csat', answers: { satisfaction: 4 }, trigger: { manual: true } });
  expect(loaded).toEqual(expect.arrayContaining(['/node_modules/earshot/dist/earshot.js', '/node_modules/lit/index.js', '/node_modules/idb-keyval/dist/index.js']));
  expect(loaded.filter((path) => path.endsWith('.min.js'))).toEqual([]);
  assertNoPageErrors(h.problems(page));
});
