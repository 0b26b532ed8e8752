// Issue #21 end to end: a survey changed and published from the builder's Publish panel to the real collector shows its new wording at the shop's next page load (no rebuild, no restart), and no longer once its quota is reached.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { openBuilder } from './builder-page';
import { cartHelpSurvey, expectRegistrySurveyGone, FIRST_WORDING, NEW_WORDING, SURVEY_ID, withRegistry } from './registry-shop';

const h = useBrowserHarness();

const VISIBLE = { state: 'visible', timeout: 10_000 } as const;
// The harness's collector has no EARSHOT_READ_TOKEN (as in survey-registry.test.ts): it takes keyed
// requests from this machine. The key is typed all the same, as a team would, and sent as Bearer.
const KEY = 'team-read-key';

/** What the team loads into the builder (Paste JSON: the builder has no field for the quota). */
const DRAFT = cartHelpSurvey(FIRST_WORDING);

/** The collector's own account of the survey (its versions route; this machine needs no key). */
async function registryState(): Promise<{
  live: number | null;
  status: string;
  closed: { reason: string } | null;
  versions: Array<{ version: number; definition: typeof DRAFT }>;
}> {
  const res = await fetch(h.url(`/api/earshot/surveys/${SURVEY_ID}/versions`));
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

/** Clicks Publish and waits for the panel to say which version went live; returns the PUT the builder sent. */
async function publishFromBuilder(builder: Page, version: number) {
  const publishing = builder.locator('builder-publish-panel');
  const [put] = await Promise.all([
    builder.waitForRequest((request) => request.method() === 'PUT' && request.url() === h.url(`/api/earshot/surveys/${SURVEY_ID}`)),
    publishing.getByRole('button', { name: `Publish “${SURVEY_ID}”`, exact: true }).click(),
  ]);
  await publishing
    .getByRole('status')
    .filter({ hasText: `Published “${SURVEY_ID}” as version ${version}: the site shows it from its next page load.` })
    .waitFor();
  expect(put.headers().authorization).toBe(`Bearer ${KEY}`);
  return put;
}

describe('publishing from the builder to the live shop', () => {
  it('shows the new wording at the shop’s next page load, with no restart, and no longer once the quota is reached', async () => {
    const builder = await openBuilder(h);
    const box = (name: string) => builder.getByRole('textbox', { name, exact: true });
    await box('Paste JSON').fill(JSON.stringify(DRAFT));
    await builder.getByRole('button', { name: 'Load pasted JSON', exact: true }).click();
    await builder.getByText(`Loaded survey “${SURVEY_ID}” into the form.`).waitFor();
    await box('Collector address').fill(new URL(h.url('/')).origin);
    await builder.getByLabel('Read key', { exact: true }).fill(KEY);
    expect((await publishFromBuilder(builder, 1)).postDataJSON()).toEqual(DRAFT);

    // A shopper of their own (own storage and HTTP cache) on the cart page, the shop's setup reading the registry.
    const earlier = await h.browser.newContext();
    try {
      await withRegistry(earlier);
      const first = await earlier.newPage();
      await first.goto(h.url('/shop/cart.html?qty=1'));
      await first.getByRole('radiogroup', { name: FIRST_WORDING }).waitFor(VISIBLE);
    } finally {
      await earlier.close();
    }

    // The team changes the wording in the builder and publishes again; the server keeps running.
    await box('Question 1 text').fill(NEW_WORDING);
    await publishFromBuilder(builder, 2);
    const published = await registryState();
    expect(published).toMatchObject({ live: 2, status: 'live', closed: null });
    expect(published.versions.map(({ version, definition }) => [version, definition.questions[0].text, definition.maxResponses])).toEqual([
      [2, NEW_WORDING, 1],
      [1, FIRST_WORDING, 1],
    ]);

    // The next shopper's page load shows the new wording, and they answer it. (A returning shopper
    // whose page shows the survey before the fresh list arrives gets the copy kept from their last
    // page, as docs/collector.md says, and the new wording a page load later.)
    await withRegistry(h.context);
    const shop = await h.newPage();
    await shop.goto(h.url('/shop/cart.html?qty=1'));
    await shop.getByRole('radiogroup', { name: NEW_WORDING }).waitFor(VISIBLE);
    expect(await shop.getByRole('radiogroup', { name: FIRST_WORDING }).count()).toBe(0);
    await shop.getByRole('radio', { name: 'Thumbs down' }).click();
    await shop.getByRole('button', { name: 'Submit', exact: true }).click();
    await shop.getByText('Thanks!').waitFor(VISIBLE);
    const stored = (await waitForResponses(h.server, 1, { where: (r) => r.surveyId === SURVEY_ID && r.completed })).filter((r) => r.surveyId === SURVEY_ID);
    expect(stored).toHaveLength(1);
    expect(stored[0].questions?.map((q) => q.text)).toEqual([NEW_WORDING]);
    expect(stored[0].answers).toEqual({ found: 0 });
    assertNoPageErrors(h.problems(shop));

    // maxResponses: 1 is reached: a new shopper's page load no longer gets or shows the survey.
    const later = await h.browser.newContext();
    try {
      await withRegistry(later);
      const page = await later.newPage();
      const [list] = await Promise.all([page.waitForResponse((res) => res.url() === h.url('/api/earshot/surveys')), page.goto(h.url('/shop/cart.html?qty=1'))]);
      expect(await list.text()).not.toContain(SURVEY_ID);
      await page.getByRole('heading', { level: 1 }).waitFor(VISIBLE);
      await expectRegistrySurveyGone(page);
    } finally {
      await later.close();
    }

    // The collector closed it, and the builder's Publish panel says so.
    expect(await registryState()).toMatchObject({ live: 2, status: 'closed', closed: { reason: 'maxResponses' } });
    const publishing = builder.locator('builder-publish-panel');
    await publishing.getByRole('button', { name: 'Show what is live', exact: true }).click();
    await publishing.getByText(/“cart-help” is closed since .+: it has all the responses its maxResponses asks for/).waitFor();
    assertNoPageErrors(h.problems(builder));
  });
});
