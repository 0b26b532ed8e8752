import { LitElement, type PropertyDeclarations } from 'lit';
import type { AnswerProblem } from '../../core/definition/question-kinds.js';
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
    this.setAttribute('exportparts', 'question-text,options,option,labels,field,row,image,value,body,action');
  }

  /**
   * What the visitor entered that is no answer (yet), for the survey to say on Next: a text that
   * is not of its format. The kinds that take any input have none.
   */
  get entryProblem(): AnswerProblem | null {
    return null;
  }

  /** Takes the visitor's new answer and tells the survey (see `QuestionChange` for `settled` and `proceed`). */
  protected answer(value: V | undefined, settled = false, proceed = false): void {
    this.value = value;
    this.dispatchEvent(questionChange(value, settled, proceed));
  }
}
