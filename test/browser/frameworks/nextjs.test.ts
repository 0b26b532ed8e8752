// The Next.js App Router recipe (examples/nextjs/, with the React recipe it imports), built once
// with `next build` and served by `next start`: the page is server-rendered with the survey as
// inert markup, then hydrated in Chromium, where Earshot (started by a client component of the
// root layout, through a dynamic import) fills the survey in, and the visitor's answers reach the
// collector.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from '../harness';
import { passAnswersToCollector, removeScratch, runNode, scratchApp, startAppServer, type AppServer, REPO } from './app-server';

const NEXT = path.join(REPO, 'node_modules', 'next', 'dist', 'bin', 'next');
const h = useBrowserHarness();
let scratch: string | undefined;
let app: AppServer | undefined;

beforeAll(async () => {
  scratch = scratchApp('nextjs', [
    ['nextjs', 'nextjs'],
    ['react/EarshotSurvey.tsx', 'react/EarshotSurvey.tsx'],
  ]);
  const project = path.join(scratch, 'nextjs');
  // The package test type-checks these files with tsc already: Next.js need not do it again.
  writeFileSync(path.join(project, 'next.config.mjs'), 'export default { typescript: { ignoreBuildErrors: true } };\n');
  // One build for every test of this file: the slow part (about 16 s of CPU).
  const took = await runNode([NEXT, 'build'], project);
  console.info(`next build: ${(took / 1000).toFixed(1)} s`);
  app = await startAppServer((port) => [NEXT, 'start', '--port', String(port), '--hostname', '127.0.0.1'], project);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  removeScratch(scratch);
});

it('server-renders the page with <earshot-survey> and its definition as inert markup', async () => {
  const html = await (await fetch(`${app!.origin}/`)).text();
  expect(html).toContain(
    '<earshot-survey><script type="application/json">{"id":"docs-helpful","questions":[{"id":"helpful","type":"thumbs","text":"Was this page helpful?"}]}</script></earshot-survey>',
  );
  expect(html).toContain('<button type="button">Give feedback</button>');
});

it('hydrated in Chromium: the embedded survey is filled in and delivered, and "Give feedback" shows the survey configured in the layout', async () => {
  const page = await h.newPage();
  await passAnswersToCollector(page, app!.origin, h);
  await page.goto(`${app!.origin}/`);
  await page.getByRole('radio', { name: 'Thumbs up' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [helpful] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(helpful).toMatchObject({ surveyId: 'docs-helpful', answers: { helpful: 1 }, trigger: { manual: true } });

  await page.getByRole('button', { name: 'Give feedback' }).click();
  await page.getByRole('radio', { name: /^4/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thank you!').waitFor();
  const responses = await waitForResponses(h.server, 2, { where: (r) => r.completed });
  expect(responses.map((r) => [r.surveyId, r.answers])).toEqual([
    ['docs-helpful', { helpful: 1 }],
    ['docs-csat', { satisfaction: 4 }],
  ]);
  assertNoPageErrors(h.problems(page));
});
