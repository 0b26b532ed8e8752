import { LitElement, type PropertyDeclarations } from 'lit';
import type { Answer, Question } from '../../core/types.js';
import { ENGLISH, type LocaleStrings } from '../../i18n/strings.js';
import { questionChange } from './question-change.js';

/** What every question element has: the question, its answer, the words it shows, and one way to report. */
export abstract class QuestionElement<Q extends Question, V extends Answer> extends LitElement {
  static override properties: PropertyDeclarations = {
    question: { attribute: false },
    value: { attribute: false },
    strings: { attribute: false },
  };

  declare question: Q;
  /** The answer shown: the visitor's, or one set from outside (going Back); `undefined` when none. */
  declare value: V | undefined;
  strings: LocaleStrings = ENGLISH;

  override connectedCallback(): void {
    super.connectedCallback();
    // The survey's host page styles these through `earshot-survey::part(…)`.
    this.setAttribute('exportparts', 'question-text,options,option,labels,field');
  }

  /** Takes the visitor's new answer and tells the survey (see `QuestionChange` for `settled`). */
  protected answer(value: V | undefined, settled = false): void {
    this.value = value;
    this.dispatchEvent(questionChange(value, settled));
  }
}
