import { html, type TemplateResult } from 'lit';
import type { Answer, Question, QuestionType } from '../../core/types.js';
import type { Strings } from '../strings.js';

type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;
type Render<K extends QuestionType> = (question: QuestionOf<K>, value: Answer | undefined, strings: Strings) => TemplateResult;

/** How each question kind is drawn; one line per kind (its element registers in define.ts). */
export const QUESTION_TEMPLATES: { [K in QuestionType]: Render<K> } = {
  nps: (question, value, strings) => html`<earshot-nps-question .question=${question} .value=${value} .strings=${strings}></earshot-nps-question>`,
  text: (question, value, strings) => html`<earshot-text-question .question=${question} .value=${value} .strings=${strings}></earshot-text-question>`,
};

export function renderQuestion(question: Question, value: Answer | undefined, strings: Strings): TemplateResult {
  return (QUESTION_TEMPLATES[question.type] as Render<QuestionType>)(question as never, value, strings);
}
