import type { AnswerRule, Answers, Question, Survey } from './types.js';

export const RULE_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'answered'] as const;

/** Whether a question's `if` rule holds on the answers given so far (no rule: always). */
export function isAsked(question: Question, answers: Answers): boolean {
  return question.if ? ruleHolds(question.if, answers) : true;
}

function ruleHolds(rule: AnswerRule, answers: Answers): boolean {
  const answer = answers[rule.question];
  if (rule.answered !== undefined) return (answer !== undefined) === rule.answered;
  if (answer === undefined) return false;
  // Lists (multiple choice) satisfy a rule when any of their items does.
  const values = Array.isArray(answer) ? answer : [answer];
  return values.some((value) => {
    if (rule.eq !== undefined) return value === rule.eq;
    if (rule.neq !== undefined) return value !== rule.neq;
    if (rule.in !== undefined) return rule.in.includes(value as never);
    if (typeof value !== 'number') return false;
    if (rule.lt !== undefined) return value < rule.lt;
    if (rule.lte !== undefined) return value <= rule.lte;
    if (rule.gt !== undefined) return value > rule.gt;
    if (rule.gte !== undefined) return value >= rule.gte;
    return false;
  });
}

/** Index of the next question to ask after `index` (-1 to start), or -1 when the survey is done. */
export function nextQuestionIndex(survey: Survey, index: number, answers: Answers): number {
  for (let next = index + 1; next < survey.questions.length; next++) {
    if (isAsked(survey.questions[next], answers)) return next;
  }
  return -1;
}

/** Index of the question asked before `index`, or -1 at the start. */
export function previousQuestionIndex(survey: Survey, index: number, answers: Answers): number {
  for (let previous = index - 1; previous >= 0; previous--) {
    if (isAsked(survey.questions[previous], answers)) return previous;
  }
  return -1;
}

/** Drops answers to questions that the current answers no longer ask (after going back and changing one). */
export function askedAnswers(survey: Survey, answers: Answers): Answers {
  const kept: Answers = {};
  for (const question of survey.questions) {
    if (answers[question.id] !== undefined && isAsked(question, kept)) kept[question.id] = answers[question.id];
  }
  return kept;
}
