// The split script-tag build: dist/earshot.core.min.js alone on the page, importing
// dist/earshot.ui.min.js from next to itself only when a survey may show.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';

const h = useBrowserHarness();

const UI_FILE = '/dist/earshot.ui.min.js';
const DEBUG_PANEL_FILE = '/dist/earshot.debug-panel.min.js';
const WORDS_FILE = '/dist/earshot.words.min.js';
const EMBED_FILE = '/dist/earshot.embed.min.js';

/** A host page at `path` that loads the core and starts Earshot with `surveys`. */
async function openCorePage(
  path: string,
  surveys: unknown[],
  options: { debug?: boolean; setUp?: (page: Page) => Promise<void> } = {},
): Promise<{ page: Page; uiRequests: () => number; requestsAfterInit: () => string[]; requestsOf: (file: string) => number; requested: () => string[] }> {
  const page = await h.newPage();
  let uiRequests = 0;
  let initCalled = false;
  const afterInit: string[] = [];
  const paths: string[] = [];
  page.on('request', (request) => {
    paths.push(new URL(request.url()).pathname);
    if (new URL(request.url()).pathname === UI_FILE) uiRequests++;
    if (initCalled) afterInit.push(request.url());
  });
  await page.route(h.url(path), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Split build</title></head>
<body><main><h1>A page</h1></main><script src="/dist/earshot.core.min.js"></script></body></html>`,
    }),
  );
  await options.setUp?.(page);
  await page.goto(h.url(path));
  initCalled = true;
  await page.evaluate(([list, debug]) => window.earshot.init({ endpoint: '/api/earshot', surveys: list as never, debug }), [surveys, options.debug ?? false] as const);
  return { page, uiRequests: () => uiRequests, requestsAfterInit: () => afterInit, requestsOf: (file) => paths.filter((path) => path === file).length, requested: () => paths };
}

const score = { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' };

/** The console's warnings on `page` from now on, as they come. */
function consoleWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

it('never downloads the UI on a page where no survey can show, and makes no request at all with an empty outbox', async () => {
  const { page, uiRequests, requestsAfterInit } = await openCorePage('/pricing', [{ id: 'checkout-only', trigger: { url: '/checkout/*' }, questions: [score] }]);
  // Idle time passes (the prefetch would have happened by now) and a journey point no survey listens to.
  await page.evaluate(() => window.earshot.track('unrelated_event'));
  await page.waitForTimeout(1500);
  expect(uiRequests()).toBe(0);
  // No surveysUrl and nothing queued: init and its start stay off the network entirely.
  expect(requestsAfterInit()).toEqual([]);
  expect(await page.evaluate(() => customElements.get('earshot-survey'))).toBeUndefined();
  // A visitor who never answered: looking for what an earlier page left creates no outbox databases.
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map(({ name }) => name));
  expect(databases).toContain('earshot-visitor');
  expect(databases).not.toContain('earshot');
  expect(databases).not.toContain('earshot-events');
  assertNoPageErrors(h.problems(page));
});

it('fetches the UI at idle time on a page where a survey may show, and shows the survey at its journey point', async () => {
  const { page, uiRequests, requestsOf } = await openCorePage('/checkout/done', [{ id: 'after-checkout', trigger: { event: 'checkout_completed' }, questions: [score] }]);
  await waitUntil(() => uiRequests() === 1, { describe: () => 'the UI to be prefetched' });
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'after-checkout', answers: { score: 9 }, trigger: { event: 'checkout_completed' } });
  expect(uiRequests()).toBe(1);
  // The debug panel's code is a file of its own, which only `debug: true` fetches.
  expect(requestsOf(DEBUG_PANEL_FILE)).toBe(0);
  assertNoPageErrors(h.problems(page));
});

it('with debug: true, fetches the debug panel beside the UI and shows why each survey shows or not', async () => {
  const { page, requestsOf } = await openCorePage('/pricing', [{ id: 'checkout-only', trigger: { url: '/checkout/*' }, questions: [score] }], { debug: true });
  const panel = page.getByRole('region', { name: 'Earshot: why surveys show or not' });
  await expect.poll(() => panel.textContent()).toContain('checkout-only');
  expect(await panel.textContent()).toContain('/pricing');
  expect([requestsOf(UI_FILE), requestsOf(DEBUG_PANEL_FILE)]).toEqual([1, 1]);
  await panel.getByRole('button', { name: 'Close debug panel' }).click();
  await expect.poll(() => page.locator('earshot-debug-panel').count()).toBe(0);
  assertNoPageErrors(h.problems(page));
});

it('with debug: true and the debug panel file unreachable, warns in the console and leaves explain() working', async () => {
  let warnings: string[] = [];
  const { page } = await openCorePage('/pricing', [{ id: 'checkout-only', trigger: { url: '/checkout/*' }, questions: [score] }], {
    debug: true,
    setUp: async (page) => {
      await page.route(h.url(DEBUG_PANEL_FILE), (route) => route.abort());
      warnings = consoleWarnings(page);
    },
  });
  await expect.poll(() => warnings.find((text) => text.startsWith('earshot: the debug panel could not be shown'))).toBeTruthy();
  expect(await page.locator('earshot-debug-panel').count()).toBe(0);
  expect(await page.evaluate(async () => (await window.earshot.explain()).map(({ surveyId, eligible }) => ({ surveyId, eligible })))).toEqual([
    { surveyId: 'checkout-only', eligible: false },
  ]);
  // The blocked request is the browser console's own error, not the page's.
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

it("fetches explain()'s sentences only when explain() asks, and answers with the codes when they cannot be loaded", async () => {
  const { page, requestsOf } = await openCorePage('/pricing', [{ id: 'checkout-only', trigger: { url: '/checkout/*' }, questions: [score] }], {
    setUp: async (page) => {
      await page.route(h.url(WORDS_FILE), (route) => route.abort());
    },
  });
  await page.waitForTimeout(500);
  expect(requestsOf(WORDS_FILE)).toBe(0);
  const reasonsNow = () => page.evaluate(async () => (await window.earshot.explain())[0].reasons.map(({ code, message }) => ({ code, message })));
  expect(await reasonsNow()).toEqual([{ code: 'url', message: 'url' }]);
  await page.unroute(h.url(WORDS_FILE));
  expect(await reasonsNow()).toEqual([{ code: 'url', message: 'the page URL /pricing does not match trigger.url "/checkout/*"' }]);
  expect(requestsOf(WORDS_FILE)).toBe(2);
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

it('loads the UI on demand for show(), and reports through the error event when it cannot be loaded', async () => {
  const { page, uiRequests } = await openCorePage('/help', [{ id: 'feedback', questions: [score] }]);
  expect(uiRequests()).toBe(0);
  await page.route(h.url(UI_FILE), (route) => route.abort());
  const error = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        window.earshot.on('error', resolve);
        window.earshot.show('feedback');
      }),
  );
  expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('the survey UI could not be loaded') });
  // The network is back: the next request loads it.
  await page.unroute(h.url(UI_FILE));
  await page.evaluate(() => window.earshot.show('feedback'));
  await page.getByRole('radio', { name: '9', exact: true }).waitFor();
  // The blocked request is the browser console's own error, not the page's.
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

it('renders and delivers <earshot-survey> elements added after init, before the UI was ever loaded and after', async () => {
  const { page, uiRequests } = await openCorePage('/docs/late', [{ id: 'checkout-only', trigger: { url: '/checkout/*' }, questions: [score] }]);
  await page.waitForTimeout(500);
  expect(uiRequests()).toBe(0);
  // What a single-page app does when it routes to a view holding the element.
  await page.evaluate(() => {
    const view = document.createElement('section');
    const element = document.createElement('earshot-survey');
    element.setAttribute('src', '/embed/feedback.json');
    view.append(element);
    document.querySelector('main')!.append(view);
  });
  await page.getByRole('radio', { name: 'Thumbs up' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-feedback', answers: { helpful: 1 }, trigger: { manual: true } });

  // Once the UI is there, the element is defined and a later one announces itself.
  await page.evaluate(() => {
    const element = document.createElement('earshot-survey');
    element.innerHTML = '<script type="application/json">{"id":"late-csat","questions":[{"id":"sat","type":"csat","text":"How satisfied are you?"}]}</script>';
    document.querySelector('main')!.append(element);
  });
  await page.getByRole('radio', { name: /^5/ }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await waitForResponses(h.server, 1, { where: (r) => r.surveyId === 'late-csat' && r.completed && (r.answers as { sat?: number }).sat === 5 });
  expect(uiRequests()).toBe(1);
  assertNoPageErrors(h.problems(page));
});

/** Two `<earshot-survey>` elements of a page's own HTML, one before the core's script and one after; the page never calls `init`. */
const AROUND_THE_SCRIPT = `<main><h1>Docs</h1><earshot-survey id="before" src="/embed/feedback.json" endpoint="/api/earshot" debug></earshot-survey></main>
<script>window.errors=[];document.getElementById("before").addEventListener("earshot:error",function(e){errors.push(e.detail)});</script>
<script src="/dist/earshot.core.min.js"></script>
<aside><earshot-survey id="after"><script type="application/json">{"id":"after-csat","questions":[{"id":"sat","type":"csat","text":"How satisfied are you?"}]}</script></earshot-survey></aside>`;

/** A page at `path` whose body is `body`, with what it requested. */
async function openEmbedPage(path: string, body: string, options: { setUp?: (page: Page) => Promise<void> } = {}) {
  const page = await h.newPage();
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  await page.route(h.url(path), (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title></head><body>${body}</body></html>` }),
  );
  await options.setUp?.(page);
  await page.goto(h.url(path));
  return { page, requestsOf: (file: string) => paths.filter((one) => one === file).length };
}

