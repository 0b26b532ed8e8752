import { LitElement, html, nothing } from 'lit';
import { askedAnswers, nextQuestionIndex, previousQuestionIndex } from '../../core/flow.js';
import type { SurveyCallbacks } from '../../core/presenter.js';
import type { Answers, Survey } from '../../core/types.js';
import type { QuestionChangeEvent } from '../questions/question-change.js';
import { renderQuestion } from '../questions/registry.js';
import { ENGLISH, directionOf, type Strings } from '../strings.js';
import { surveyStyles } from './survey.styles.js';

/** The thank-you step closes itself after this long, unless the visitor is pointing at it or in it. */
export const THANKS_VISIBLE_MS = 5000;

/**
 * A survey card: one question at a time, Back / Next / Submit, Close, and a thank-you step.
 * Escape dismisses it. It reports through `callbacks` and knows nothing of storage or delivery.
 *
 * @csspart card - The card holding everything.
 * @csspart close-button - The Close (×) button.
 * @csspart button - Back, Next and Submit.
 * @csspart error - The "please answer" message.
 * @csspart thanks - The thank-you text.
 * @cssproperty --earshot-accent - Buttons and selected options.
 * @cssproperty --earshot-surface - Card background.
 * @cssproperty --earshot-text - Text colour.
 * @cssproperty --earshot-radius - Corner radius of the card.
 * @cssproperty --earshot-font - Font family.
 */
export class SurveyElement extends LitElement {
  static override styles = surveyStyles;

  static override properties = {
    survey: { attribute: false },
    callbacks: { attribute: false },
    locale: {},
    strings: { attribute: false },
    index: { state: true },
    answers: { state: true },
    finished: { state: true },
    showRequired: { state: true },
  };

  declare survey: Survey;
  declare callbacks: SurveyCallbacks | undefined;
  locale = 'en';
  strings: Strings = ENGLISH;

  protected index = 0;
  protected answers: Answers = {};
  protected finished = false;
  protected showRequired = false;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.#dismiss();
      }
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('survey')) this.index = nextQuestionIndex(this.survey, -1, this.answers);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#closeTimer);
  }

  override render() {
    const { strings } = this;
    return html`
      <section class="card" part="card" role="dialog" aria-label=${strings.surveyLabel} lang=${this.locale} dir=${directionOf(this.locale)}>
        ${this.finished
          ? html`<p class="thanks" part="thanks" role="status" tabindex="-1">${this.survey.thanks ?? strings.thanks}</p>`
          : this.#renderQuestionStep()}
        <button class="close" part="close-button" type="button" aria-label=${strings.close} @click=${this.#dismiss}>
          <span aria-hidden="true">×</span>
        </button>
      </section>
    `;
  }

  #renderQuestionStep() {
    const { strings, survey, answers } = this;
    const question = survey.questions[this.index];
    const isLast = nextQuestionIndex(survey, this.index, answers) === -1;
    const hasPrevious = previousQuestionIndex(survey, this.index, answers) !== -1;
    return html`
      <form novalidate @submit=${this.#onSubmit}>
        <div class="question" @earshot-change=${this.#onChange}>
          ${renderQuestion(question, answers[question.id], strings)}
        </div>
        ${this.showRequired ? html`<p class="error" part="error" role="alert">${strings.required}</p>` : nothing}
        <div class="actions">
          ${hasPrevious ? html`<button class="secondary" part="button" type="button" @click=${this.#back}>${strings.back}</button>` : nothing}
          <button class="primary" part="button" type="submit">${isLast ? strings.submit : strings.next}</button>
        </div>
      </form>
    `;
  }

  #onChange(event: QuestionChangeEvent): void {
    const { id } = this.survey.questions[this.index];
    const answers = { ...this.answers };
    if (event.detail.value === undefined) delete answers[id];
    else answers[id] = event.detail.value;
    // A changed answer may stop later questions from being asked; their answers go too.
    this.answers = askedAnswers(this.survey, answers);
    this.showRequired = false;
    this.callbacks?.onChange(this.answers);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    const question = this.survey.questions[this.index];
    const value = this.answers[question.id];
    if (value === undefined && !question.optional) {
      this.showRequired = true;
      return;
    }
    if (value !== undefined) this.callbacks?.onAnswered(question.id, value);
    const next = nextQuestionIndex(this.survey, this.index, this.answers);
    if (next !== -1) {
      this.index = next;
      return;
    }
    const hadFocus = this.matches(':focus-within');
    this.finished = true;
    this.callbacks?.onComplete(this.answers);
    void this.updateComplete.then(() => {
      // The form is gone; keep keyboard focus in the survey rather than dropping it on the page.
      if (hadFocus) this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
      this.#closeLater();
    });
  }

  #back(): void {
    this.showRequired = false;
    this.index = previousQuestionIndex(this.survey, this.index, this.answers);
  }

  #dismiss(): void {
    if (!this.finished) this.callbacks?.onDismiss(this.answers);
    this.#close();
  }

  #closeLater(): void {
    this.#closeTimer = setTimeout(() => {
      if (this.matches(':hover') || this.matches(':focus-within')) this.#closeLater();
      else this.#close();
    }, THANKS_VISIBLE_MS);
  }

  #close(): void {
    clearTimeout(this.#closeTimer);
    this.remove();
    this.callbacks?.onClosed();
  }
}
