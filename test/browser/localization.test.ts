// A French and an Arabic visitor see the survey in their language, with the widget's own words
// from the locale files a page loads, and the Arabic one laid out right to left with its scales
// mirrored; the collector learns the locale and the question text as shown. Also the colour
// schemes and a theme from the config. `npm run screenshots` refreshes the pictures in docs/images/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { docsPicture } from './docs-pictures';

const h = useBrowserHarness();

const card = (page: Page) => page.locator('earshot-survey [part~="card"]');

async function photograph(page: Page, name: string): Promise<void> {
  await docsPicture(card(page), `${name}.png`);
}

async function openGallery(query: string): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1024, height: 760 });
  await page.goto(h.url(`/gallery/?${query}`));
  return page;
}

describe('a French visitor', () => {
  it('reads the survey and the widget in French, and the collector gets "fr" with the French question text', async () => {
    const page = await openGallery('lang=fr&open=every-type-popover');
    const question = 'Quelle est la probabilité que vous nous recommandiez à un ami ?';
    await page.getByRole('radiogroup', { name: question }).waitFor();
    expect(await card(page).getAttribute('lang')).toBe('fr');
    expect(await card(page).getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('dialog').getAttribute('aria-label')).toBe('Questionnaire de satisfaction');
    await expect.poll(() => page.locator('earshot-survey [part~="progress"]').textContent()).toBe('Question 1 sur 15');
    expect(await page.locator('earshot-survey [part~="labels"]').innerText()).toMatch(/Pas du tout probable\s+Très probable/);
    await page.getByRole('button', { name: 'Fermer' }).waitFor();

    await page.getByRole('button', { name: 'Suivant' }).click();
    expect((await page.getByRole('alert').textContent())?.trim()).toBe('Veuillez répondre à cette question pour continuer.');
    await page.getByRole('radio', { name: '9', exact: true }).click();
    await photograph(page, 'locale-fr-light');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('radio', { name: '4 étoiles' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();

    const [response] = await waitForResponses(h.server, 1, { where: (r) => 'stars' in r.answers });
    expect(response.locale).toBe('fr');
    expect(response.questions?.map((q) => q.text)).toEqual([question, 'Comment évaluez-vous votre commande ?']);
    assertNoPageErrors(h.problems(page));
  });
});

describe('an Arabic visitor', () => {
  it('reads the survey right to left, with 0 on the right of the scale and ArrowLeft moving up it', async () => {
    const page = await openGallery('lang=ar&open=every-type-popover');
    const question = 'ما مدى احتمال أن توصي بنا لصديق؟';
    await page.getByRole('radiogroup', { name: question }).waitFor();
    expect(await card(page).getAttribute('dir')).toBe('rtl');
    expect(await card(page).getAttribute('lang')).toBe('ar');
    expect(await card(page).evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await page.getByRole('button', { name: 'التالي' }).waitFor();
    await page.getByRole('button', { name: 'إغلاق' }).waitFor();

    // Mirrored: the scale starts on the right; so does its low-end label.
    const x = async (name: string) => (await page.getByRole('radio', { name, exact: true }).boundingBox())!.x;
    expect(await x('0')).toBeGreaterThan(await x('10'));
    const ends = page.locator('earshot-survey [part~="labels"] span');
    expect((await ends.first().boundingBox())!.x).toBeGreaterThan((await ends.last().boundingBox())!.x);
    expect(await ends.first().textContent()).toBe('غير محتمل على الإطلاق');

    // Asked for, so focus is on 0; in a right-to-left group the left arrow goes to the next point.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: '8', exact: true }).click();
    await photograph(page, 'locale-ar-light');
    await page.getByRole('button', { name: 'التالي' }).click();
    await page.getByRole('radio', { name: '3 نجوم' }).waitFor();

    const [response] = await waitForResponses(h.server, 1);
    expect(response).toMatchObject({ locale: 'ar', answers: { recommend: 8 } });
    expect(response.questions?.[0].text).toBe(question);
    assertNoPageErrors(h.problems(page));
  });

  it('looks right in the dark scheme too', async () => {
    const page = await openGallery('lang=ar&theme=dark&open=every-type-popover');
    await page.getByRole('radio', { name: '8', exact: true }).click();
    await photograph(page, 'locale-ar-dark');
    assertNoPageErrors(h.problems(page));
  });
});

describe('choosing the locale', () => {
  it("follows the page's lang when the config names none, with a table added from dist/locales/*.json", async () => {
    const page = await h.newPage();
    await page.goto(h.url('/gallery/'));
    await page.evaluate(async () => {
      document.documentElement.lang = 'de-AT';
      window.earshot.addLocale('de', await (await fetch('/dist/locales/de.json')).json());
      window.earshot.addLocale('de', { submit: 'Los!' });
      window.earshot.init({
        endpoint: '/api/earshot',
        surveys: [{ id: 'de', questions: [{ id: 'score', type: 'nps', text: 'Wie wahrscheinlich ist es, dass Sie uns empfehlen?' }] }],
      });
      window.earshot.show('de');
    });
    await page.getByRole('button', { name: 'Los!' }).waitFor();
    expect(await card(page).getAttribute('lang')).toBe('de-AT');
    await page.getByRole('button', { name: 'Schließen' }).waitFor();
    await page.getByRole('radio', { name: '10', exact: true }).click();
    await page.getByRole('button', { name: 'Los!' }).click();
    await page.getByText('Vielen Dank für Ihr Feedback!').waitFor();
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    expect(response.locale).toBe('de-AT');
  });

  it("shows a survey that has no version in the visitor's locale in its default language, words and layout included", async () => {
    const page = await h.newPage();
    await page.goto(h.url('/gallery/'));
    await page.evaluate(() => {
      window.earshot.init({
        endpoint: '/api/earshot',
        locale: 'ja',
        surveys: [{ id: 'fr-only', language: 'fr', questions: [{ id: 'ok', type: 'thumbs', text: { fr: 'Tout va bien ?', ar: 'هل كل شيء على ما يرام؟' } }] }],
      });
      window.earshot.show('fr-only');
    });
    await page.getByRole('radiogroup', { name: 'Tout va bien ?' }).waitFor();
    expect(await card(page).getAttribute('lang')).toBe('fr');
    await page.getByRole('radio', { name: 'Pouce levé' }).waitFor();
  });
});

describe('colour schemes and themes', () => {
  const surface = (page: Page) => card(page).evaluate((element) => getComputedStyle(element).backgroundColor);
  const showWith = (page: Page, config: Record<string, unknown>) =>
    page.evaluate((config) => {
      window.earshot.init({
        endpoint: '/api/earshot',
        ...config,
        surveys: [{ id: 'look', questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }] }],
      });
      window.earshot.show('look');
    }, config);

  it('follows prefers-color-scheme with colorScheme "auto", and stays light by default', async () => {
    const page = await h.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(h.url('/gallery/'));
    await showWith(page, { colorScheme: 'auto' });
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await surface(page)).toBe('rgb(28, 31, 38)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await surface(page)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await showWith(page, {});
    await page.getByRole('radio', { name: '0', exact: true }).waitFor();
    expect(await surface(page)).toBe('rgb(255, 255, 255)');
  });

  it('applies theme from the config as custom properties, with dark colours for the dark scheme', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/gallery/'));
    const theme = { accent: '#006b54', radius: 4, font: 'Georgia, serif', dark: { accent: '#7ee0c3', surface: '#0b1f1a' } };
    await showWith(page, { theme, colorScheme: 'light' });
    const next = page.getByRole('button', { name: 'Submit' });
    await next.waitFor();
    const look = () =>
      Promise.all([
        next.evaluate((button) => getComputedStyle(button).backgroundColor),
        card(page).evaluate((element) => [getComputedStyle(element).borderTopLeftRadius, getComputedStyle(element).fontFamily]),
        surface(page),
      ]);
    expect(await look()).toEqual(['rgb(0, 107, 84)', ['4px', 'Georgia, serif'], 'rgb(255, 255, 255)']);
    await showWith(page, { theme, colorScheme: 'dark' });
    await next.waitFor();
    expect(await look()).toEqual(['rgb(126, 224, 195)', ['4px', 'Georgia, serif'], 'rgb(11, 31, 26)']);
    assertNoPageErrors(h.problems(page));
  });
});
