import { fail, type Report } from './checks.js';
import { own } from '../context.js';
import { mapTexts } from './localize.js';
import { optionLabel, optionValue } from './question-kinds.js';
import type { Answer, Answers, ChoiceOption, Question, Survey } from '../types.js';

/**
 * A text whose every `{{` opens a recalled value: `{{context.<key>}}`, `{{answers.<question id>}}`,
 * `{{user.id}}` or `{{user.traits.<name>}}`, each with an optional `| fallback`. survey.schema.json
 * holds the same pattern.
 */
export const RECALL_TEXT = /^(?:[^{]|\{(?!\{)|\{\{\s*(?:context\.[A-Za-z0-9][\w-]{0,63}|answers\.[A-Za-z0-9][\w.:-]{0,63}|user\.id|user\.traits\.[^\s{}|]+)\s*(?:\|[^{}]*)?\}\})*$/;

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/** The value a `context.…` or `user.…` path names, if any; `fallback` is the text after `|`. */
export type RecallLookup = (path: string, fallback: string) => unknown;

/** `text` with each recalled value put in as text (never markup: the UI renders it as text), else its fallback. */
export function recall(text: string, lookup: RecallLookup): string {
  return text.replace(PLACEHOLDER, (_, path: string, fallback = '') => {
    const value = lookup(path, fallback.trim());
    return value == null || value === '' ? fallback.trim() : String(value);
  });
}

/** An answer as the visitor would read it: a choice's label, "Other" text, items joined. */
function answerText(question: Question | undefined, answer: Answer): string {
  const options: ChoiceOption[] = (question?.type == 'choice' && question.options) || [];
  const one = (value: Answer): string => {
    if (typeof value == 'object') return (value as { other: string }).other;
    const option = options.find((choice) => optionValue(choice) === value);
    return String(option ? optionLabel(option) : value);
  };
  return Array.isArray(answer) ? answer.map(one).join(', ') : one(answer);
}

/**
 * For a survey whose texts recall values, the function that gives its texts for the answers so far
 * (the UI calls it as the visitor answers; the response records what it gave); undefined when no
 * text recalls anything. A question whose texts did not change keeps its object, so the UI does
 * not start it over (a shuffled choice keeps its order).
 */
export function recaller(survey: Survey, lookup: RecallLookup): ((answers: Answers) => Survey) | undefined {
  if (!JSON.stringify(survey).includes('{{')) return undefined;
  let previous = survey;
  return (answers) => {
    const find = (path: string, fallback: string) => {
      if (!path.startsWith('answers.')) return lookup(path, fallback);
      const id = path.slice(8);
      const answer = own(answers, id) as Answer | undefined;
      return answer === undefined
        ? undefined
        : answerText(
            survey.questions.find((question) => question.id == id),
            answer,
          );
    };
    const next = mapTexts(survey, (text) => recall(text as string, find));
    next.questions = next.questions.map((question, index) => {
      const before = previous.questions[index];
      return JSON.stringify(question) == JSON.stringify(before) ? before : question;
    });
    return (previous = next);
  };
}

/** Every string in `value`, with its path. */
function eachText(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value == 'string') visit(value, path);
  else if (value && typeof value == 'object') {
    for (const [key, item] of Object.entries(value)) eachText(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, visit);
  }
}

/**
 * Checks the recalled values in a survey definition's texts: the syntax (as the schema does), and
 * that `answers.x` names a question asked before (`taken`: a template's items, which come first).
 */
export function checkRecall(survey: Record<string, unknown>, path: string, report: Report, taken: string[]): void {
  const earlier = new Set<string>();
  const visit = (text: string, at: string) => {
    if (!text.includes('{{')) return;
    if (!RECALL_TEXT.test(text)) {
      return fail(
        report,
        at,
        'expected {{context.<key>}}, {{answers.<question id>}}, {{user.id}} or {{user.traits.<name>}}, with an optional "| fallback"',
        text.match(/\{\{[^}]*\}*/)?.[0],
      );
    }
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (name.startsWith('answers.') && !earlier.has(name.slice(8))) fail(report, at, `{{${name}}}: expected the id of a question asked before this text`);
    }
  };
  eachText(survey.templateText, `${path}.templateText`, visit);
  for (const id of taken) earlier.add(id);
  if (Array.isArray(survey.questions)) {
    survey.questions.forEach((question: { id?: string }, index) => {
      eachText(question, `${path}.questions[${index}]`, visit);
      earlier.add(question?.id as string);
    });
  }
  eachText(survey.thanks, `${path}.thanks`, visit);
}
