// The builder's Publish section in a real Chromium, against a stand-in for the collector's surveys
// registry (examples/collector) that answers as the registry being built on branch `registry` does
// (examples/collector/survey-registry.mjs there): until that registry is on main, the demo
// server's collector has no such routes. The key is typed once and kept for the tab's session;
// Publish makes a version live; the section shows what is live and the versions, makes an earlier
// one live again, and links to the live page with ?earshot_preview=.
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness } from './harness';
import { openBuilder } from './builder-page';
import { docsPicture } from './docs-pictures';

const h = useBrowserHarness();

const KEY = 's3cret';

interface StoredVersion {
  version: number;
  publishedAt: string;
  definition: { id: string };
}

/** A registry of one collector in the page's routes: its answers, in its words. */
async function fakeRegistry(page: Page) {
  const versions: StoredVersion[] = [];
  let live: number | null = null;
  const describeVersion = (stored: StoredVersion) => ({ ...stored, live: stored.version === live });
  await page.route(/\/api\/earshot\/surveys(\/.*)?$/, async (route: Route) => {
    const request = route.request();
    const rest = new URL(request.url()).pathname.slice('/api/earshot/surveys'.length);
    const answer = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (rest === '' && request.method() === 'GET') return answer(200, live === null ? [] : [versions[live - 1].definition]);
    if (request.headers().authorization !== `Bearer ${KEY}`)
      return answer(401, { error: 'authorization: wrong token; this route needs Authorization: Bearer <EARSHOT_READ_TOKEN>, or HTTP Basic with the token as password' });
    const [, id, what, number] = /^\/([^/]+)(?:\/(versions)(?:\/(\d+)\/publish)?)?$/.exec(rest) ?? [];
    if (request.method() === 'PUT' && id && !what) {
      versions.push({ version: versions.length + 1, publishedAt: new Date().toISOString(), definition: request.postDataJSON() });
      live = versions.length;
      return answer(201, { surveyId: id, status: 'live', ...describeVersion(versions[live - 1]) });
    }
    if (request.method() === 'GET' && what && !number) {
      if (!versions.length) return answer(404, { error: `survey: "${id}" was never published` });
      return answer(200, { surveyId: id, live, status: live === null ? 'unpublished' : 'live', closed: null, versions: [...versions].reverse().map(describeVersion) });
    }
    if (request.method() === 'POST' && number) {
      live = Number(number);
      return answer(200, { surveyId: id, status: 'live', ...describeVersion(versions[live - 1]) });
    }
    return answer(404, { error: 'not a route of this stand-in' });
  });
}

describe('publishing from the builder', () => {
  it('publishes with the key typed once, shows what is live and its versions, makes an earlier one live again, and links to the live page', async () => {
    const page = await openBuilder(h);
    await fakeRegistry(page);
    const box = (name: string) => page.getByRole('textbox', { name, exact: true });
    const publishing = page.locator('builder-publish-panel');
    const said = publishing.getByRole('status');
    // Served by the collector's own server, the builder fills in its address.
    expect(await box('Collector address').inputValue()).toBe(new URL(h.url('/')).origin);
    await box('Survey id').fill('cart-findability');
    await box('Question 1 text').fill('How easy was it to find what you needed?');

    await page.getByLabel('Read key', { exact: true }).fill('wrong');
    await publishing.getByRole('button', { name: 'Publish “cart-findability”', exact: true }).click();
    await publishing.getByRole('alert').getByText('The collector refused the key (HTTP 401): authorization: wrong token;').waitFor();

    await page.getByLabel('Read key', { exact: true }).fill(KEY);
    await publishing.getByRole('button', { name: 'Publish “cart-findability”', exact: true }).click();
    await said.filter({ hasText: 'Published “cart-findability” as version 1: the site shows it from its next page load.' }).waitFor();
    await publishing.getByText(/“cart-findability” is live: version 1, published .+\. The form is the same as the live version\./).waitFor();

    await box('Question 1 text').fill('How easy was it to find what you were looking for?');
    await publishing.getByRole('button', { name: 'Publish “cart-findability”', exact: true }).click();
    await said.filter({ hasText: 'as version 2' }).waitFor();
    expect(
      await publishing
        .getByRole('listitem')
        .filter({ hasText: /^\s*Version \d/ })
        .allTextContents(),
    ).toHaveLength(2);
    await publishing.getByRole('button', { name: 'Make version 1 live again', exact: true }).click();
    await said.filter({ hasText: 'Version 1 of “cart-findability” is live again: the site shows it from its next page load.' }).waitFor();
    await publishing.getByText(/is live: version 1, .+ The form has changes that are not live yet\./).waitFor();

    // The preview links: the page tester's page, on the live site.
    await box('Page address').fill('/shop/cart.html');
    const link = publishing.getByRole('link', { name: 'Open /shop/cart.html with “cart-findability” at once', exact: true });
    expect(await link.getAttribute('href')).toBe(h.url('/shop/cart.html?earshot_preview=cart-findability'));
    const simulated = publishing.getByRole('link', { name: 'Open /shop/cart.html as a visitor meets “cart-findability” (simulate)', exact: true });
    expect(await simulated.getAttribute('href')).toBe(h.url('/shop/cart.html?earshot_preview=cart-findability&simulate=1'));
    await docsPicture(publishing, 'builder-publish.png');

    // Typed once: the key stays for the tab's session, not in localStorage.
    await page.reload();
    expect(await page.getByLabel('Read key', { exact: true }).inputValue()).toBe(KEY);
    expect(await page.evaluate(() => JSON.stringify(localStorage)).then((kept) => kept.includes(KEY))).toBe(false);
    // Chromium logs the one refusal asked for above (the wrong key), nothing else.
    assertNoPageErrors(h.problems(page), [/status of 401 \(Unauthorized\)/]);
    expect(h.problems(page).consoleErrors).toHaveLength(1);
  });
});
