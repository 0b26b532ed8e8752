// Earshot next to what else a page runs: a second copy of itself, the page's own Lit with its own
// Trusted Types policy, a patched `fetch` that throws, a config with `__proto__` keys.
import nodeResolve from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses, waitUntil } from './harness';
import { STRICT_CSP, hostRecord, watchHostPage, withHeaders } from './host-page';
import { readFileSync } from 'node:fs';

const h = useBrowserHarness();
/** The README's import map, for pages that load the npm build (dist/earshot.js) as modules. */
const IMPORT_MAP = readFileSync(new URL('../../examples/import-map/index.html', import.meta.url), 'utf8').match(/<script type="importmap">[\s\S]*?<\/script>/)![0];

/** A host app built with its own copy of Lit, as a site's design system would be. */
const HOST_APP = `
import { LitElement, css, html } from 'lit';
class HostGreeting extends LitElement {
  static styles = css\`p { color: rgb(0, 128, 0); }\`;
  render() { return html\`<p>Rendered by the page's own Lit</p>\`; }
}
customElements.define('host-greeting', HostGreeting);
`;
let hostAppBundle = '';

beforeAll(async () => {
  const bundle = await rollup({
    input: '\0host-app',
    plugins: [{ name: 'host-app', resolveId: (id) => (id === '\0host-app' ? id : null), load: (id) => (id === '\0host-app' ? HOST_APP : null) }, nodeResolve({ browser: true })],
  });
  hostAppBundle = (await bundle.generate({ format: 'iife' })).output[0].code;
  await bundle.close();
});

async function openPage(path: string, csp?: string): Promise<Page> {
  const page = await h.newPage();
  await watchHostPage(page);
  if (csp) await withHeaders(page, path, { 'Content-Security-Policy': csp });
  await page.goto(h.url(path));
  return page;
}

