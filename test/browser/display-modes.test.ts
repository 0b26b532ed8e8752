// Each display mode in a real Chromium: where the survey appears, what it does with focus, that
// it sits above the page, and that it can be completed and dismissed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Question } from '../../src/core/types';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';

const h = useBrowserHarness();

const SCORE: Question = { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' };
const REASON: Question = { id: 'reason', type: 'text', text: 'What is the main reason?', optional: true };

/** Opens the gallery page and replaces its config with one survey shown as `fields` say. */
async function pageWithSurvey(fields: Record<string, unknown>, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize(viewport);
  await page.goto(h.url('/gallery/'));
  await page.evaluate(
    (survey) => {
      window.earshot.init({
        endpoint: '/api/earshot',
        surveys: [{ id: 'mode', trigger: { event: 'journey_point' }, questions: [survey.score, survey.reason], ...survey.fields }],
      });
    },
    { score: SCORE, reason: REASON, fields },
  );
  return page;
}

/** What has focus, looking through shadow roots: 'survey', 'page' or 'nothing'. */
const focusOwner = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing';
    return active.localName === 'earshot-survey' ? 'survey' : active.localName === 'earshot-feedback-tab' ? 'tab' : `page:${active.textContent?.trim()}`;
  });

const surveyBox = async (page: Page) => (await page.locator('earshot-survey').boundingBox())!;

async function answerAndSubmit(page: Page, score: number): Promise<void> {
  await page.getByRole('radio', { name: String(score), exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText('Thank you for your feedback!').waitFor();
}

describe('popover', () => {
  it('appears in the bottom-right corner above a page element with the highest z-index, without taking focus', async () => {
    const page = await pageWithSurvey({});
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgb(200 0 0 / .3)';
      document.body.append(cover);
      document.querySelector<HTMLElement>('[data-theme-toggle]')!.focus();
      window.earshot.track('journey_point');
    });
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    const box = await surveyBox(page);
    const viewport = page.viewportSize()!;
    expect(viewport.width - (box.x + box.width)).toBeCloseTo(16, 0);
    expect(viewport.height - (box.y + box.height)).toBeCloseTo(16, 0);
    // The top layer wins over any z-index: the point at the card's centre belongs to the survey.
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(onTop).toBe('earshot-survey');
    expect(await focusOwner(page)).toBe('page:Dark theme');

    await page.locator('#cover').evaluate((cover) => cover.remove());
    await answerAndSubmit(page, 9);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ surveyId: 'mode', answers: { score: 9 }, trigger: { event: 'journey_point' } });
    assertNoPageErrors(h.problems(page));
  });

  it('takes the corner its position names', async () => {
    const page = await pageWithSurvey({ position: 'top-left' });
    await page.evaluate(() => window.earshot.track('journey_point'));
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    const box = await surveyBox(page);
    expect(box.x).toBeCloseTo(16, 0);
    expect(box.y).toBeCloseTo(16, 0);
  });

  it('becomes a sheet along the bottom edge on a narrow phone screen, with 44 px touch targets', async () => {
    const phone = await h.browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true });
    try {
      const mobile = await phone.newPage();
      await mobile.goto(h.url('/gallery/'));
      await mobile.evaluate((survey) => {
        window.earshot.init({ endpoint: '/api/earshot', surveys: [{ id: 'mode', questions: [survey] }] });
        window.earshot.show('mode');
      }, SCORE);
      await mobile.getByRole('radio', { name: '0', exact: true }).waitFor();
      const box = (await mobile.locator('earshot-survey').boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(375);
      expect(box.y + box.height).toBeCloseTo(700, 0);
      const submit = (await mobile.getByRole('button', { name: 'Submit' }).boundingBox())!;
      expect(submit.height).toBeGreaterThanOrEqual(44);
    } finally {
      await phone.close();
    }
  });
});

describe('modal', () => {
  it('takes focus, never lets it reach the page while tabbing, closes on Escape and gives focus back to the opener', async () => {
    const page = await pageWithSurvey({ display: 'modal' });
    await page.evaluate(() => {
      const opener = document.querySelector<HTMLElement>('[data-theme-toggle]')!;
      opener.focus();
      opener.addEventListener('keydown', (event) => event.key === 'o' && window.earshot.show('mode'));
    });
    await page.keyboard.press('o');
    const dialog = page.getByRole('dialog', { name: 'Feedback survey' });
    await dialog.waitFor();
    expect(await page.locator('earshot-survey').evaluate((host) => host.shadowRoot!.querySelector('dialog')!.matches(':modal'))).toBe(true);
    expect(await focusOwner(page)).toBe('survey');
    // The page behind is inert: Tab goes round the survey's controls, and (as in every native modal
    // dialog) through the browser's own UI, which headless Chromium reports as nothing focused.
    const owners = new Set<string>();
    for (let presses = 0; presses < 16; presses++) {
      await page.keyboard.press('Tab');
      owners.add(await focusOwner(page));
    }
    expect([...owners].filter((owner) => owner !== 'nothing')).toEqual(['survey']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusOwner(page)).toBe('page:Dark theme');
    assertNoPageErrors(h.problems(page));
  });

  it('can be completed, delivering the answers', async () => {
    const page = await pageWithSurvey({ display: 'modal' });
    await page.evaluate(() => window.earshot.track('journey_point'));
    await answerAndSubmit(page, 4);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 4 });
  });
});

describe('inline', () => {
  it('renders into its target in the page flow, without a Close button, and keeps the thank-you text', async () => {
    const page = await pageWithSurvey({ display: 'inline', target: '#inline-slot' });
    await page.evaluate(() => window.earshot.track('journey_point'));
    await page.getByRole('region', { name: 'Feedback survey' }).waitFor();
    expect(await page.locator('#inline-slot earshot-survey').count()).toBe(1);
    expect(await page.locator('earshot-survey').evaluate((host) => getComputedStyle(host).position)).toBe('static');
    expect(await page.getByRole('button', { name: 'Close' }).count()).toBe(0);
    await answerAndSubmit(page, 10);
    await page.waitForTimeout(100);
    expect(await page.getByText('Thank you for your feedback!').isVisible()).toBe(true);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.answers).toEqual({ score: 10 });
  });

  it('reports a missing target through the error event and leaves the page working', async () => {
    const page = await pageWithSurvey({ display: 'inline', target: '#nowhere' });
    // Targeting decides once the visitor's state is loaded from IndexedDB, a moment after track().
    const errors = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          window.earshot.on('error', (error: { message: string }) => resolve([error.message]));
          window.earshot.track('journey_point');
        }),
    );
    expect(errors).toEqual(['survey "mode": inline target #nowhere is not on the page']);
    expect(await page.locator('earshot-survey').count()).toBe(0);
    assertNoPageErrors(h.problems(page), [/inline target #nowhere/]);
  });
});

describe('tab', () => {
  it('opens from the Feedback tab on the page edge, records a manual trigger, and gives focus back to the tab', async () => {
    const page = await pageWithSurvey({ display: 'tab', trigger: undefined });
    const tab = page.getByRole('button', { name: 'Feedback', exact: true });
    await tab.waitFor();
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width).toBeCloseTo(page.viewportSize()!.width, 0);
    await tab.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await focusOwner(page)).toBe('survey');
    await page.keyboard.press('Escape');
    await page.locator('earshot-survey').waitFor({ state: 'detached' });
    expect(await focusOwner(page)).toBe('tab');

    await tab.click();
    await answerAndSubmit(page, 6);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response).toMatchObject({ answers: { score: 6 }, trigger: { manual: true } });
    assertNoPageErrors(h.problems(page));
  });
});
