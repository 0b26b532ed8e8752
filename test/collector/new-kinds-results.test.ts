// The results views of the kinds of issue #22 (answer shapes in docs/architecture.md §2), each against
// figures worked out by hand: matrix (a stacked bar per statement), ranking (average rank and the
// share ranked first), slider (a histogram and the median), call to action (click-through rate),
// text formats (listed, never in the words), picture choice (as a choice), and each in the CSV.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';
import { parseCsv } from './support/csv';
import { clean, partOf, questionOf, resultsOf, surveySection, tableRows } from './support/results-dom';

const demo = useDemo({ postsPerMinute: 0 });
const openResults = resultsOf(demo);
const SURVEY = 'gallery';
const GRID = {
  id: 'grid',
  type: 'matrix',
  text: 'How much do you agree?',
  rows: [
    { id: 'easy', label: 'It was easy' },
    { id: 'fast', label: 'It was fast' },
  ],
  columns: [
    { value: 1, label: 'Disagree' },
    { value: 2, label: 'Neutral' },
    { value: 3, label: 'Agree' },
  ],
};
const ORDER = {
  id: 'order',
  type: 'ranking',
  text: 'Rank what matters most',
  options: [
    { id: 'price', label: 'Price' },
    { id: 'quality', label: 'Quality' },
    { id: 'speed', label: 'Speed' },
  ],
};
const BUDGET = { id: 'budget', type: 'slider', text: 'Your budget?', min: 0, max: 100, step: 5 };
const BOOK = { id: 'book', type: 'cta', text: 'Want a demo?' };
const EMAIL = { id: 'email', type: 'text', text: 'Your email?', format: 'email' };
const WHY = { id: 'why', type: 'text', text: 'Why?' };
const SCORE = { id: 'score', type: 'nps', text: 'Recommend?' };
const MUG = { id: 'mug', type: 'choice', text: 'Which mug?' };
const ALL = [SCORE, GRID, ORDER, BUDGET, BOOK, EMAIL, WHY, MUG];

function answered(id: string, answers: Record<string, unknown>, completed = true) {
  return makeResponse({ id, surveyId: SURVEY, completed, answers, questions: ALL.filter((q) => q.id in answers) });
}

// Four responses, the last one partial.
const FOUR = [
  answered('g1', {
    score: 10,
    grid: { easy: 3, fast: 2 },
    order: ['price', 'quality', 'speed'],
    budget: 20,
    book: { clicked: true },
    email: 'ann@example.com',
    why: 'great mugs',
    mug: 'blue',
  }),
  answered('g2', { score: 2, grid: { easy: 3, fast: 1 }, order: ['quality', 'price', 'speed'], budget: 40, email: 'bob@example.com', why: 'broken mugs', mug: 'blue' }),
  answered('g3', { score: 9, grid: { easy: 1 }, order: ['price', 'speed', 'quality'], budget: 45, why: 'great price', mug: 'red' }),
  answered('g4', { score: 5, grid: { easy: 2, fast: 3 }, order: ['speed', 'price', 'quality'], budget: 100, book: { clicked: true } }, false),
];

