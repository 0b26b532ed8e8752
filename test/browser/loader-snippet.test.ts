// The async loader snippet from docs/getting-started.md: calls made before the script arrives are queued,
// then replayed in order once it has loaded.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();
const SNIPPET = readFileSync(new URL('../../src/snippet/loader.html', import.meta.url), 'utf8');

it('is under 600 bytes and is the one docs/getting-started.md shows', () => {
  expect(Buffer.byteLength(SNIPPET)).toBeLessThan(600);
  expect(readFileSync(new URL('../../docs/getting-started.md', import.meta.url), 'utf8')).toContain(SNIPPET.trim());
});

it('replays calls queued before the script arrived, in order, and the survey shows', async () => {
  const page = await h.newPage();
  let releaseScript = () => {};
  const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve));
  // The script arrives only after the page has queued its calls.
  await page.route(h.url('/dist/earshot.min.js'), async (route) => {
    await scriptHeld;
    await route.continue();
  });
  const body = `<!doctype html><html lang="en"><head><title>Snippet</title>${SNIPPET.replace('/path/to/earshot.min.js', '/dist/earshot.min.js')}</head>
<body><h1>Order confirmed</h1><script>
  window.log = [];
  earshot.track("checkout_completed"); // before init: no survey listens yet, so it is dropped
  earshot.on("shown", function (e) { log.push("shown " + e.surveyId); });
  earshot.push(["on", "completed", function (e) { log.push("completed " + e.surveyId); }]);
  earshot.init({ endpoint: "/api/earshot", surveys: [
    { id: "first", trigger: { event: "checkout_completed" }, questions: [{ id: "score", type: "nps", text: "How likely are you to recommend us?" }] }
  ] });
  earshot.track("checkout_completed");
  window.queuedBeforeLoad = Array.isArray(window.earshot) && earshot.length;
</script></body></html>`;
  await page.route(h.url('/snippet'), (route) => route.fulfill({ contentType: 'text/html', body }));
  // The load event waits for the async script, which is held back: DOMContentLoaded does not.
  await page.goto(h.url('/snippet'), { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => (window as unknown as { queuedBeforeLoad: number }).queuedBeforeLoad)).toBe(5);
  releaseScript();
  await page.getByRole('radio', { name: '10', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'first', answers: { score: 10 }, trigger: { event: 'checkout_completed' } });
  const log = () => page.evaluate(() => (window as unknown as { log: string[] }).log);
  await waitUntil(async () => (await log()).length === 2);
  expect(await log()).toEqual(['shown first', 'completed first']);
  // Once loaded, `earshot` is the API, and push() still works.
  expect(await page.evaluate(() => typeof window.earshot.init)).toBe('function');
  assertNoPageErrors(h.problems(page));
});