it('never fetches the code that runs <earshot-survey> on a page without one, even where a survey shows and with debug: true', async () => {
  const { page, requestsOf } = await openCorePage('/checkout/done', [{ id: 'after-checkout', trigger: { event: 'checkout_completed' }, questions: [score] }], { debug: true });
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await waitForResponses(h.server, 1, { where: (r) => r.completed });
  // A page that adds other elements later is looked at, and still has none.
  await page.evaluate(() => document.querySelector('main')!.append(document.createElement('section')));
  await page.waitForTimeout(500);
  expect(requestsOf(EMBED_FILE)).toBe(0);
  // What `debug: true` fetches at init, for comparison: the check and the sentences.
  expect([requestsOf('/dist/earshot.check.min.js'), requestsOf(WORDS_FILE)]).toEqual([1, 1]);
  assertNoPageErrors(h.problems(page));
});

it('runs <earshot-survey> elements placed before and after the script with the code of a file of its own, fetched once', async () => {
  const { page, requestsOf } = await openEmbedPage('/docs/both', AROUND_THE_SCRIPT);
  const before = page.locator('#before');
  const after = page.locator('#after');
  await before.getByRole('radio', { name: 'Thumbs up' }).click();
  await before.getByRole('button', { name: 'Next' }).click();
  await before.getByRole('button', { name: 'Submit' }).click();
  await after.getByRole('radio', { name: /^5/ }).click();
  await after.getByRole('button', { name: 'Submit' }).click();
  const responses = await waitForResponses(h.server, 2, { where: (r) => r.completed });
  expect(responses.map((r) => [r.surveyId, r.answers, r.trigger]).sort()).toEqual([
    ['after-csat', { sat: 5 }, { manual: true }],
    ['docs-feedback', { helpful: 1 }, { manual: true }],
  ]);
  // Inline, each in its own place on the page.
  expect(await page.evaluate(() => [...document.querySelectorAll('earshot-survey')].map((element) => [element.id, element.parentElement!.localName]))).toEqual([
    ['before', 'main'],
    ['after', 'aside'],
  ]);
  expect(requestsOf(EMBED_FILE)).toBe(1);
  assertNoPageErrors(h.problems(page));
});

