// Figures the database now computes in ways the old in-memory summary did not, each against
// numbers worked out by hand: the "other pages" row counted by subtraction, the trend's earlier
// responses, the bounded samples of text, and scores that come from per-response columns.
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENTS_SHOWN, MAX_TREND_DAYS, summarizeSurvey } from '../../examples/collector/survey-summary.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo({ postsPerMinute: 0 });
const NPS = [{ id: 'score', type: 'nps', text: 'Recommend?' }];
const DAY_MS = 86_400_000;
const summary = () => summarizeSurvey(demo.server.collector.store, { surveyId: 'post-checkout-nps' });
const onPage = (id: string, page: string, score: number, extra: Record<string, unknown> = {}) =>
  makeResponse({ id, answers: { score }, questions: NPS, page: { url: `https://shop.example/${page}`, referrer: '' }, ...extra });

describe('figures computed in SQL', () => {
  it('counts the pages past the first 24 together: responses, complete ones and their NPS by subtraction', async () => {
    expect(MAX_SEGMENTS_SHOWN).toBe(25);
    // 24 pages with two promoters each; then three pages of one response: 0, 5 (partial), 9.
    const large = Array.from({ length: 24 }, (_, p) => [onPage(`big-${p}-a`, `p${p}`, 10), onPage(`big-${p}-b`, `p${p}`, 10)]).flat();
    const small = [onPage('s0', 'q0', 0), onPage('s1', 'q1', 5, { completed: false }), onPage('s2', 'q2', 9)];
    expect((await demo.post(batchOf(...large, ...small))).status).toBe(200);
    const { pages, responses, completed } = await summary();
    expect([responses, completed]).toEqual([51, 50]);
    expect(pages).toHaveLength(25);
    // Worst first: the other pages' NPS is (1 promoter − 2 detractors) / 3 = −33.3; every shown page is +100.
    expect(pages[0]).toMatchObject({ label: '3 other pages', responses: 3, completed: 2 });
    expect(pages[0].metrics[0].value).toBeCloseTo(-100 / 3, 10);
    expect(pages[0].metrics[0].answers).toBe(3);
    expect(pages.slice(1).every((page: { metrics: Array<{ value: number }> }) => page.metrics[0].value === 100)).toBe(true);
  });

  it(`draws ${MAX_TREND_DAYS} days of trend and counts the responses before them`, async () => {
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    const responses = [90, 70, 59, 0, 0].map((daysAgo, i) => makeResponse({ id: `t${i}`, answers: { score: 9 }, questions: NPS, createdAt: at(daysAgo), updatedAt: at(daysAgo) }));
    await demo.post(batchOf(...responses));
    const { trend } = await summary();
    expect(trend.days).toHaveLength(MAX_TREND_DAYS);
    expect(trend.earlierResponses).toBe(2);
    expect(trend.days.reduce((sum: number, day: { responses: number }) => sum + day.responses, 0)).toBe(3);
    expect(trend.days.at(-1)).toMatchObject({ responses: 2, keyValue: 100, keyAnswers: 2 });
  });

  it('lists the 50 newest text answers, each with the score of its own response, and counts them all', async () => {
    const QUESTIONS = [...NPS, { id: 'reason', type: 'text', text: 'Why?' }];
    const base = Date.now() - 1000 * 60_000;
    const responses = Array.from({ length: 60 }, (_, i) =>
      makeResponse({
        id: `x${i}`,
        answers: { score: i % 11, reason: `answer ${i}` },
        questions: QUESTIONS,
        createdAt: new Date(base + i * 60_000).toISOString(),
        updatedAt: new Date(base + i * 60_000).toISOString(),
      }),
    );
    await demo.post(batchOf(...responses.slice(0, 30)));
    await demo.post(batchOf(...responses.slice(30)));
    const reason = (await summary()).questions.find((q: { id: string }) => q.id === 'reason');
    expect(reason.result.answers).toBe(60);
    expect(reason.result.items).toHaveLength(50);
    expect(reason.result.items[0]).toMatchObject({ text: 'answer 59', keyAnswer: `NPS ${59 % 11}` });
    expect(reason.result.items.at(-1)).toMatchObject({ text: 'answer 10', keyAnswer: 'NPS 10' });
  });

  it("scores SUS from each response's stored score, and leaves out (counting) a response missing an item", async () => {
    const sus = (answers: number[]) => Object.fromEntries(answers.map((a, i) => [`sus${i + 1}`, a]));
    // 5,1,5,1,… is 100; 3,3,… is 50; one without sus10 is not scored. Mean (100 + 50) / 2 = 75.
    await demo.post(
      batchOf(
        makeResponse({ surveyId: 'ux', template: 'sus', answers: sus([5, 1, 5, 1, 5, 1, 5, 1, 5, 1]), questions: [] }),
        makeResponse({ surveyId: 'ux', template: 'sus', answers: sus([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), questions: [] }),
        makeResponse({ surveyId: 'ux', template: 'sus', answers: sus([3, 3, 3, 3, 3, 3, 3, 3, 3]), questions: [] }),
      ),
    );
    const scores = await demo.getJson('/api/earshot/scores?survey=ux');
    // Margin from SUM(score²) in SQL: scores 100 and 50, s = √1250, 1.96 × √1250 / √2 = 49.
    expect(scores.scores).toEqual([
      { template: 'sus', instrument: 'System Usability Scale (SUS)', sampleSize: 2, unscored: 1, mean: 75, margin: expect.closeTo(49, 6), smallSample: true },
    ]);
  });
});
