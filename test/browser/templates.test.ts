// Survey templates in a real Chromium with the real bundle: each one-line template shows its
// standard items with their published wording, is answered by role and name, and delivers its
// answers under the fixed ids with `template` set; the results page then shows the standard score
// the answers imply. `npm run screenshots` refreshes the picture of those scores in docs/images/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { templateQuestions } from '../../src/core/definition/templates';
import type { SurveyTemplate } from '../../src/core/types';
import { assertNoPageErrors, useBrowserHarness, waitForResponses } from './harness';
import { docsPicture } from './docs-pictures';

const THANKS = 'Thank you — this helps us improve.';
const VISIBLE = { state: 'visible', timeout: 10_000 } as const;

/** What examples/templates/templates.js passes as `product`. */
const PRODUCTS: Partial<Record<SurveyTemplate, string>> = { nps: 'Earshot Mugs', csat: 'your order', pmf: 'Earshot Mugs' };

const h = useBrowserHarness();

type Answers = Record<string, number | string>;

/** Answers the survey `template` (opened on the templates page) item by item, as a screen reader user would. */
async function answerTemplate(page: Page, template: SurveyTemplate, answers: Answers): Promise<void> {
  await page.goto(h.url(`/templates/?open=${template}`));
  const items = templateQuestions({ template, product: PRODUCTS[template] });
  for (const [index, question] of items.entries()) {
    const value = answers[question.id];
    // A template's items are in English, one string each.
    const name = question.text as string;
    const group = page.getByRole('radiogroup', { name, exact: true }).or(page.getByRole('group', { name, exact: true }));
    if (question.type === 'text') {
      const box = page.getByRole('textbox', { name, exact: true });
      await box.waitFor(VISIBLE);
      if (value !== undefined) await box.fill(String(value));
    } else if (question.type === 'choice') {
      await group.waitFor(VISIBLE);
      const option = question.options.find((o) => typeof o !== 'string' && o.id === value) as { label: string };
      await group.getByRole('radio', { name: option.label, exact: true }).click();
    } else {
      await group.waitFor(VISIBLE);
      // Every scale's radios are named by their number first ("6 Agree", "10").
      await group.getByRole('radio', { name: new RegExp(`^${value}\\b`) }).click();
    }
    await page.getByRole('button', { name: index === items.length - 1 ? 'Submit' : 'Next', exact: true }).click();
  }
  await page.getByText(THANKS, { exact: true }).waitFor(VISIBLE);
  await page.evaluate(() => (window as unknown as { earshot: { flush(): Promise<void> } }).earshot.flush());
}

/** One complete answer per template, as delivered. */
const ONE_EACH: Array<[SurveyTemplate, Answers]> = [
  ['nps', { nps: 9, nps_reason: 'Sturdy mugs' }],
  ['csat', { csat: 4 }],
  ['ces', { ces: 6 }],
  ['sus', { sus1: 4, sus2: 2, sus3: 5, sus4: 1, sus5: 4, sus6: 2, sus7: 4, sus8: 3, sus9: 5, sus10: 2 }],
  ['umux-lite', { umux1: 6, umux2: 7 }],
  ['pmf', { pmf: 'somewhat_disappointed' }],
];

describe('survey templates', () => {
  it.each(ONE_EACH)('%s shows its standard items and delivers them under their fixed ids', async (template, answers) => {
    const page = await h.newPage();
    await answerTemplate(page, template, answers);
    const [response] = await waitForResponses(h.server, 1, { where: (r) => r.completed });
    const items = templateQuestions({ template, product: PRODUCTS[template] });
    expect(response).toMatchObject({ surveyId: template, template, completed: true, answers });
    expect(response.questions?.map(({ id, type, text }) => ({ id, type, text }))).toEqual(items.map(({ id, type, text }) => ({ id, type, text })));
    assertNoPageErrors(h.problems(page));
  });

  it('shows on the results page the score each template’s answers imply, with its sample size', async () => {
    const SUS = (odd: number, even: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`sus${i + 1}`, i % 2 === 0 ? odd : even]));
    const visits: Array<[SurveyTemplate, Answers]> = [
      ['sus', SUS(4, 2)], // 75
      ['sus', SUS(5, 1)], // 100
      ['sus', SUS(3, 3)], // 50 → mean 75.0
      ['umux-lite', { umux1: 6, umux2: 7 }], // 91.67
      ['umux-lite', { umux1: 4, umux2: 4 }], // 50 → mean 70.8, SUS-comparable 0.65 × 70.83 + 22.9 = 68.9
      ['nps', { nps: 10 }],
      ['nps', { nps: 9 }],
      ['nps', { nps: 3 }], // 67% − 33% = +33
      ['csat', { csat: 5 }],
      ['csat', { csat: 2 }], // 50%
      ['ces', { ces: 6 }],
      ['ces', { ces: 3 }], // 4.5
      ['pmf', { pmf: 'very_disappointed' }],
      ['pmf', { pmf: 'not_disappointed' }],
      ['pmf', { pmf: 'very_disappointed' }], // 67%, above the 40% line
    ];
    const page = await h.newPage();
    for (const [template, answers] of visits) await answerTemplate(page, template, answers);
    await waitForResponses(h.server, visits.length, { where: (r) => r.completed });

    const results = await h.newPage();
    await results.setViewportSize({ width: 1200, height: 900 });
    await results.goto(h.url('/results'));
    const card = async (template: string) => {
      const score = results.locator(`.score[data-template="${template}"]`);
      const text = async (selector: string) => ((await score.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
      return [await text('.score-value'), await text('.score-sample')];
    };
    const small = 'small sample: fewer than 10';
    expect(await card('sus')).toEqual(['75.0', `n = 3 scored responses ${small}`]);
    expect(await card('umux-lite')).toEqual(['70.8', `n = 2 scored responses ${small}`]);
    await expect(results.locator('.score[data-template="umux-lite"]').getByText('SUS-comparable (0.65 × score + 22.9): 68.9').count()).resolves.toBe(1);
    expect(await card('nps')).toEqual(['+33', `n = 3 answers ${small}`]);
    await expect(results.locator('.score[data-template="nps"]').getByText('Promoters 67% · Passives 0% · Detractors 33%').count()).resolves.toBe(1);
    expect(await card('csat')).toEqual(['50%', `n = 2 answers ${small}`]);
    expect(await card('ces')).toEqual(['4.5', `n = 2 answers ${small}`]);
    expect(await card('pmf')).toEqual(['67%', `n = 3 answers ${small}`]);
    await expect(results.getByRole('img', { name: 'Very disappointed against the 40% benchmark' }).count()).resolves.toBe(1);

    // The JSON API gives the same figures.
    const api = await (await fetch(h.url('/api/earshot/scores?survey=sus'))).json();
    expect(api.scores).toEqual([expect.objectContaining({ template: 'sus', mean: 75, sampleSize: 3, unscored: 0, smallSample: true })]);

    // The picture shows the score parts only, one survey after another.
    await results.evaluate(() => {
      for (const part of document.querySelectorAll('.survey > .part')) if (!part.querySelector('.scores')) part.remove();
    });
    await docsPicture(results, 'results-templates.png', { fullPage: true });
    assertNoPageErrors(h.problems(page));
    assertNoPageErrors(h.problems(results));
    // Fifteen visits, three of them through the ten SUS items, on a 2-core machine.
  }, 180_000);
});