it('fetches the UI and the content check beside the code that runs <earshot-survey>, not once it has arrived', async () => {
  const requested: Record<string, number> = {};
  let embedAnswered = 0;
  // No `debug`, which would fetch the UI (its panel) and the check at init.
  const body = `<main><earshot-survey id="only" endpoint="/api/earshot"><script type="application/json">{"id":"csat","questions":[{"id":"sat","type":"csat","text":"How satisfied are you?"}]}</script></earshot-survey></main>
<script src="/dist/earshot.core.min.js"></script>`;
  const { page } = await openEmbedPage('/docs/slow', body, {
    async setUp(page) {
      page.on('request', (request) => (requested[new URL(request.url()).pathname] ??= Date.now()));
      // A slow network for the embed's code: the UI and the check are asked for while it is on its way.
      await page.route(`**${EMBED_FILE}`, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        embedAnswered = Date.now();
        await route.continue();
      });
    },
  });
  await page.locator('#only').getByRole('radio', { name: /^5/ }).waitFor();
  expect(requested[UI_FILE]).toBeLessThan(embedAnswered);
  expect(requested['/dist/earshot.check.min.js']).toBeLessThan(embedAnswered);
  assertNoPageErrors(h.problems(page));
});

it('says on the element when the code that runs it cannot be loaded, and never breaks the page', async () => {
  let warnings: string[] = [];
  const { page, requestsOf } = await openEmbedPage('/docs/offline', AROUND_THE_SCRIPT, {
    setUp: async (page) => {
      await page.route(h.url(EMBED_FILE), (route) => route.abort());
      warnings = consoleWarnings(page);
    },
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { errors: unknown[] }).errors))
    .toEqual([{ code: 'network', message: expect.stringMatching(/^<earshot-survey src="\/embed\/feedback.json">: the code that embeds it could not be loaded \(/) }]);
  expect(warnings.some((text) => text.startsWith('earshot: <earshot-survey src="/embed/feedback.json">: the code that embeds it could not be loaded'))).toBe(true);
  expect(requestsOf(EMBED_FILE)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.querySelector('earshot-survey')!.shadowRoot?.childElementCount ?? 0)).toBe(0);
  // The blocked request is the browser console's own error, not the page's.
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

it('fetches nothing for an <earshot-survey>, not even the code that runs it, before consent is granted', async () => {
  const { page, requestsOf } = await openEmbedPage(
    '/docs/consent',
    `<main><earshot-survey src="/embed/feedback.json"></earshot-survey></main><script src="/dist/earshot.core.min.js"></script>
<script>earshot.init({ endpoint: "/api/earshot", consent: "pending" });</script>`,
  );
  await page.waitForTimeout(500);
  expect([requestsOf(EMBED_FILE), requestsOf('/embed/feedback.json')]).toEqual([0, 0]);
  await page.evaluate(() => window.earshot.consent('granted'));
  await page.getByRole('radio', { name: 'Thumbs down' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'docs-feedback', answers: { helpful: 0 }, trigger: { manual: true } });
  expect([requestsOf(EMBED_FILE), requestsOf('/embed/feedback.json')]).toEqual([1, 1]);
  assertNoPageErrors(h.problems(page));
});

/** The question kinds whose files the page fetched, by the file names of the split build. */
const kindFiles = (requested: string[]) => requested.flatMap((path) => /^\/dist\/earshot\.ui-(\w+)-question\.min\.js$/.exec(path)?.[1] ?? []);

it('on a page that shows only an NPS survey, fetches the NPS file and no other kind’s', async () => {
  const { page, requested, uiRequests } = await openCorePage('/checkout/done', [
    { id: 'nps-only', trigger: { event: 'checkout_completed' }, questions: [score] },
    // Another page's survey, with every other kind: never fetched here.
    {
      id: 'elsewhere',
      trigger: { url: '/account/*' },
      questions: [
        {
          id: 'grid',
          type: 'matrix',
          text: 'Agree?',
          rows: [{ id: 'a', label: 'A' }],
          columns: [
            { value: 1, label: 'No' },
            { value: 2, label: 'Yes' },
          ],
        },
        { id: 'order', type: 'ranking', text: 'Rank', options: ['A', 'B'] },
        { id: 'budget', type: 'slider', text: 'Budget?', min: 0, max: 10 },
        { id: 'book', type: 'cta', text: 'Demo?', button: { label: 'Book' } },
        { id: 'mail', type: 'text', text: 'Email?', format: 'email' },
        { id: 'pick', type: 'choice', text: 'Pick', options: [{ id: 'a', label: 'A', image: '/a.svg', alt: 'A' }, 'B'] },
      ],
    },
  ]);
  // Prefetched at idle with the UI, before its journey point.
  await waitUntil(() => (kindFiles(requested()).length ? requested() : null), { describe: () => `the NPS file to be prefetched; requested ${requested().join(', ')}` });
  expect(kindFiles(requested())).toEqual(['nps']);
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await waitForResponses(h.server, 1, { where: (r) => r.completed });
  await page.waitForTimeout(500);
  expect(kindFiles(requested())).toEqual(['nps']);
  expect(uiRequests()).toBe(1);
  assertNoPageErrors(h.problems(page));
});

it('fetches the NPS file beside the UI, not once the UI has arrived', async () => {
  const times: Record<string, number> = {};
  const { page } = await openCorePage('/checkout/done', [{ id: 'after-checkout', trigger: { event: 'checkout_completed' }, questions: [score] }], {
    async setUp(page) {
      page.on('request', (request) => {
        if (request.url().endsWith('/dist/earshot.ui-nps-question.min.js')) times.npsRequested ??= Date.now();
      });
      // A slow network for the UI: the NPS file is asked for while the UI is still on its way.
      await page.route('**/dist/earshot.ui.min.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        times.uiAnswered = Date.now();
        await route.continue();
      });
    },
  });
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  expect(times.npsRequested).toBeLessThan(times.uiAnswered);
  assertNoPageErrors(h.problems(page));
});

