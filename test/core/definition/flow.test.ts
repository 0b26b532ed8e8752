// @vitest-environment node
// Pure logic with no DOM: the Node environment keeps this file cheap to start.
import { describe, expect, it } from 'vitest';
import { askedAnswers, isAsked, nextQuestionIndex, previousQuestionIndex, progressOf, questionPath } from '../../../src/core/definition/flow.js';
import type { AnswerRule, Answers, Question, Survey } from '../../../src/core/types.js';

const score: Question = { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' };
const comment: Question = { id: 'comment', type: 'text', text: 'Anything else?', optional: true };

/** score, then a follow-up asked only when `rule` holds on the score, then a final comment. */
function surveyWith(rule: Omit<AnswerRule, 'question'>): Survey {
  return {
    id: 'flow',
    questions: [score, { id: 'followUp', type: 'text', text: 'Tell us more', if: { question: 'score', ...rule } }, comment],
  };
}

/** The id of the question asked after the score, given the score answer. */
function askedAfterScore(rule: Omit<AnswerRule, 'question'>, answers: Answers): string {
  const survey = surveyWith(rule);
  return survey.questions[nextQuestionIndex(survey, 0, answers)].id;
}

describe('nextQuestionIndex', () => {
  it('starts with the first question', () => {
    expect(nextQuestionIndex(surveyWith({ answered: true }), -1, {})).toBe(0);
  });

  it('ends after the last question', () => {
    const survey = surveyWith({ answered: true });
    expect(nextQuestionIndex(survey, 2, { score: 3 })).toBe(-1);
  });

  it('starts at the first question whose rule holds when the first ones are not asked', () => {
    const survey: Survey = { id: 's', questions: [{ ...comment, if: { question: 'nowhere', answered: true } }, score] };
    expect(nextQuestionIndex(survey, -1, {})).toBe(1);
  });

  it.each<[string, Omit<AnswerRule, 'question'>, Answers, string]>([
    ['eq holds', { eq: 9 }, { score: 9 }, 'followUp'],
    ['eq fails', { eq: 9 }, { score: 8 }, 'comment'],
    ['neq holds', { neq: 10 }, { score: 9 }, 'followUp'],
    ['neq fails', { neq: 10 }, { score: 10 }, 'comment'],
    ['lt holds', { lt: 7 }, { score: 6 }, 'followUp'],
    ['lt fails at the bound', { lt: 7 }, { score: 7 }, 'comment'],
    ['lte holds at the bound', { lte: 6 }, { score: 6 }, 'followUp'],
    ['lte fails above the bound', { lte: 6 }, { score: 7 }, 'comment'],
    ['gt holds', { gt: 8 }, { score: 9 }, 'followUp'],
    ['gt fails at the bound', { gt: 8 }, { score: 8 }, 'comment'],
    ['gte holds at the bound', { gte: 9 }, { score: 9 }, 'followUp'],
    ['gte fails below the bound', { gte: 9 }, { score: 8 }, 'comment'],
    ['in holds', { in: [0, 1, 2] }, { score: 1 }, 'followUp'],
    ['in fails', { in: [0, 1, 2] }, { score: 3 }, 'comment'],
    ['answered: true holds', { answered: true }, { score: 0 }, 'followUp'],
    ['answered: true fails when skipped', { answered: true }, {}, 'comment'],
    ['answered: false holds when skipped', { answered: false }, {}, 'followUp'],
    ['answered: false fails when answered', { answered: false }, { score: 5 }, 'comment'],
    ['eq 0 holds for a score of 0', { eq: 0 }, { score: 0 }, 'followUp'],
  ])('%s', (_name, rule, answers, expected) => {
    expect(askedAfterScore(rule, answers)).toBe(expected);
  });

  it('does not ask a question whose comparison refers to a skipped question', () => {
    for (const rule of [{ eq: 9 }, { neq: 9 }, { lt: 7 }, { gte: 0 }, { in: [1] }]) expect(askedAfterScore(rule, {})).toBe('comment');
  });

  it('does not compare a text answer with numbers', () => {
    const survey: Survey = {
      id: 's',
      questions: [
        { id: 'reason', type: 'text', text: 'Why?' },
        { id: 'followUp', type: 'text', text: 'More?', if: { question: 'reason', lt: 5 } },
      ],
    };
    expect(nextQuestionIndex(survey, 0, { reason: '3' })).toBe(-1);
  });

  it('compares text answers with eq and in', () => {
    const survey: Survey = {
      id: 's',
      questions: [
        { id: 'reason', type: 'text', text: 'Why?' },
        { id: 'price', type: 'text', text: 'What price?', if: { question: 'reason', in: ['price', 'cost'] } },
      ],
    };
    expect(nextQuestionIndex(survey, 0, { reason: 'cost' })).toBe(1);
    expect(nextQuestionIndex(survey, 0, { reason: 'speed' })).toBe(-1);
  });

  it('lets a list answer satisfy a rule when any of its items does', () => {
    const question: Question = { id: 'q', type: 'text', text: 'q', if: { question: 'features', eq: 'export' } };
    expect(isAsked(question, { features: ['import', 'export'] })).toBe(true);
    expect(isAsked(question, { features: ['import'] })).toBe(false);
  });
});

describe('previousQuestionIndex', () => {
  it('goes back over questions that were not asked', () => {
    const survey = surveyWith({ lte: 6 });
    expect(previousQuestionIndex(survey, 2, { score: 9 })).toBe(0);
  });

  it('goes back to a question that was asked', () => {
    const survey = surveyWith({ lte: 6 });
    expect(previousQuestionIndex(survey, 2, { score: 3 })).toBe(1);
  });

  it('gives -1 at the first question', () => {
    expect(previousQuestionIndex(surveyWith({ lte: 6 }), 0, {})).toBe(-1);
  });
});

describe('askedAnswers', () => {
  const chained: Survey = {
    id: 'chain',
    questions: [
      score,
      { id: 'reason', type: 'text', text: 'What went wrong?', if: { question: 'score', lte: 6 } },
      { id: 'contact', type: 'text', text: 'May we contact you?', if: { question: 'reason', answered: true } },
      comment,
    ],
  };

  it('keeps every answer to a question still asked', () => {
    const answers = { score: 3, reason: 'slow', contact: 'yes', comment: 'thanks' };
    expect(askedAnswers(chained, answers)).toEqual(answers);
  });

  it('drops answers to questions the changed answer no longer asks, through chains of rules', () => {
    expect(askedAnswers(chained, { score: 9, reason: 'slow', contact: 'yes', comment: 'thanks' })).toEqual({ score: 9, comment: 'thanks' });
  });

  it('drops answers to questions the survey does not have', () => {
    expect(askedAnswers(chained, { score: 9, stale: 'x' })).toEqual({ score: 9 });
  });

  it('does not change the answers it was given', () => {
    const answers = { score: 9, reason: 'slow' };
    askedAnswers(chained, answers);
    expect(answers).toEqual({ score: 9, reason: 'slow' });
  });
});

describe('jumps with next', () => {
  const text = (id: string, extra: Partial<Question> = {}): Question => ({ id, type: 'text', text: id, ...extra }) as Question;
  const survey: Survey = {
    id: 'jumps',
    questions: [
      score,
      text('detractor', { if: { question: 'score', lte: 6 }, next: 'comment' }),
      text('promoter', { if: { question: 'score', gte: 9 }, next: 'end' }),
      text('passive'),
      comment,
    ],
  };
  const ids = (answers: Answers) => questionPath(survey, answers).map((index) => survey.questions[index].id);

  it('go from a question to the one it names, skipping those between', () => {
    expect(ids({ score: 3 })).toEqual(['score', 'detractor', 'comment']);
  });

  it('"end" finishes the survey after that question', () => {
    expect(ids({ score: 10 })).toEqual(['score', 'promoter']);
    expect(nextQuestionIndex(survey, 2, { score: 10 })).toBe(-1);
  });

  it('land on a question that still obeys its own rule', () => {
    const landing: Survey = { id: 'landing', questions: [text('a', { next: 'c' }), text('b'), text('c', { if: { question: 'a', eq: 'yes' } }), text('d')] };
    expect(questionPath(landing, { a: 'no' }).map((index) => landing.questions[index].id)).toEqual(['a', 'd']);
  });

  it('are walked backwards by previousQuestionIndex', () => {
    expect(previousQuestionIndex(survey, 4, { score: 3, detractor: 'Slow' })).toBe(1);
  });

  it('drop the answers of questions a jump now skips', () => {
    expect(askedAnswers(survey, { score: 3, detractor: 'Slow', passive: 'Meh', comment: 'Bye' })).toEqual({ score: 3, detractor: 'Slow', comment: 'Bye' });
  });

  it('count in the progress: step and total follow the path the answers take', () => {
    expect(progressOf(survey, 0, { score: 7 })).toEqual({ step: 1, total: 3 });
    expect(progressOf(survey, 3, { score: 7 })).toEqual({ step: 2, total: 3 });
    expect(progressOf(survey, 2, { score: 9 })).toEqual({ step: 2, total: 2 });
  });
});
