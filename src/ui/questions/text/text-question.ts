import { css, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_TEXT_MAX_LENGTH, type AnswerProblem } from '../../../core/definition/question-kinds.js';
import type { TextQuestion } from '../../../core/types.js';
import { format } from '../../../i18n/strings.js';
import { QuestionElement } from '../question-element.js';
import { fieldStyles, questionStyles } from '../question.styles.js';
import { TEXT_FIELDS, readFormatted } from './text-formats.js';
import { textQuestionStyles } from './text-question.styles.js';

/** The counter appears once this share of `maxLength` is used. */
const COUNTER_FROM = 0.8;

/**
 * An open answer in a textbox named by the question. With a `format` it is one line of that
 * native type (email, url, tel, number, date) with the keyboard and autofill that go with it:
 * its answer is what it holds once that is of the format (a number for `number`, `YYYY-MM-DD`
 * for `date`), and on Next the survey says, in the visitor's language, what it expects instead.
 *
 * @event earshot-change - The text changed; `detail.value` is the trimmed text (a number for `format: "number"`), or `undefined` when blank or not of its format.
 * @csspart field - The textbox.
 */
export class TextQuestionElement extends QuestionElement<TextQuestion, string | number> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${fieldStyles}${textQuestionStyles}`;

  static override properties = { draft: { state: true }, invalid: { state: true } };

  /** What is in the box, spaces included; the answer is derived from it. */
  protected draft = '';
  /** The visitor left a formatted field holding something not of its format. */
  protected invalid = false;
  /** The browser could not read what was typed (a number or a date field). */
  #unreadable = false;

  override willUpdate(changed: PropertyValues<this>): void {
    // Take an answer set from outside (another question, or going back to this one), not the
    // echo of our own reading of the box (trimmed, or a number: "42.50" stays as typed).
    if (changed.has('question') || (changed.has('value') && this.#answerOf(this.draft) !== this.value)) {
      this.draft = this.value === undefined ? '' : String(this.value);
      this.invalid = this.#unreadable = false;
    }
  }

  override get entryProblem(): AnswerProblem | null {
    const { format: kind } = this.question;
    return kind && (this.draft.trim() || this.#unreadable) && this.#answerOf(this.draft) === undefined ? { format: kind } : null;
  }

  /** What the box's text answers: trimmed, or with a format what is of it, else nothing. */
  #answerOf(draft: string): string | number | undefined {
    const text = draft.trim();
    return this.question.format ? readFormatted(this.question.format, text, this.#unreadable) : text || undefined;
  }

  override render() {
    const { question } = this;
    const maxLength = question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
    const formatted = question.format && TEXT_FIELDS[question.format];
    const field = formatted
      ? html`<input
          id="field"
          class="field"
          part="field"
          type=${formatted.type}
          inputmode=${formatted.inputmode ?? nothing}
          autocomplete=${formatted.autocomplete ?? 'off'}
          step=${question.format === 'number' ? 'any' : nothing}
          maxlength=${question.format === 'number' || question.format === 'date' ? nothing : maxLength}
          placeholder=${question.placeholder ?? nothing}
          aria-invalid=${this.invalid ? 'true' : nothing}
          .value=${this.draft}
          @input=${this.onInput}
          @change=${this.onCommit}
        />`
      : question.multiline === false
        ? html`<input id="field" class="field" part="field" type="text" maxlength=${maxLength} placeholder=${question.placeholder ?? nothing} .value=${this.draft} @input=${this.onInput} />`
        : html`<textarea id="field" class="field" part="field" maxlength=${maxLength} placeholder=${question.placeholder ?? nothing} .value=${this.draft} @input=${this.onInput}></textarea>`;
    return html`
      <label class="text" part="question-text" for="field">${question.text}</label>
      ${field}
      ${!formatted && this.draft.length >= maxLength * COUNTER_FROM ? html`<p class="counter" aria-live="polite">${format(this.strings, this.strings.charactersLeft, { n: maxLength - this.draft.length })}</p>` : nothing}
    `;
  }

  private onInput(event: Event): void {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.draft = field.value;
    this.#unreadable = !!(field as HTMLInputElement).validity?.badInput;
    if (!this.entryProblem) this.invalid = false;
    // A formatted field answers only what is of its format; while it is not, nothing.
    this.answer(this.#answerOf(this.draft));
  }

  /** Leaving a formatted field that holds something else marks it invalid for assistive technologies. */
  private onCommit(): void {
    this.invalid = !!this.entryProblem;
  }
}