it('fetches the files of a matrix and a ranking with the survey that asks them, at idle, and shows it at its journey point', async () => {
  const { page, requestsOf } = await openCorePage('/account/settings', [
    {
      id: 'account',
      trigger: { event: 'saved' },
      questions: [
        {
          id: 'grid',
          type: 'matrix',
          text: 'How much do you agree?',
          rows: [{ id: 'easy', label: 'Settings are easy to find' }],
          columns: [
            { value: 1, label: 'No' },
            { value: 2, label: 'Yes' },
          ],
        },
        { id: 'order', type: 'ranking', text: 'Rank these', options: ['Speed', 'Price'] },
      ],
    },
  ]);
  await waitUntil(() => requestsOf('/dist/earshot.ui-ranking-question.min.js') === 1, { describe: () => 'the ranking file to be prefetched' });
  expect(['matrix', 'ranking', 'nps', 'choice'].map((kind) => requestsOf(`/dist/earshot.ui-${kind}-question.min.js`))).toEqual([1, 1, 0, 0]);
  await page.evaluate(() => window.earshot.track('saved'));
  await page.getByRole('radiogroup', { name: 'Settings are easy to find' }).getByRole('radio', { name: 'Yes' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Move Price up' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response.answers).toEqual({ grid: { easy: 2 }, order: ['Price', 'Speed'] });
  assertNoPageErrors(h.problems(page));
});

it('reports a kind’s file that cannot be loaded through the error event, shows nothing broken, and shows the survey once it loads', async () => {
  const { page } = await openCorePage('/help', [{ id: 'feedback', questions: [{ id: 'budget', type: 'slider', text: 'Your budget?', min: 0, max: 10 }] }]);
  const SLIDER_FILE = '/dist/earshot.ui-slider-question.min.js';
  await page.route(h.url(SLIDER_FILE), (route) => route.abort());
  const error = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        window.earshot.on('error', resolve);
        window.earshot.show('feedback');
      }),
  );
  expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('survey "feedback": the code of its questions could not be loaded') });
  expect(await page.locator('earshot-survey').count()).toBe(0);
  await page.unroute(h.url(SLIDER_FILE));
  await page.evaluate(() => window.earshot.show('feedback'));
  await page.getByRole('slider', { name: 'Your budget?' }).waitFor();
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

