// What a survey asks (its questions, thank-you step, template combinations, recalled values) is
// checked just before it first shows, not by `init` (docs/architecture.md §7): a
// wrong definition never shows a broken survey, never throws into the page, and every problem is
// still reported with its path; with `debug: true` all of them are reported at init.
import { describe, expect, it, vi } from 'vitest';
import { init, on, show, track, type EarshotConfig, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';

usePublicApiPage();

const good: Survey = {
  id: 'good',
  trigger: { event: 'checkout_completed' },
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};

/** Identity and targeting fine; two questions wrong, and a thank-you link that is no URL. */
const broken = {
  id: 'broken',
  trigger: { event: 'checkout_completed' },
  priority: 10,
  questions: [
    { id: 'stars', type: 'ratng', text: 'Rate us' },
    { id: 'stars', type: 'text', text: 'Why?', colour: 'red' },
  ],
  thanks: { text: 'Thanks', link: { label: 'More', url: 'javascript:alert(1)' } },
} as unknown as Survey;

const BROKEN_PROBLEMS = [
  'surveys[0].questions[0].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")',
  'surveys[0].questions[1].id: duplicate question id "stars"',
  'surveys[0].thanks.link.url: expected an http(s) URL, absolute or relative to the page (got "javascript:alert(1)")',
];

let errors: EarshotEvents['error'][] = [];
let shown: string[] = [];

async function start(config: Partial<EarshotConfig>): Promise<void> {
  errors = [];
  shown = [];
  init({ endpoint: '/api/earshot', locale: 'en', ...config });
  on('error', (error) => errors.push(error));
  on('shown', ({ surveyId }) => shown.push(surveyId));
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];

describe('a survey whose questions are wrong', () => {
  it('does not make init throw; it never shows, every problem is reported with its path, and the other surveys still show', async () => {
    await expect(start({ surveys: [broken, good] })).resolves.toBeUndefined();
    expect(errors).toEqual([]);

    // `broken` goes first (priority): refused at the moment it would have shown.
    track('checkout_completed');
    await settle();
    expect(shown).toEqual([]);
    expect(widgets()).toHaveLength(0);
    expect(errors).toEqual([{ code: 'definition', message: `survey "broken" is not shown: ${BROKEN_PROBLEMS.join('; ')}` }]);

    // Asked for again, it still never shows; the page's other surveys work.
    show('broken');
    await settle();
    expect(widgets()).toHaveLength(0);
    show('good');
    await settle();
    expect(shown).toEqual(['good']);
    expect(widgets()).toHaveLength(1);
  });

  it('is reported with its path when the check finds a rule or a template mistake', async () => {
    const pmf = { id: 'pmf', template: 'pmf', questions: [{ id: 'why', type: 'text', text: 'Why, {{answers.nope}}?' }] } as unknown as Survey;
    await start({ surveys: [good, pmf] });
    show('pmf');
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(errors).toEqual([
      {
        code: 'definition',
        message:
          'survey "pmf" is not shown: surveys[1].product: is required for "template": "pmf"; surveys[1].questions[0].text: {{answers.nope}}: expected the id of a question asked before this text',
      },
    ]);
  });

  it('offers no "Feedback" tab for a tab survey whose questions are wrong', async () => {
    await start({ surveys: [{ ...broken, id: 'tabbed', display: 'tab', trigger: undefined, priority: undefined } as unknown as Survey] });
    expect(document.querySelector('earshot-feedback-tab')).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('survey "tabbed" is not shown: surveys[0].questions[0].type');
  });
});

describe('debug: true', () => {
  it('reports every problem of every survey at init, before any journey point, in the console and as error events', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const second = { ...broken, id: 'broken-too', questions: [{ id: 'q', type: 'choice', text: 'Pick', options: ['A'] }], thanks: undefined } as unknown as Survey;
    await start({ debug: true, surveys: [broken, good, second] });
    expect(shown).toEqual([]);
    expect(errors).toEqual([
      { code: 'definition', message: `survey "broken" will not show: ${BROKEN_PROBLEMS.join('; ')}` },
      { code: 'definition', message: 'survey "broken-too" will not show: surveys[2].questions[0].options: expected a list of 2 to 30 options (got ["A"])' },
    ]);
    const printed = warn.mock.calls.map(([line]) => String(line));
    for (const problem of [...BROKEN_PROBLEMS, 'surveys[2].questions[0].options: expected a list of 2 to 30 options']) {
      expect(printed.some((line) => line.includes(problem))).toBe(true);
    }
    // An unknown key in a question is a warning, printed at init too.
    expect(printed).toContain('earshot: surveys[0].questions[1].colour: unknown key, ignored');
  });
});