describe('views of the new kinds', () => {
  it('draw a matrix as one stacked bar per statement, with its counts and average', async () => {
    await demo.post(batchOf(...FOUR));
    const grid = questionOf(surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY), GRID.text);
    // easy: 3, 3, 1, 2 → 1 Disagree, 1 Neutral, 2 Agree; average 9/4 = 2.25 (s = 0.957, ±0.9).
    // fast: 2, 1, 3 → one each; average 2.0 (s = 1, 1.96 / √3 = ±1.1).
    expect(tableRows(grid.querySelector('table'))).toEqual([
      ['Statement', 'Disagree (1)', 'Neutral (2)', 'Agree (3)', 'Answers', 'Average'],
      ['It was easy', '1 (25%)', '1 (25%)', '2 (50%)', '4', '2.3 ±0.9'],
      ['It was fast', '1 (33%)', '1 (33%)', '1 (33%)', '3', '2.0 ±1.1'],
    ]);
    expect([...grid.querySelectorAll('svg title')].map((t) => clean(t.textContent))).toEqual(['It was easy', 'It was fast']);
    expect(clean(grid.querySelector('svg desc')?.textContent)).toBe('It was easy: Disagree 1 (25%); Neutral 1 (25%); Agree 2 (50%); average 2.3.');
  });

  it("give a ranking each option's average rank and share ranked first", async () => {
    await demo.post(batchOf(...FOUR));
    const order = questionOf(surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY), ORDER.text);
    // price: ranks 1, 2, 1, 2 → 1.5, first 2/4; quality: 2, 1, 3, 3 → 2.25, first 1/4; speed: 3, 3, 2, 1 → 2.25, first 1/4.
    // Margins: price s = 0.577 → 1.96 × 0.577 / 2 = ±0.6; quality and speed s = √(2.75 / 3) = 0.957 → ±0.9;
    // first 50 %: 1.96 × √(0.25 / 4) = ±49 pts; 25 %: 1.96 × √(0.1875 / 4) = ±42 pts.
    expect(tableRows(order.querySelector('table'))).toEqual([
      ['Option', 'Average rank', 'Ranked first', 'Share ranked first'],
      ['Price', '1.5 ±0.6', '2', '50% ±49 pts'],
      ['Quality', '2.3 ±0.9', '1', '25% ±42 pts'],
      ['Speed', '2.3 ±0.9', '1', '25% ±42 pts'],
    ]);
    expect(clean(order.querySelector('.figure-line')?.textContent)).toMatch(/^Ranked first most often: Price\./);
  });

  it('give a slider a histogram and its median', async () => {
    await demo.post(batchOf(...FOUR));
    const budget = questionOf(surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY), BUDGET.text);
    // 20, 40, 45, 100: median (40 + 45) / 2 = 42.5; average 205 / 4 = 51.25.
    expect(clean(budget.querySelector('.figure-line')?.textContent)).toMatch(/^Median 42\.5 · average 51\.3 ±\d+\.\d on 0–100\./);
    expect(tableRows(budget.querySelector('table'))).toEqual([
      ['Value', 'Answers', 'Share'],
      ['20', '1', '25%'],
      ['40', '1', '25%'],
      ['45', '1', '25%'],
      ['100', '1', '25%'],
    ]);
  });

  it('bins a slider with more than 10 values into 10 equal ranges', async () => {
    await demo.post(batchOf(...Array.from({ length: 12 }, (_, i) => answered(`s${i}`, { budget: i * 5 }))));
    const { questions } = await demo.getJson(`/api/earshot/summary?survey=${SURVEY}`);
    const slider = questions.find((q: { id: string }) => q.id === 'budget').result;
    // 0, 5, …, 55 on 0–100 in bins of 10: 0–10 holds 0 and 5, 10–20 holds 10 and 15, …, 50–60 holds 50 and 55.
    expect(slider.bins.map((b: { count: number }) => b.count)).toEqual([2, 2, 2, 2, 2, 2, 0, 0, 0, 0]);
    expect(slider.median).toBe(27.5);
  });

  it('give a call to action its click-through rate among the responses that reached it', async () => {
    await demo.post(batchOf(...FOUR));
    const book = questionOf(surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY), BOOK.text);
    // Reached: the 3 completed responses and the partial g4, which clicked; clicks: g1, g4 → 2 / 4 = 50 %.
    expect(clean(book.querySelector('.figure-line')?.textContent)).toMatch(/^Click-through rate 50% ±49 pts: 2 clicks of 4 responses that reached it\./);
  });

  it('list contact fields, and never count them into the words of happy and unhappy answers', async () => {
    await demo.post(batchOf(...FOUR));
    const survey = surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY);
    const email = questionOf(survey, EMAIL.text);
    expect([...email.querySelectorAll('blockquote')].map((q) => q.textContent).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(clean(email.querySelector('.contact')?.textContent)).toBe('Contact details: listed here and in the CSV, never counted into words.');
    const words = clean(partOf(survey, 'Reading between the lines').textContent);
    expect(words).toContain('mugs');
    expect(words).not.toMatch(/example|ann|bob/);
  });

  it('count a picture choice as a choice', async () => {
    await demo.post(batchOf(...FOUR));
    const mug = questionOf(surveySection((await openResults(`/results?survey=${SURVEY}`)).document, SURVEY), MUG.text);
    expect(tableRows(mug.querySelector('table'))).toEqual([
      ['Option', 'Answers', 'Share of answers'],
      ['blue', '2', '67%'],
      ['red', '1', '33%'],
    ]);
  });

  it('score SUS asked as one matrix step as its items asked one per step', async () => {
    const items = { sus1: 5, sus2: 1, sus3: 5, sus4: 1, sus5: 5, sus6: 1, sus7: 5, sus8: 1, sus9: 5, sus10: 1 };
    await demo.post(
      batchOf(makeResponse({ id: 'sus-grid', surveyId: 'ux', template: 'sus', answers: { sus: items }, questions: [{ id: 'sus', type: 'matrix', text: 'Agree?' }] })),
    );
    expect((await demo.getJson('/api/earshot/scores?survey=ux')).scores).toMatchObject([{ template: 'sus', sampleSize: 1, mean: 100 }]);
  });
});

describe('the CSV', () => {
  it('has every new kind, readable', async () => {
    await demo.post(batchOf(...FOUR));
    const [header, ...rows] = parseCsv((await (await fetch(demo.url(`/api/earshot/export.csv?survey=${SURVEY}`))).text()).replace(/^\uFEFF/, ''));
    const g1 = Object.fromEntries(header.map((name, i) => [name, rows.find((row) => row[0] === 'g1')?.[i]]));
    expect(g1).toMatchObject({
      'answers.grid': 'easy: 3; fast: 2',
      'answers.order': 'price; quality; speed',
      'answers.budget': '20',
      'answers.book': 'clicked',
      'answers.email': 'ann@example.com',
      'answers.mug': 'blue',
    });
  });
});
