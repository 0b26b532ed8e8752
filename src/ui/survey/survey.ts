import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { askedAnswers, nextQuestionIndex, previousQuestionIndex, progressOf } from '../../core/definition/flow.js';
import { EMBED_REQUEST, type SurveyCallbacks } from '../../core/presenter.js';
import { answerProblem, type AnswerProblem } from '../../core/definition/question-kinds.js';
import type { Answer, Answers, Question, Survey, TextFormat, Thanks } from '../../core/types.js';
import type { QuestionElement } from '../questions/question-element.js';
import type { QuestionChangeEvent } from '../questions/question-change.js';
import { defineKinds, kindsOf, questionElement } from '../questions/registry.js';
import { ENGLISH, directionOf, format, type LocaleStrings } from '../../i18n/strings.js';
import { deepActiveElement, focusFirstControl } from './focus.js';
import { surveyStyles } from './survey.styles.js';
import { raiseToTopLayer } from '../top-layer.js';

/** The thank-you step closes itself after this long, unless the visitor is pointing at it or in it. */
export const THANKS_VISIBLE_MS = 5000;
/** With `autoAdvance`, a click on a scale shows the choice this long before moving on. */
export const AUTO_ADVANCE_MS = 300;

/** The words that ask for a text of each format. */
const INVALID_FORMAT = { email: 'invalidEmail', url: 'invalidUrl', phone: 'invalidPhone', number: 'invalidNumber', date: 'invalidDate' } as const satisfies Record<
  TextFormat,
  string
>;

/**
 * A survey card: one question at a time with its progress, Back / Next / Submit, Close, and a
 * thank-you step; shown as a corner popover, a modal dialog, inline in the page, or from a tab.
 * Escape dismisses it. It reports through `callbacks` and knows nothing of storage or delivery.
 *
 * @csspart card - The card holding everything.
 * @csspart progress - "Question 2 of 3".
 * @csspart close-button - The Close (×) button.
 * @csspart button - Back, Next, Submit and the thank-you link.
 * @csspart primary-button - Next or Submit.
 * @csspart secondary-button - Back.
 * @csspart question - The current question; inside it `question-text`, `options`, `option`, `labels` and `field`.
 * @csspart error - The message asking for an answer.
 * @csspart thanks - The thank-you step.
 * @csspart preview-badge - "Preview", on a survey shown by `earshot.preview()`.
 * @cssproperty --earshot-accent - Buttons and selected options.
 * @cssproperty --earshot-surface - Card background.
 * @cssproperty --earshot-text - Text colour.
 * @cssproperty --earshot-radius - Corner radius of the card.
 * @cssproperty --earshot-font - Font family.
 * @attr src - Placed by the page: URL of a survey definition (JSON) to render inline; or put the definition in a `<script type="application/json">` child. A list (or `{ "surveys": [...] }`) works too.
 * @attr survey - Placed by the page: with a list at `src`, the id of the survey to show (default: the first).
 * @attr endpoint - Placed by the page: where answers are POSTed when `earshot.init` was not called (otherwise the config's endpoint).
 * @attr debug - Placed by the page: logs why the survey could not be shown.
 * @event earshot:shown - On an embedded survey: it is on the page (`detail`: `{ surveyId, trigger }`).
 * @event earshot:answered - On an embedded survey: the visitor moved on from an answered question.
 * @event earshot:completed - On an embedded survey: the visitor submitted it (`detail`: `{ surveyId, responseId, answers }`).
 * @event earshot:error - On an embedded survey: its definition could not be loaded or is invalid (`detail`: `{ code, message }`).
 * @cssproperty --earshot-font-size - Base font size.
 * @cssproperty --earshot-on-accent - Text on the accent colour.
 * @cssproperty --earshot-muted - Progress and end labels.
 * @cssproperty --earshot-border - Borders of the card and the options.
 * @cssproperty --earshot-error - The message asking for an answer.
 * @cssproperty --earshot-hover - Background of the Close button under the pointer.
 * @cssproperty --earshot-shadow - Shadow of the card.
 */
export class SurveyElement extends LitElement {
  static override styles = surveyStyles;

  static override properties = {
    survey: { attribute: false },
    callbacks: { attribute: false },
    locale: {},
    strings: { attribute: false },
    requested: { type: Boolean },
    preview: { type: Boolean },
    recall: { attribute: false },
    index: { state: true },
    answers: { state: true },
    finished: { state: true },
    problem: { state: true },
  };

