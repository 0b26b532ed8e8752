import { beforeAll, describe, expect, it } from 'vitest';
import { createResponse } from '../../../src/core/delivery/response.js';
import { TEMPLATE_TEXT } from '../../../src/core/definition/templates.js';
import { contentVerdict, loadContentCheck } from '../../../src/core/definition/unchecked.js';
import type { Survey } from '../../../src/core/types.js';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';
import { validateConfig } from '../../../src/core/definition/validate.js';

/** The surveys `init` would run for these definitions, or the problems it would throw. */
function resolve(...surveys: unknown[]) {
  const { config, problems } = validateWholeConfig({ endpoint: '/api/earshot', surveys });
  return { surveys: config?.surveys ?? [], problems };
}

/** The survey as shown: `init` keeps it as written, and its check (loaded on demand, bundled here) expands its template. */
const only = (survey: unknown): Survey => {
  const { surveys, problems } = resolve(survey);
  expect(problems).toEqual([]);
  const verdict = contentVerdict(surveys[0]);
  expect(verdict?.problems).toEqual([]);
  return verdict!.survey!;
};

const AGREE_7 = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'];

describe('templates expand with the check of what a survey asks into the standard items', () => {
  beforeAll(() => loadContentCheck());

  it('stay as written at init: their words come with the check, not with the core', () => {
    expect(validateConfig({ endpoint: '/api/earshot', surveys: [{ id: 'rel', template: 'nps' }] }).config?.surveys).toEqual([{ id: 'rel', template: 'nps' }]);
  });

  it('nps: the recommend question 0–10 and an optional reason', () => {
    expect(only({ id: 'rel', template: 'nps', product: 'Acme' }).questions).toEqual([
      { id: 'nps', type: 'nps', text: 'How likely is it that you would recommend Acme to a friend or colleague?' },
      { id: 'nps_reason', type: 'text', text: 'What is the primary reason for your score?', optional: true },
    ]);
  });

  it('nps without a product asks about "us"', () => {
    expect(only({ id: 'rel', template: 'nps' }).questions[0].text).toBe('How likely is it that you would recommend us to a friend or colleague?');
  });

  it('csat: one labelled 1–5 question', () => {
    expect(only({ id: 'sat', template: 'csat', product: 'the checkout' }).questions).toEqual([
      { id: 'csat', type: 'csat', text: 'Overall, how satisfied are you with the checkout?' },
    ]);
  });

  it('ces: the CES 2.0 agreement item on 1–7, labelled Strongly disagree … Strongly agree', () => {
    expect(only({ id: 'effort', template: 'ces' }).questions).toEqual([{ id: 'ces', type: 'ces', text: 'The company made it easy for me to handle my issue.', labels: AGREE_7 }]);
  });

  it('sus: the ten published items in order, 1–5, labelled at both ends', () => {
    const questions = only({ id: 'ux', template: 'sus' }).questions;
    expect(questions.map((q) => q.id)).toEqual(['sus1', 'sus2', 'sus3', 'sus4', 'sus5', 'sus6', 'sus7', 'sus8', 'sus9', 'sus10']);
    for (const question of questions) {
      expect(question).toMatchObject({ type: 'rating', scale: 5, lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' });
      expect(question.optional).toBeUndefined();
    }
    // Odd items are worded positively, even ones negatively, as Brooke published them.
    expect(questions[0].text).toBe('I think that I would like to use this system frequently.');
    expect(questions[1].text).toBe('I found the system unnecessarily complex.');
    expect(questions[9].text).toBe('I needed to learn a lot of things before I could get going with this system.');
  });

  it('sus with "layout": "matrix": one step, the ten items as rows with their ids and words, on the same points 1–5', () => {
    const [matrix, ...rest] = only({ id: 'ux', template: 'sus', layout: 'matrix', templateText: { sus2: 'Too complex.' } }).questions;
    expect(rest).toEqual([]);
    const items = only({ id: 'ux', template: 'sus', templateText: { sus2: 'Too complex.' } }).questions;
    expect(matrix).toEqual({
      id: 'sus',
      type: 'matrix',
      text: 'How much do you agree with each statement?',
      rows: items.map(({ id, text }) => ({ id, label: text })),
      columns: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'].map((label, index) => ({ value: index + 1, label })),
    });
  });

  it('umux-lite with "layout": "matrix": its two items as rows on 1–7, each point labelled', () => {
    expect(only({ id: 'ux', template: 'umux-lite', layout: 'matrix', templateText: { agreement: 'Do you agree?' } }).questions).toEqual([
      {
        id: 'umux',
        type: 'matrix',
        text: 'Do you agree?',
        rows: [
          { id: 'umux1', label: "This system's capabilities meet my requirements." },
          { id: 'umux2', label: 'This system is easy to use.' },
        ],
        columns: AGREE_7.map((label, index) => ({ value: index + 1, label })),
      },
    ]);
  });

  it('umux-lite: its two items on 1–7', () => {
    expect(only({ id: 'ux', template: 'umux-lite' }).questions).toEqual([
      { id: 'umux1', type: 'rating', scale: 7, text: "This system's capabilities meet my requirements.", lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' },
      { id: 'umux2', type: 'rating', scale: 7, text: 'This system is easy to use.', lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' },
    ]);
  });

  it('pmf: the disappointment question naming the product, answered by fixed ids', () => {
    expect(only({ id: 'fit', template: 'pmf', product: 'Earshot' }).questions).toEqual([
      {
        id: 'pmf',
        type: 'choice',
        text: 'How would you feel if you could no longer use Earshot?',
        options: [
          { id: 'very_disappointed', label: 'Very disappointed' },
          { id: 'somewhat_disappointed', label: 'Somewhat disappointed' },
          { id: 'not_disappointed', label: 'Not disappointed' },
        ],
      },
    ]);
  });

  it('appends the survey’s own questions after the template’s, and rules may refer to template items', () => {
    const survey = only({
      id: 'rel',
      template: 'nps',
      questions: [{ id: 'fix', type: 'text', text: 'What should we fix first?', if: { question: 'nps', lte: 6 } }],
    });
    expect(survey.questions.map((q) => q.id)).toEqual(['nps', 'nps_reason', 'fix']);
    expect(survey.template).toBe('nps');
  });

  it('takes replacement words from templateText (another language), keeping ids and answers', () => {
    const survey = only({
      id: 'fit',
      template: 'pmf',
      product: 'Earshot',
      templateText: { pmf: 'Wie wäre es für Sie, wenn Sie {product} nicht mehr nutzen könnten?', pmf_options: 'Sehr enttäuscht|Etwas enttäuscht|Nicht enttäuscht' },
    });
    expect(survey.questions[0]).toMatchObject({
      id: 'pmf',
      text: 'Wie wäre es für Sie, wenn Sie Earshot nicht mehr nutzen könnten?',
      options: [
        { id: 'very_disappointed', label: 'Sehr enttäuscht' },
        { id: 'somewhat_disappointed', label: 'Etwas enttäuscht' },
        { id: 'not_disappointed', label: 'Nicht enttäuscht' },
      ],
    });
  });

  it('leaves the host’s definition untouched', () => {
    const definition = { id: 'ux', template: 'sus' };
    only(definition);
    expect(definition).toEqual({ id: 'ux', template: 'sus' });
  });

  it('keeps every English word in one table', () => {
    expect(Object.keys(TEMPLATE_TEXT)).toContain('sus10');
  });
});

describe('template mistakes are config errors with their paths', () => {
  it('an unknown template', () => {
    expect(resolve({ id: 'ux', template: 'sus2' }).problems).toEqual(['surveys[0].template: expected one of nps, csat, ces, sus, umux-lite, pmf (got "sus2")']);
  });

  it('pmf without a product', () => {
    expect(resolve({ id: 'fit', template: 'pmf' }).problems).toEqual(['surveys[0].product: is required for "template": "pmf"']);
  });

  it('an extra question reusing a template id', () => {
    expect(resolve({ id: 'sat', template: 'csat', questions: [{ id: 'csat', type: 'thumbs', text: 'Again?' }] }).problems).toEqual([
      'surveys[0].questions[0].id: duplicate question id "csat"',
    ]);
  });

  it('too many questions once the template’s are counted', () => {
    const extra = Array.from({ length: 41 }, (_, i) => ({ id: `q${i}`, type: 'thumbs', text: 'Ok?' }));
    expect(resolve({ id: 'ux', template: 'sus', questions: extra }).problems).toEqual([expect.stringMatching(/^surveys\[0\]\.questions: expected a list of 0 to 40 questions/)]);
  });

  it('templateText lists with the wrong number of labels, and unknown keys as warnings', () => {
    const { problems, warnings } = validateWholeConfig({
      endpoint: '/api/earshot',
      surveys: [{ id: 'e', template: 'ces', templateText: { agree: 'No|Yes', ces: '', nope: 'x' } }],
    });
    expect(problems).toEqual([
      'surveys[0].templateText.agree: expected 7 labels separated by | (got "No|Yes")',
      expect.stringMatching(/^surveys\[0\]\.templateText\.ces: expected a non-empty string/),
    ]);
    expect(warnings).toEqual(['surveys[0].templateText.nope: unknown key, ignored']);
  });

  it('a template name that is an Object property is still unknown', () => {
    expect(resolve({ id: 'ux', template: 'constructor' }).problems[0]).toMatch(/^surveys\[0\]\.template: expected one of/);
  });
});

describe('responses name their template', () => {
  it('carries `template` so a collector can score the survey', () => {
    const survey = only({ id: 'ux', template: 'umux-lite' });
    const response = createResponse({ survey, trigger: { manual: true }, locale: 'en' }, { umux1: 6, umux2: 7 }, true);
    expect(response).toMatchObject({ surveyId: 'ux', template: 'umux-lite', answers: { umux1: 6, umux2: 7 } });
    expect(response.questions.map((q) => q.id)).toEqual(['umux1', 'umux2']);
  });

  it('has no `template` for a survey without one', () => {
    const survey = only({ id: 'plain', questions: [{ id: 'ok', type: 'thumbs', text: 'Ok?' }] });
    expect('template' in createResponse({ survey, trigger: { manual: true }, locale: 'en' }, { ok: 1 }, true)).toBe(false);
  });
});
