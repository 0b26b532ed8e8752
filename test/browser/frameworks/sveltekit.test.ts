// The SvelteKit recipe (examples/sveltekit/, with the Svelte 5 component src/lib/EarshotSurvey.svelte),
// built once with `vite build` and served by `vite preview`, which renders each request on the
// server: the page arrives with the survey as inert markup, then hydrates in Chromium, where
// Earshot (started in the root layout's onMount) fills the survey in; the component's callback
// hears the answer and the collector receives it.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from '../harness';
import { passAnswersToCollector, removeScratch, runNode, scratchApp, startAppServer, type AppServer, REPO } from './app-server';

const VITE = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
const h = useBrowserHarness();
let scratch: string | undefined;
let app: AppServer | undefined;

beforeAll(async () => {
  scratch = scratchApp('sveltekit', [['sveltekit', 'sveltekit']]);
  const project = path.join(scratch, 'sveltekit');
  const took = await runNode([VITE, 'build', '--logLevel', 'warn'], project);
  console.info(`SvelteKit vite build: ${(took / 1000).toFixed(1)} s`);
  app = await startAppServer((port) => [VITE, 'preview', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], project);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  removeScratch(scratch);
});

it('renders the page on the server with <earshot-survey> and its definition as inert markup', async () => {
  const html = await (await fetch(`${app!.origin}/`)).text();
  // Svelte's hydration markers aside, the element holds only the definition.
  const element = html.match(/<earshot-survey>[\s\S]*?<\/earshot-survey>/)?.[0].replace(/<!--[^>]*-->/g, '');
  expect(element).toBe(
    '<earshot-survey><script type="application/json">{"id":"docs-helpful","questions":[{"id":"helpful","type":"thumbs","text":"Was this page helpful?"}]}</script></earshot-survey>',
  );
  expect(html).toContain('<button type="button">Give feedback</button>');
});

it('hydrated in Chromium: the Svelte 5 component shows the survey and hears the answer, and "Give feedback" shows the survey configured in the layout', async () => {
  const page = await h.newPage();
  await passAnswersToCollector(page, app!.origin, h);
  await page.goto(`${app!.origin}/`);
  await page.getByRole('radio', { name: 'Thumbs up' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Answered: {"helpful":1}').waitFor();
  const [helpful] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(helpful).toMatchObject({ surveyId: 'docs-helpful', answers: { helpful: 1 }, trigger: { manual: true } });

  await page.getByRole('button', { name: 'Give feedback' }).click();
  await page.getByRole('radio', { name: /^5/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thank you!').waitFor();
  const responses = await waitForResponses(h.server, 2, { where: (r) => r.completed });
  expect(responses.map((r) => [r.surveyId, r.answers])).toEqual([
    ['docs-helpful', { helpful: 1 }],
    ['docs-csat', { satisfaction: 5 }],
  ]);
  assertNoPageErrors(h.problems(page));
});
