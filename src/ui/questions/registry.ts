import type { Answer, Question, QuestionType } from '../../core/types.js';
import type { LocaleStrings } from '../../i18n/strings.js';
import { CesQuestionElement } from './ces/ces-question.js';
import { ChoiceQuestionElement } from './choice/choice-question.js';
import { CsatQuestionElement } from './csat/csat-question.js';
import { NpsQuestionElement } from './nps/nps-question.js';
import { RatingQuestionElement } from './rating/rating-question.js';
import { TextQuestionElement } from './text/text-question.js';
import { ThumbsQuestionElement } from './thumbs/thumbs-question.js';

/** The element that asks one kind of question: its tag, and its class (registered in define.ts). */
export interface QuestionElementRow {
  tag: `earshot-${string}-question`;
  element: CustomElementConstructor;
}

/**
 * Which element asks each kind, one row per kind (its element lives in the kind's own folder).
 * The survey renders a question by tag alone, so a row could name a module to import on demand
 * instead of a class without the survey changing.
 */
export const QUESTION_ELEMENTS: { [K in QuestionType]: QuestionElementRow } = {
  nps: { tag: 'earshot-nps-question', element: NpsQuestionElement },
  rating: { tag: 'earshot-rating-question', element: RatingQuestionElement },
  csat: { tag: 'earshot-csat-question', element: CsatQuestionElement },
  ces: { tag: 'earshot-ces-question', element: CesQuestionElement },
  thumbs: { tag: 'earshot-thumbs-question', element: ThumbsQuestionElement },
  choice: { tag: 'earshot-choice-question', element: ChoiceQuestionElement },
  text: { tag: 'earshot-text-question', element: TextQuestionElement },
};

/** What a question element is given: the question, its answer so far, and the words in the survey's locale. */
export interface QuestionInputs {
  question: Question;
  value: Answer | undefined;
  strings: LocaleStrings;
}

/**
 * The element that asks `question`: `current` again when it is of the same kind (going from one
 * NPS question to the next updates the element, as a template per kind would), else a new one.
 */
export function questionElement(current: HTMLElement | undefined, inputs: QuestionInputs): HTMLElement {
  const { tag } = QUESTION_ELEMENTS[inputs.question.type];
  // Property by property, as `.question=${…}` bindings would: Lit re-renders only what changed.
  return Object.assign(current?.localName === tag ? current : document.createElement(tag), inputs);
}