// The Feedback tab's element is a file of its own beside the UI's, which only a `tab` survey needs.
const TAB_FILE = '/dist/earshot.ui-feedback-tab.min.js';

it('on a page that shows only a popover survey, never fetches the Feedback tab’s code', async () => {
  const { page, requestsOf, uiRequests } = await openCorePage('/checkout/done', [
    { id: 'after-checkout', trigger: { event: 'checkout_completed' }, questions: [score] },
    // Another page's tab survey: never fetched here.
    { id: 'account-tab', display: 'tab', trigger: { url: '/account/*' }, questions: [score] },
  ]);
  await waitUntil(() => uiRequests() === 1, { describe: () => 'the UI to be prefetched' });
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await waitForResponses(h.server, 1, { where: (r) => r.completed });
  await page.waitForTimeout(500);
  expect(requestsOf(TAB_FILE)).toBe(0);
  // Nor did the UI bring it.
  expect(await page.evaluate(() => customElements.get('earshot-feedback-tab') !== undefined)).toBe(false);
  assertNoPageErrors(h.problems(page));
});

it('fetches the Feedback tab’s file beside the UI for a tab survey, shows its tab, and opens the survey from it', async () => {
  const times: Record<string, number> = {};
  const { page, requestsOf } = await openCorePage('/help', [{ id: 'help-tab', display: 'tab', questions: [score] }], {
    async setUp(page) {
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === TAB_FILE) times.tabRequested ??= Date.now();
      });
      // A slow network for the UI: the tab's file is asked for while the UI is still on its way.
      await page.route('**/dist/earshot.ui.min.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        times.uiAnswered = Date.now();
        await route.continue();
      });
    },
  });
  const tab = page.getByRole('button', { name: 'Feedback', exact: true });
  await tab.click();
  expect(times.tabRequested).toBeLessThan(times.uiAnswered);
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'help-tab', answers: { score: 9 }, trigger: { manual: true } });
  expect(requestsOf(TAB_FILE)).toBe(1);
  assertNoPageErrors(h.problems(page));
});

