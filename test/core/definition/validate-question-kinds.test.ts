// The question kinds of issue #22 (matrix, ranking, slider, call to action), text formats and
// pictures on choice options: what a correct definition looks like, and each mistake reported
// with its path.
import { describe, expect, it } from 'vitest';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';
import { asAsked } from '../../../src/core/definition/unchecked.js';

const config = (questions: unknown[], survey: Record<string, unknown> = {}) => ({ endpoint: '/api/earshot', surveys: [{ id: 'kinds', questions, ...survey }] });
const problemsOf = (questions: unknown[], survey?: Record<string, unknown>) => validateWholeConfig(config(questions, survey)).problems;
const warningsOf = (questions: unknown[], survey?: Record<string, unknown>) => validateWholeConfig(config(questions, survey)).warnings;

const grid = {
  id: 'grid',
  type: 'matrix',
  text: 'How much do you agree?',
  rows: [
    { id: 'easy', label: 'It was easy' },
    { id: 'fast', label: { en: 'It was fast', fr: 'C’était rapide' } },
  ],
  columns: [
    { value: 1, label: 'Disagree' },
    { value: 2, label: 'Neutral' },
    { value: 3, label: 'Agree' },
  ],
};
const order = {
  id: 'order',
  type: 'ranking',
  text: 'Rank what matters most',
  options: [{ id: 'price', label: 'Price' }, 'Quality', { id: 'speed', label: 'Speed' }],
  shuffle: true,
};
const budget = { id: 'budget', type: 'slider', text: 'Your budget?', min: 0, max: 100, step: 5, labels: { min: 'None', max: 'A lot' } };
const book = { id: 'book', type: 'cta', text: 'Want a demo?', body: 'Twenty minutes with our team.', button: { label: 'Book a call', url: 'https://example.com/book' } };
const email = { id: 'email', type: 'text', text: 'Your email?', format: 'email', optional: true };
const mugs = {
  id: 'mug',
  type: 'choice',
  text: 'Which mug?',
  options: [
    { id: 'blue', label: 'Blue', image: 'https://cdn.example/blue.png', alt: 'A blue mug' },
    { id: 'red', label: 'Red', image: '/img/red mug.png', alt: { en: 'A red mug', fr: 'Une tasse rouge' } },
    'Neither',
  ],
};

