import { html, type TemplateResult } from 'lit';
import type { Answer, Question, QuestionType } from '../../core/types.js';
import type { LocaleStrings as Strings } from '../../i18n/strings.js';

type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;
type Render<K extends QuestionType> = (question: QuestionOf<K>, value: Answer | undefined, strings: Strings) => TemplateResult;

/** How each question kind is drawn; one line per kind (its element registers in define.ts). */
export const QUESTION_TEMPLATES: { [K in QuestionType]: Render<K> } = {
  nps: (question, value, strings) => html`<earshot-nps-question .question=${question} .value=${value} .strings=${strings}></earshot-nps-question>`,
  rating: (question, value, strings) => html`<earshot-rating-question .question=${question} .value=${value} .strings=${strings}></earshot-rating-question>`,
  csat: (question, value, strings) => html`<earshot-csat-question .question=${question} .value=${value} .strings=${strings}></earshot-csat-question>`,
  ces: (question, value, strings) => html`<earshot-ces-question .question=${question} .value=${value} .strings=${strings}></earshot-ces-question>`,
  thumbs: (question, value, strings) => html`<earshot-thumbs-question .question=${question} .value=${value} .strings=${strings}></earshot-thumbs-question>`,
  choice: (question, value, strings) => html`<earshot-choice-question .question=${question} .value=${value} .strings=${strings}></earshot-choice-question>`,
  text: (question, value, strings) => html`<earshot-text-question .question=${question} .value=${value} .strings=${strings}></earshot-text-question>`,
};

export function renderQuestion(question: Question, value: Answer | undefined, strings: Strings): TemplateResult {
  return (QUESTION_TEMPLATES[question.type] as Render<QuestionType>)(question as never, value, strings);
}