it('reports a Feedback tab whose file cannot be loaded through the error event, and puts nothing broken on the page', async () => {
  let errors: () => Promise<unknown[]> = async () => [];
  const { page } = await openCorePage('/help', [{ id: 'help-tab', display: 'tab', questions: [score] }], {
    async setUp(page) {
      await page.route(h.url(TAB_FILE), (route) => route.abort());
      // Listening before init: the tab is offered in the task after it.
      await page.addInitScript(() => {
        const seen: unknown[] = [];
        (window as unknown as { seenErrors: unknown[] }).seenErrors = seen;
        addEventListener('earshot:error', (event) => seen.push((event as CustomEvent).detail));
      });
      errors = () => page.evaluate(() => (window as unknown as { seenErrors: unknown[] }).seenErrors);
    },
  });
  await expect.poll(errors).toEqual([{ code: 'network', message: expect.stringContaining('the Feedback tab of survey "help-tab" could not be loaded') }]);
  expect(await page.locator('earshot-feedback-tab').count()).toBe(0);
  assertNoPageErrors(h.problems(page), [/Failed to load resource: net::ERR_FAILED/]);
});

// What a survey asks is checked just before it first shows, by a file of its own (docs/architecture.md §7).
const CHECK_FILE = '/dist/earshot.check.min.js';
const brokenSurvey = {
  id: 'broken',
  trigger: { event: 'checkout_completed' },
  priority: 10,
  questions: [
    { id: 'stars', type: 'ratng', text: 'Rate us' },
    { id: 'stars', type: 'text', text: 'Why?' },
  ],
};
const BROKEN_PROBLEMS = [
  'surveys[0].questions[0].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")',
  'surveys[0].questions[1].id: duplicate question id "stars"',
];