describe('validateConfig: the kinds of issue #22', () => {
  it('accepts each kind with every field, with no problem and no warning', () => {
    const result = validateWholeConfig(config([grid, order, budget, book, email, mugs, { ...book, id: 'next', button: { label: 'Continue' } }]));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['a matrix without rows', { ...grid, rows: undefined }, ['surveys[0].questions[0].rows: is required']],
    [
      'a matrix with one column',
      { ...grid, columns: [{ value: 1, label: 'Yes' }] },
      ['surveys[0].questions[0].columns: expected a list of 2 to 11 columns (got [{"value":1,"label":"Yes"}])'],
    ],
    [
      'a matrix with 12 columns',
      { ...grid, columns: Array.from({ length: 12 }, (_, i) => ({ value: i, label: `${i}` })) },
      [expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.columns: expected a list of 2 to 11 columns/)],
    ],
    [
      'a matrix with 21 rows',
      { ...grid, rows: Array.from({ length: 21 }, (_, i) => ({ id: `r${i}`, label: `${i}` })) },
      [expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.rows: expected a list of 1 to 20 rows/)],
    ],
    ['two rows with one id', { ...grid, rows: [grid.rows[0], { id: 'easy', label: 'Again' }] }, ['surveys[0].questions[0].rows[1]: duplicate row "easy"']],
    ['two columns with one value', { ...grid, columns: [grid.columns[0], { value: 1, label: 'Also 1' }] }, ['surveys[0].questions[0].columns[1]: duplicate column 1']],
    [
      'a column value that is a string',
      { ...grid, columns: [{ value: '1', label: 'One' }, grid.columns[1]] },
      ['surveys[0].questions[0].columns[0].value: expected a number from -1000000000 to 1000000000 (got "1")'],
    ],
    ['a row without label', { ...grid, rows: [{ id: 'easy' }] }, ['surveys[0].questions[0].rows[0].label: is required']],
    [
      'a row id that keys another kind of answer',
      { ...grid, rows: [{ id: 'other', label: 'Other things' }] },
      ['surveys[0].questions[0].rows[0].id: "other" keys another kind of answer; choose another id'],
    ],
    ['a ranking of one option', { ...order, options: ['Only'] }, ['surveys[0].questions[0].options: expected a list of 2 to 10 options (got ["Only"])']],
    ['a ranking of 11 options', { ...order, options: Array.from({ length: 11 }, (_, i) => `o${i}`) }, [expect.stringMatching(/options: expected a list of 2 to 10 options/)]],
    ['a ranking with a picture', { ...order, options: [{ id: 'a', label: 'A', image: '/a.png', alt: 'A' }, 'B'] }, []],
    ['a slider without max', { ...budget, max: undefined }, ['surveys[0].questions[0].max: is required']],
    ['a slider whose max is not above min', { ...budget, max: 0 }, ['surveys[0].questions[0].max: expected a number above "min" (got 0)']],
    ['a slider whose step does not divide the range', { ...budget, step: 30 }, ['surveys[0].questions[0].step: expected a step that divides max - min (100) (got 30)']],
    ['a slider step of 0', { ...budget, step: 0 }, ['surveys[0].questions[0].step: expected a number above 0 (got 0)']],
    [
      'a slider end label that is blank',
      { ...budget, labels: { min: ' ' } },
      ['surveys[0].questions[0].labels.min: expected a non-empty string of at most 200 characters (got " ")'],
    ],
    ['a call to action without button', { ...book, button: undefined }, ['surveys[0].questions[0].button: is required']],
    ['a call to action whose button has no label', { ...book, button: { url: '/book' } }, ['surveys[0].questions[0].button.label: is required']],
    [
      'a javascript: link on a call to action',
      { ...book, button: { label: 'Go', url: 'javascript:alert(1)' } },
      ['surveys[0].questions[0].button.url: expected an http(s) URL, absolute or relative to the page (got "javascript:alert(1)")'],
    ],
    ['a data: link on a call to action', { ...book, button: { label: 'Go', url: 'data:text/html,hi' } }, [expect.stringMatching(/button\.url: expected an http\(s\) URL/)]],
    ['an unknown text format', { ...email, format: 'zip' }, ['surveys[0].questions[0].format: expected one of email, url, phone, number, date (got "zip")']],
    ['a text format on several lines', { ...email, multiline: true }, ['surveys[0].questions[0].multiline: a text with a "format" is one line']],
    ['a picture without alt', { ...mugs, options: [{ id: 'blue', label: 'Blue', image: '/blue.png' }, 'Red'] }, ['surveys[0].questions[0].options[0].alt: is required']],
    [
      'an alt without picture',
      { ...mugs, options: [{ id: 'blue', label: 'Blue', alt: 'A blue mug' }, 'Red'] },
      ['surveys[0].questions[0].options[0].alt: applies only with "image"'],
    ],
    [
      'a picture over http:',
      { ...mugs, options: [{ id: 'b', label: 'B', image: 'http://cdn.example/b.png', alt: 'B' }, 'R'] },
      [expect.stringMatching(/options\[0\]\.image: expected an https: URL, or a path relative to the page/)],
    ],
    [
      'a picture as data:',
      { ...mugs, options: [{ id: 'b', label: 'B', image: 'data:image/png;base64,AAAA', alt: 'B' }, 'R'] },
      [expect.stringMatching(/options\[0\]\.image: expected an https: URL/)],
    ],
    [
      'a picture as javascript:',
      { ...mugs, options: [{ id: 'b', label: 'B', image: 'javascript:alert(1)', alt: 'B' }, 'R'] },
      [expect.stringMatching(/options\[0\]\.image: expected an https: URL/)],
    ],
    [
      'a picture from another scheme-relative host',
      { ...mugs, options: [{ id: 'b', label: 'B', image: '//cdn.example/b.png', alt: 'B' }, 'R'] },
      [expect.stringMatching(/options\[0\]\.image: expected an https: URL/)],
    ],
    ['a blank picture', { ...mugs, options: [{ id: 'b', label: 'B', image: ' ', alt: 'B' }, 'R'] }, [expect.stringMatching(/options\[0\]\.image: expected an https: URL/)]],
  ])('reports %s with its path', (_case, question, problems) => {
    const found = problemsOf([question]);
    // A picture on a ranking option is no field of it: a warning, as for any unknown key.
    if (problems.length === 0)
      return expect(warningsOf([question])).toEqual([
        'surveys[0].questions[0].options[0].image: unknown key, ignored',
        'surveys[0].questions[0].options[0].alt: unknown key, ignored',
      ]);
    expect(found).toEqual(problems);
  });

  it('lets a rule on a matrix, a ranking or a call to action ask only whether it was answered', () => {
    const after = (question: string, test: Record<string, unknown>) => ({ id: 'then', type: 'text', text: 'Why?', if: { question, ...test } });
    expect(
      problemsOf([
        grid,
        order,
        book,
        after('grid', { answered: true }),
        { ...after('order', { answered: false }), id: 'then2' },
        { ...after('book', { answered: true }), id: 'then3' },
      ]),
    ).toEqual([]);
    expect(
      problemsOf([grid, order, book, after('grid', { eq: 3 }), { ...after('order', { in: ['price'] }), id: 'then2' }, { ...after('book', { eq: true }), id: 'then3' }]),
    ).toEqual([
      'surveys[0].questions[3].if.eq: a rule on a "matrix" question may only ask whether it was "answered"',
      'surveys[0].questions[4].if.in: a rule on a "ranking" question may only ask whether it was "answered"',
      'surveys[0].questions[5].if.eq: a rule on a "cta" question may only ask whether it was "answered"',
    ]);
    // A slider's number and a formatted text compare as any answer.
    expect(problemsOf([budget, after('budget', { gte: 50 }), { ...email, optional: false }, { ...after('email', { neq: 'a@b.example' }), id: 'then2' }])).toEqual([]);
  });
});