/** Shows the one-question `modal` survey of examples/hostile/setup.js, answers it and submits. */
async function answerModal(page: Page, score: number): Promise<void> {
  await page.getByRole('button', { name: 'Modal survey' }).click();
  await page.getByRole('radio', { name: String(score), exact: true }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thanks!', { exact: false }).waitFor();
}

describe('coexistence', () => {
  it('loaded twice, the second copy warns once and steps aside; the first works as usual', async () => {
    const page = await openPage('/hostile/twice.html');
    const warnings = h.problems(page).console.filter((line) => line.includes('earshot: loaded twice'));
    expect(warnings).toEqual(['warning: earshot: loaded twice; this copy steps aside']);
    await answerModal(page, 8);
    expect(await page.locator('earshot-survey').count()).toBe(1);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 8 });
    expect(await page.evaluate(() => window.host.snapshot())).toEqual(['global earshot']);
    expect(await hostRecord(page)).toEqual({ violations: [], errors: [], earshotErrors: [] });
    assertNoPageErrors(h.problems(page));
  });

  /** A page with the import map of examples/import-map/ (the npm build as modules) and `body`. */
  const pageWithImportMap = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two builds</title>${IMPORT_MAP}</head><body><main><h1>Two builds</h1>
    <button type="button" data-earshot-event="asked">Ask me</button></main>${body}</body></html>`;
  /** One survey shown by a click on the page's button (data-earshot-event="asked"); each copy would answer that click. */
  const askedSurvey = (id: string) => ({ id, trigger: { event: 'asked' }, cooldown: false, questions: [{ id: 'score', type: 'nps', text: `Asked by ${id}?` }] });
  const loadedTwice = (page: Page) => h.problems(page).console.filter((line) => line.includes('earshot: loaded twice'));

  it('the script tag first, then the npm build: the npm build warns once and starts nothing; one survey shows and is delivered', async () => {
    const page = await h.newPage();
    await page.route(h.url('/two-builds'), (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: pageWithImportMap(`<script src="/dist/earshot.min.js"></script>
<script>earshot.init({ endpoint: "/api/earshot", surveys: [${JSON.stringify(askedSurvey('script-tag'))}] });</script>
<script type="module">
import { init } from "earshot";
init({ endpoint: "/api/earshot", surveys: [${JSON.stringify(askedSurvey('npm-build'))}] });
window.npmBuildRan = true;
</script>`),
      }),
    );
    await page.goto(h.url('/two-builds'));
    await page.waitForFunction(() => (window as { npmBuildRan?: boolean }).npmBuildRan);
    expect(loadedTwice(page)).toEqual(['warning: earshot: loaded twice; this copy steps aside']);
    await page.getByRole('button', { name: 'Ask me' }).click();
    await page.getByRole('radiogroup').waitFor();
    expect(await page.getByRole('radiogroup').allTextContents()).toHaveLength(1);
    await page.getByRole('radio', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ surveyId: 'script-tag', answers: { score: 7 } });
    expect(h.responses().map((r) => r.surveyId)).toEqual(['script-tag']);
    assertNoPageErrors(h.problems(page));
  });

  it('the npm build first, then a script tag: the script tag warns once, and window.earshot is the running copy', async () => {
    const page = await h.newPage();
    await page.route(h.url('/two-builds'), (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: pageWithImportMap(`<script type="module">
import { init } from "earshot";
init({ endpoint: "/api/earshot", surveys: [${JSON.stringify(askedSurvey('npm-build'))}] });
// A tag manager adds the script tag later.
const tag = Object.assign(document.createElement("script"), { src: "/dist/earshot.min.js" });
tag.onload = () => (window.scriptTagLoaded = true);
document.head.append(tag);
</script>`),
      }),
    );
    await page.goto(h.url('/two-builds'));
    await page.waitForFunction(() => (window as { scriptTagLoaded?: boolean }).scriptTagLoaded);
    expect(loadedTwice(page)).toEqual(['warning: earshot: loaded twice; this copy steps aside']);
    await page.getByRole('button', { name: 'Ask me' }).click();
    await page.getByRole('radiogroup').waitFor();
    expect(await page.getByRole('radiogroup').allTextContents()).toHaveLength(1);
    await page.getByRole('radio', { name: '4', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await waitForResponses(h.server, 1, { where: (r) => r.completed });
    // The page's classic scripts reach the npm build's survey through the global.
    await page.evaluate(() => window.earshot.show('npm-build'));
    await page.getByRole('radio', { name: '2', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await waitForResponses(h.server, 2, { where: (r) => r.completed });
    expect(
      h
        .responses()
        .filter((r) => r.completed)
        .map((r) => r.surveyId),
    ).toEqual(['npm-build', 'npm-build']);
    assertNoPageErrors(h.problems(page));
  });

  it("runs beside the page's own Lit and custom elements, under Trusted Types allowing both policies", async () => {
    const page = await h.newPage();
    await watchHostPage(page);
    await page.route('**/hostile/host-app.js', (route) => route.fulfill({ contentType: 'text/javascript', body: hostAppBundle }));
    await page.route('**/hostile/with-lit.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        // Without 'allow-duplicates': the two copies of Lit must not both want the policy "lit-html".
        headers: { 'Content-Security-Policy': `${STRICT_CSP} lit-html` },
        body: `<!doctype html><html lang="en"><head><title>Host app with Lit</title></head><body>
          <host-greeting></host-greeting>
          <main><button type="button" id="open-modal">Modal survey</button></main>
          <script src="/hostile/host-app.js"></script>
          <script src="/dist/earshot.min.js"></script>
          <script src="/hostile/setup.js"></script>
        </body></html>`,
      }),
    );
    await page.goto(h.url('/hostile/with-lit.html'));
    await page.getByText("Rendered by the page's own Lit").waitFor();
    await answerModal(page, 10);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 10 });
    // The page's element keeps its own styles; Earshot's elements are registered beside it.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('host-greeting')!.shadowRoot!.querySelector('p')!).color)).toBe('rgb(0, 128, 0)');
    expect(await page.evaluate(() => ['host-greeting', 'earshot-survey'].map((name) => !!customElements.get(name)))).toEqual([true, true]);
    expect(await hostRecord(page)).toEqual({ violations: [], errors: [], earshotErrors: [] });
    assertNoPageErrors(h.problems(page));
  });

  it('keeps answers and reports an error event when the page patched fetch to throw; nothing reaches the page', async () => {
    const page = await openPage('/hostile/', STRICT_CSP);
    await page.evaluate(() => {
      const original = window.fetch;
      window.fetch = () => {
        throw new TypeError('fetch is disabled on this page');
      };
      (window as { restoreFetch?: () => void }).restoreFetch = () => (window.fetch = original);
    });
    await answerModal(page, 3);
    await waitUntil(async () => (await hostRecord(page)).earshotErrors.some((one) => one.startsWith('network: ')), { describe: () => 'a network error event' });
    const record = await hostRecord(page);
    expect(record.earshotErrors[0]).toMatch(/^network: delivery failed \(network error: fetch is disabled on this page\)/);
    expect(record.errors).toEqual([]);
    expect(h.responses()).toEqual([]);

    // Once the page gives fetch back, what was kept is delivered.
    await page.evaluate(async () => {
      (window as { restoreFetch?: () => void }).restoreFetch!();
      await window.earshot.flush();
    });
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 3 });
    assertNoPageErrors(h.problems(page));
  });

  it('ignores __proto__, constructor and prototype keys in a config: nothing is polluted, the survey works', async () => {
    const page = await openPage('/hostile/');
    const pollution = () => page.evaluate(() => ({ polluted: ({} as { polluted?: unknown }).polluted ?? 'none', prototypeKeys: Object.keys(Object.prototype) }));
    await page.evaluate(() =>
      window.earshot.init(
        JSON.parse(`{
          "endpoint": "/api/earshot", "__proto__": { "polluted": "config" }, "constructor": { "prototype": { "polluted": "constructor" } },
          "user": { "id": "u_1", "traits": { "plan": "pro", "__proto__": { "polluted": "traits" } } },
          "surveys": [{ "id": "proto", "__proto__": { "polluted": "survey" },
            "questions": [{ "id": "score", "type": "nps", "text": "How likely?", "__proto__": { "display": "inline", "polluted": "question" } }] }]
        }`),
      ),
    );
    expect(await pollution()).toEqual({ polluted: 'none', prototypeKeys: [] });
    await page.evaluate(() => window.earshot.show('proto'));
    await page.getByRole('radio', { name: '6', exact: true }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ answers: { score: 6 }, user: { id: 'u_1', traits: { plan: 'pro' } } });
    expect(Object.keys(response.user as object)).toEqual(['id', 'traits']);
    expect(await pollution()).toEqual({ polluted: 'none', prototypeKeys: [] });
    expect(await page.evaluate(() => window.host.snapshot())).toEqual(['global earshot']);
    assertNoPageErrors(h.problems(page));
  });
});
