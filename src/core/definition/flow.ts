import type { AnswerRule, Answers, Question, Survey } from '../types.js';
import { COMPARISON_OPERATORS, compare } from './operators.js';

/** `next` may jump to this instead of a question id. */
export const END_OF_SURVEY = 'end';

/** Beside the shared comparisons, a rule may ask whether the question was answered at all. */
export const RULE_OPERATORS = [...COMPARISON_OPERATORS, 'answered'] as const;

/** Whether a question's `if` rule holds on the answers given so far (no rule: always). */
export function isAsked(question: Question, answers: Answers): boolean {
  return question.if ? ruleHolds(question.if, answers) : true;
}

function ruleHolds(rule: AnswerRule, answers: Answers): boolean {
  const answer = answers[rule.question];
  if (rule.answered !== undefined) return (answer !== undefined) === rule.answered;
  if (answer === undefined) return false;
  const operator = COMPARISON_OPERATORS.find((name) => rule[name] !== undefined);
  // Lists (multiple choice) satisfy a rule when any of their items does.
  const values = Array.isArray(answer) ? answer : [answer];
  return !!operator && values.some((value) => compare(operator, value, rule[operator]));
}

/** Index of the next question to ask after `index` (-1 to start), or -1 when the survey is done. */
export function nextQuestionIndex(survey: Survey, index: number, answers: Answers): number {
  const { questions } = survey;
  const jump = questions[index]?.next;
  if (jump === END_OF_SURVEY) return -1;
  // A jump skips the questions between; the question it lands on still obeys its own rule.
  const from = jump ? questions.findIndex((question) => question.id === jump) : index + 1;
  for (let next = from; next < questions.length; next++) {
    if (isAsked(questions[next], answers)) return next;
  }
  return -1;
}

/** Indexes of the questions the visitor goes through with these answers, in order. */
export function questionPath(survey: Survey, answers: Answers): number[] {
  const path: number[] = [];
  // Rules see only answers of questions on the path, as if the others were never answered.
  const kept: Answers = {};
  for (let index = nextQuestionIndex(survey, -1, kept); index !== -1; index = nextQuestionIndex(survey, index, kept)) {
    path.push(index);
    const { id } = survey.questions[index];
    if (answers[id] !== undefined) kept[id] = answers[id];
  }
  return path;
}

/** Index of the question asked before `index`, or -1 at the start. */
export function previousQuestionIndex(survey: Survey, index: number, answers: Answers): number {
  const path = questionPath(survey, answers);
  return path[path.indexOf(index) - 1] ?? -1;
}

/** Drops answers to questions that the current answers no longer ask (after going back and changing one). */
export function askedAnswers(survey: Survey, answers: Answers): Answers {
  const kept: Answers = {};
  for (const index of questionPath(survey, answers)) {
    const { id } = survey.questions[index];
    if (answers[id] !== undefined) kept[id] = answers[id];
  }
  return kept;
}

/** "Question `step` of `total`" for the question at `index`, counting only the questions these answers ask. */
export function progressOf(survey: Survey, index: number, answers: Answers): { step: number; total: number } {
  const path = questionPath(survey, answers);
  return { step: path.indexOf(index) + 1, total: path.length };
}