  declare survey: Survey;
  declare callbacks: SurveyCallbacks | undefined;
  locale = 'en';
  strings: LocaleStrings = ENGLISH;
  /** Shown because the visitor asked (a button, the feedback tab): it may take focus. */
  requested = false;
  /** Shown by `earshot.preview()`: the card says its answers are not real responses. */
  preview = false;
  /** The survey's texts with recalled values for the answers so far (rendered as text, never markup). */
  recall?: (answers: Answers) => Survey;

  protected index = 0;
  protected answers: Answers = {};
  protected finished = false;
  protected problem: AnswerProblem | null = null;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #advanceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus was before the survey took it; it goes back there on close. */
  #returnFocusTo: HTMLElement | null = null;
  /** The element asking the current question. */
  #asking: HTMLElement | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#hasCloseButton) {
        event.stopPropagation();
        this.#dismiss();
      }
    });
  }

  /** Whether focus is inside; `:focus-within` on the host misses a modal dialog's focus in Chromium. */
  get #hasFocus(): boolean {
    return !!this.shadowRoot?.activeElement;
  }

  get #display() {
    return this.survey?.display ?? 'popover';
  }

  get #hasCloseButton(): boolean {
    return this.survey.closeButton ?? this.#display !== 'inline';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Placed by the page's HTML (`<earshot-survey src>`): Earshot's embed support fills it in.
    if (!this.survey) return void this.dispatchEvent(new Event(EMBED_REQUEST, { bubbles: true, composed: true }));
    const display = this.#display;
    this.setAttribute('display', display);
    this.setAttribute('position', this.survey.position ?? 'bottom-right');
    if (display === 'popover' || display === 'tab') raiseToTopLayer(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#closeTimer);
    clearTimeout(this.#advanceTimer);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('survey') || !this.survey) return;
    this.index = nextQuestionIndex(this.survey, -1, this.answers);
    // Shown by the presenter, its kinds are defined already; placed by the page or the builder,
    // its question elements upgrade once their code arrives.
    defineKinds(kindsOf([this.survey])).catch((error) =>
      this.callbacks?.onFailed(`survey "${this.survey.id}": the code of its questions could not be loaded (${(error as Error)?.message ?? error})`, 'network'),
    );
  }

  override firstUpdated(): void {
    if (this.#display === 'modal') {
      this.#returnFocusTo = deepActiveElement();
      this.renderRoot.querySelector('dialog')?.showModal();
      void this.#focusQuestion();
    } else if (this.requested) {
      this.#returnFocusTo = deepActiveElement();
      void this.#focusQuestion();
    }
  }

  override render() {
    if (!this.survey) return nothing;
    const { strings } = this;
    const content = html`
      ${this.preview ? html`<p class="badge" part="preview-badge">${strings.preview}</p>` : nothing}
      ${this.finished ? this.#renderThanks() : this.#renderQuestionStep()}
      ${
        this.#hasCloseButton
          ? html`<button class="close" part="close-button" type="button" aria-label=${strings.close} @click=${this.#dismiss}>
            <span aria-hidden="true">×</span>
          </button>`
          : nothing
      }
    `;
    const direction = directionOf(this.locale);
    // A native modal dialog traps focus and makes the page inert; the other modes are labelled parts of the page.
    return this.#display === 'modal'
      ? html`<dialog class="card" part="card" tabindex="-1" aria-label=${strings.surveyLabel} lang=${this.locale} dir=${direction} @cancel=${this.#onCancel}>${content}</dialog>`
      : html`<section class="card" part="card" tabindex="-1" role=${this.#display === 'inline' ? 'region' : 'dialog'} aria-label=${strings.surveyLabel} lang=${this.locale} dir=${direction}>
          ${content}
        </section>`;
  }

  /** The survey as the visitor reads it now: with recalled values in its texts. */
  get #shown(): Survey {
    return this.recall?.(this.answers) ?? this.survey;
  }

  #renderThanks(): TemplateResult {
    const { thanks } = this.#shown;
    // Texts by locale were resolved before the survey got here (see core/definition/localize.ts).
    const { text = this.strings.thanks, link } = (typeof thanks === 'string' ? { text: thanks } : (thanks ?? {})) as Thanks;
    return html`<div class="thanks" part="thanks" role="status" tabindex="-1">
      <p>${text}</p>
      ${link ? html`<a class="primary" part="button" href=${link.url} target="_blank" rel="noopener noreferrer">${link.label}</a>` : nothing}
    </div>`;
  }

  #renderQuestionStep(): TemplateResult {
    const { strings, survey, answers } = this;
    const question = survey.questions[this.index];
    const isLast = nextQuestionIndex(survey, this.index, answers) === -1;
    const hasPrevious = previousQuestionIndex(survey, this.index, answers) !== -1;
    const { step, total } = progressOf(survey, this.index, answers);
    return html`
      <form novalidate @submit=${this.#onSubmit}>
        ${total > 1 ? html`<p class="progress" part="progress" aria-live="polite">${format(strings, strings.progress, { step, total })}</p>` : nothing}
        <div class="question" part="question" @earshot-change=${this.#onChange}>
          ${(this.#asking = questionElement(this.#asking, { question: this.#shown.questions[this.index], value: answers[question.id], strings }))}
        </div>
        ${this.problem ? html`<p class="error" part="error" role="alert">${this.#describe(this.problem)}</p>` : nothing}
        <div class="actions">
          ${hasPrevious ? html`<button class="secondary" part="button secondary-button" type="button" @click=${this.#back}>${strings.back}</button>` : nothing}
          <button class="primary" part="button primary-button" type="submit">${isLast ? strings.submit : strings.next}</button>
        </div>
      </form>
    `;
  }

  #describe(problem: AnswerProblem): string {
    const { strings } = this;
    if ('min' in problem) return format(strings, strings.chooseAtLeast, { n: problem.min });
    if ('max' in problem) return format(strings, strings.chooseAtMost, { n: problem.max });
    if ('everyRow' in problem) return strings.everyRow;
    if ('format' in problem) return strings[INVALID_FORMAT[problem.format]];
    return strings.required;
  }

  #onChange(event: QuestionChangeEvent): void {
    const { value, settled, proceed } = event.detail;
    const { id } = this.survey.questions[this.index];
    const answers = { ...this.answers };
    if (value === undefined) delete answers[id];
    else answers[id] = value;
    // A changed answer may stop later questions from being asked; their answers go too.
    this.answers = askedAnswers(this.survey, answers);
    this.problem = null;
    this.callbacks?.onChange(this.answers);
    clearTimeout(this.#advanceTimer);
    if (proceed) this.#next();
    else if (settled && this.survey.autoAdvance) this.#advanceTimer = setTimeout(() => this.#next(), AUTO_ADVANCE_MS);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.#next();
  }

  #next(): void {
    clearTimeout(this.#advanceTimer);
    const question = this.survey.questions[this.index];
    const value = this.answers[question.id];
    // What the element found in the visitor's input comes first: a text not of its format answers nothing yet.
    this.problem = (this.#asking as QuestionElement<Question, Answer> | undefined)?.entryProblem ?? answerProblem(question, value);
    if (this.problem) return;
    if (value !== undefined) this.callbacks?.onAnswered(question.id, value);
    const next = nextQuestionIndex(this.survey, this.index, this.answers);
    if (next !== -1) return this.#goTo(next);
    const hadFocus = this.#hasFocus;
    this.finished = true;
    this.callbacks?.onComplete(this.answers);
    void this.updateComplete.then(() => {
      // The form is gone; keep keyboard focus in the survey rather than dropping it on the page.
      if (hadFocus) this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
      // An inline survey keeps its thank-you text in the page; the others leave after a while.
      if (this.#display === 'inline') this.callbacks?.onClosed();
      else this.#closeLater();
    });
  }

  #back(): void {
    this.#goTo(previousQuestionIndex(this.survey, this.index, this.answers));
  }

  #goTo(index: number): void {
    clearTimeout(this.#advanceTimer);
    const hadFocus = this.#hasFocus;
    this.problem = null;
    this.index = index;
    // The button pressed may be gone (Back on the first question): focus stays in the survey, on the new question.
    if (hadFocus) void this.updateComplete.then(() => this.#focusQuestion());
  }

  async #focusQuestion(): Promise<void> {
    const question = this.renderRoot.querySelector<LitElement>('.question > *');
    // The question element renders after the card does.
    await question?.updateComplete;
    if (!focusFirstControl(question)) this.renderRoot.querySelector<HTMLElement>('.card')?.focus();
  }

  #onCancel(event: Event): void {
    // Escape on a modal: the keydown handler dismisses (or, without a close button, nothing does).
    event.preventDefault();
  }

  #dismiss(): void {
    if (!this.finished) this.callbacks?.onDismiss(this.answers);
    this.#close();
  }

  #closeLater(): void {
    this.#closeTimer = setTimeout(() => {
      if (this.matches(':hover') || this.#hasFocus) this.#closeLater();
      else this.#close();
    }, THANKS_VISIBLE_MS);
  }

  #close(): void {
    clearTimeout(this.#closeTimer);
    this.remove();
    // Focus that was in the survey (or had nowhere to be) goes back to where the survey took it from.
    const active = document.activeElement;
    if ((!active || active === document.body) && this.#returnFocusTo?.isConnected) this.#returnFocusTo.focus();
    this.callbacks?.onClosed();
  }
}
