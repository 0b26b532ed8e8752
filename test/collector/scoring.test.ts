// The arithmetic behind the results page, against fixtures worked out by hand.
import { describe, expect, it } from 'vitest';
import { countChoices, scoreCes, scoreCsat, scoreNps, scoreRating, scoreThumbs } from '../../examples/collector/scoring.mjs';

/** `[value, count]` pairs, the way the fixtures below were tallied by hand. */
const tally = (distribution: Array<{ value: number; count: number }>) => distribution.map(({ value, count }) => [value, count]);

describe('NPS', () => {
  it('is % promoters minus % detractors: 6 promoters, 3 passives, 3 detractors of 12 give 50 − 25 = +25', () => {
    const result = scoreNps([10, 10, 9, 9, 9, 8, 7, 7, 6, 2, 0, 10]);
    expect(result).toMatchObject({ answers: 12, ignored: 0, promoters: 6, passives: 3, detractors: 3, score: 25 });
    expect(tally(result.distribution)).toEqual([
      [0, 1],
      [1, 0],
      [2, 1],
      [3, 0],
      [4, 0],
      [5, 0],
      [6, 1],
      [7, 2],
      [8, 1],
      [9, 3],
      [10, 3],
    ]);
  });

  it('goes negative with more detractors: 3 promoters and 4 detractors of 8 give 37.5 − 50 = −12.5', () => {
    expect(scoreNps([9, 10, 6, 6, 5, 7, 3, 9])).toMatchObject({ answers: 8, promoters: 3, passives: 1, detractors: 4, score: -12.5 });
  });

  it('puts 6 with the detractors and 9 with the promoters, 7 and 8 in neither', () => {
    expect(scoreNps([6]).score).toBe(-100);
    expect(scoreNps([7, 8]).score).toBe(0);
    expect(scoreNps([9]).score).toBe(100);
  });

  it('leaves out answers that are not whole numbers from 0 to 10, and has no score without answers', () => {
    const result = scoreNps([11, -1, 7.5, '9', null, 10]);
    expect(result).toMatchObject({ answers: 1, ignored: 5, promoters: 1, score: 100 });
    expect(scoreNps([])).toMatchObject({ answers: 0, score: null });
  });
});

describe('CSAT', () => {
  it('counts 4 and 5 as satisfied: 5 of 8 is 62.5%, and the average of 28 / 8 is 3.5', () => {
    const result = scoreCsat([5, 4, 4, 3, 2, 1, 5, 4]);
    expect(result).toMatchObject({ answers: 8, satisfied: 5, percentSatisfied: 62.5, average: 3.5 });
    expect(tally(result.distribution)).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 3],
      [5, 2],
    ]);
  });

  it('leaves out 0 and 6, which are off its 1–5 scale', () => {
    expect(scoreCsat([0, 6, 4])).toMatchObject({ answers: 1, ignored: 2, percentSatisfied: 100 });
  });
});

describe('CES', () => {
  it('averages 1–7: 31 / 7 ≈ 4.43, with the spread', () => {
    const result = scoreCes([7, 6, 6, 5, 2, 4, 1, 0, 8]);
    expect(result.answers).toBe(7);
    expect(result.ignored).toBe(2);
    expect(result.average).toBeCloseTo(31 / 7, 10);
    expect(tally(result.distribution)).toEqual([
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 1],
      [5, 1],
      [6, 2],
      [7, 1],
    ]);
  });
});

describe('rating', () => {
  it('averages on its own scale: 3 + 3 + 2 + 1 = 9 over 4 is 2.25 on 1–3, where 4 is off the scale', () => {
    const result = scoreRating([3, 3, 2, 1, 4], 3);
    expect(result).toMatchObject({ answers: 4, ignored: 1, scale: 3, average: 2.25 });
    expect(tally(result.distribution)).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
  });
});

describe('thumbs', () => {
  it('gives the share of ups: 4 up and 2 down is 66.7% up', () => {
    const result = scoreThumbs([1, 1, 0, 1, 0, 1, 2]);
    expect(result).toMatchObject({ answers: 6, ignored: 1, up: 4, down: 2 });
    expect(result.percentUp).toBeCloseTo(200 / 3, 10);
  });
});

describe('choice', () => {
  it('counts each option once per answer, most picked first, and collects the "Other" texts', () => {
    const result = countChoices(['Search', ['Search', 'Ad'], 'Friend', { other: 'A podcast' }, ['Ad'], ['Search', 'Search'], 42]);
    expect(result.answers).toBe(6);
    expect(result.ignored).toBe(1);
    // Search in answers 1, 2 and 6 (twice in 6, counted once): 3 of 6. Ad in 2 and 5. Friend in 3.
    expect(result.options.map((o) => [o.option, o.count])).toEqual([
      ['Search', 3],
      ['Ad', 2],
      ['Friend', 1],
    ]);
    expect(result.options[0].percent).toBe(50);
    expect(result.other).toMatchObject({ count: 1, texts: ['A podcast'] });
    expect(result.other.percent).toBeCloseTo(100 / 6, 10);
  });

  it('counts an "Other" given inside a multiple choice along with the options picked with it', () => {
    const result = countChoices([['Search', { other: 'A podcast' }], ['Ad'], ['Ad', { other: 3 }]]);
    expect(result).toMatchObject({ answers: 2, ignored: 1 });
    expect(result.options.map((o) => [o.option, o.count])).toEqual([
      ['Search', 1],
      ['Ad', 1],
    ]);
    expect(result.other).toMatchObject({ count: 1, texts: ['A podcast'] });
  });
});