it('never shows a survey whose questions are wrong and never breaks the page: its check arrives on demand, each problem is reported with its path, the other survey still shows', async () => {
  const { page, requestsOf } = await openCorePage('/checkout/done', [brokenSurvey, { id: 'good', questions: [score] }]);
  // init did not throw (openCorePage would have failed); the survey that may show brings the check at idle, beside the UI.
  await waitUntil(() => requestsOf(CHECK_FILE) === 1, { describe: () => 'the check to be prefetched' });
  const errors = await page.evaluate(async () => {
    const seen: unknown[] = [];
    window.earshot.on('error', (error) => seen.push(error));
    window.earshot.track('checkout_completed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    return seen;
  });
  expect(errors).toEqual([{ code: 'definition', message: `survey "broken" is not shown: ${BROKEN_PROBLEMS.join('; ')}` }]);
  expect(await page.locator('earshot-survey').count()).toBe(0);
  await page.evaluate(() => window.earshot.show('good'));
  await page.getByRole('radio', { name: '9', exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'good', answers: { score: 9 } });
  expect(requestsOf(CHECK_FILE)).toBe(1);
  assertNoPageErrors(h.problems(page));
});

it('with debug: true, lists every problem of every survey in the console at init, before any journey point', async () => {
  const second = { id: 'broken-too', trigger: { url: '/checkout/*' }, questions: [{ id: 'q', type: 'choice', text: 'Pick', options: ['A'] }] };
  let warnings: string[] = [];
  const { page } = await openCorePage('/pricing', [brokenSurvey, second], {
    debug: true,
    setUp: async (page) => {
      warnings = consoleWarnings(page);
    },
  });
  const secondProblem = 'surveys[1].questions[0].options: expected a list of 2 to 30 options (got ["A"])';
  await expect.poll(() => warnings.some((text) => text.includes(secondProblem))).toBe(true);
  for (const problem of BROKEN_PROBLEMS) expect(warnings.some((text) => text.includes(problem))).toBe(true);
  expect(await page.locator('earshot-survey').count()).toBe(0);
  assertNoPageErrors(h.problems(page));
});

it('keeps a template’s words out of the core: a template survey gets its items with its check, fetches their kinds at idle, and shows them at its journey point', async () => {
  const { page, requested, requestsOf } = await openCorePage('/checkout/done', [
    { id: 'relationship', template: 'nps', product: 'Earshot Mugs', trigger: { event: 'checkout_completed' } },
  ]);
  expect(await page.evaluate(() => fetch('/dist/earshot.core.min.js').then((response) => response.text()))).not.toContain('would recommend');
  // The template's items (an NPS question and a text) are known once the check arrived: their kinds' files follow it, at idle.
  await waitUntil(() => (kindFiles(requested()).length === 2 ? requested() : null), {
    describe: () => `the template's kinds to be prefetched; requested ${requested().join(', ')}`,
  });
  expect(kindFiles(requested()).sort()).toEqual(['nps', 'text']);
  await page.evaluate(() => window.earshot.track('checkout_completed'));
  await page
    .getByRole('radiogroup', { name: 'How likely is it that you would recommend Earshot Mugs to a friend or colleague?' })
    .getByRole('radio', { name: '9', exact: true })
    .click();
  await page.getByRole('button', { name: /Next|Submit/ }).click();
  await page.getByRole('textbox', { name: 'What is the primary reason for your score?' }).fill('Sturdy mugs');
  await page.getByRole('button', { name: 'Submit' }).click();
  const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
  expect(response).toMatchObject({ surveyId: 'relationship', template: 'nps', answers: { nps: 9, nps_reason: 'Sturdy mugs' } });
  expect(requestsOf(CHECK_FILE)).toBe(1);
  assertNoPageErrors(h.problems(page));
});