describe('validateConfig: "layout": "matrix"', () => {
  it('shows the items of sus and umux-lite as one matrix, with the template id and the items as rows', () => {
    const { config: sus } = validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ id: 'sus', template: 'sus', layout: 'matrix' }] });
    // The check of what a survey asks (bundled in the unit tests) expands its template.
    expect(asAsked(sus!.surveys[0]).questions.map(({ id, type }) => [id, type])).toEqual([['sus', 'matrix']]);
    const { config: umux } = validateWholeConfig({
      endpoint: '/api/earshot',
      surveys: [{ id: 'umux', template: 'umux-lite', layout: 'matrix', questions: [{ id: 'why', type: 'text', text: 'Why?', if: { question: 'umux', answered: true } }] }],
    });
    expect(asAsked(umux!.surveys[0]).questions.map(({ id, type }) => [id, type])).toEqual([
      ['umux', 'matrix'],
      ['why', 'text'],
    ]);
  });

  it('is for those two templates only, and keeps the item ids from other questions', () => {
    expect(validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ id: 'n', template: 'nps', layout: 'matrix' }] }).problems).toEqual([
      'surveys[0].layout: "matrix" applies to the templates sus and umux-lite',
    ]);
    expect(validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ ...config([])['surveys'][0], questions: [grid], layout: 'matrix' }] }).problems).toEqual([
      'surveys[0].layout: "matrix" applies to the templates sus and umux-lite',
    ]);
    expect(validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ id: 's', template: 'sus', layout: 'grid' }] }).problems).toEqual([
      'surveys[0].layout: expected one of steps, matrix (got "grid")',
    ]);
    expect(
      validateWholeConfig({ endpoint: '/api/earshot', surveys: [{ id: 's', template: 'sus', layout: 'matrix', questions: [{ id: 'sus3', type: 'thumbs', text: '?' }] }] }).problems,
    ).toEqual(['surveys[0].questions[0].id: duplicate question id "sus3"']);
    // Rules name the matrix, whose rows are no questions of their own.
    expect(
      validateWholeConfig({
        endpoint: '/api/earshot',
        surveys: [{ id: 's', template: 'sus', layout: 'matrix', questions: [{ id: 'x', type: 'thumbs', text: '?', if: { question: 'sus1', gte: 3 } }] }],
      }).problems,
    ).toEqual(['surveys[0].questions[0].if.question: expected the id of an earlier question in this survey (got "sus1")']);
  });
});
