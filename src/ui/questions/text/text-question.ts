import { html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_TEXT_MAX_LENGTH } from '../../../core/definition/question-kinds.js';
import type { TextQuestion } from '../../../core/types.js';
import { format } from '../../../i18n/strings.js';
import { QuestionElement } from '../question-element.js';
import { fieldStyles, questionStyles } from '../question.styles.js';
import { textQuestionStyles } from './text-question.styles.js';

/** The counter appears once this share of `maxLength` is used. */
const COUNTER_FROM = 0.8;

/**
 * An open answer in a textbox named by the question.
 *
 * @event earshot-change - The text changed; `detail.value` is the trimmed text, or `undefined` when blank.
 * @csspart field - The textbox.
 */
export class TextQuestionElement extends QuestionElement<TextQuestion, string> {
  static override styles = [questionStyles, fieldStyles, textQuestionStyles];

  static override properties = { draft: { state: true } };

  /** What is in the box, spaces included; the answer is derived from it. */
  protected draft = '';

  override willUpdate(changed: PropertyValues<this>): void {
    // Take an answer set from outside (another question, or going back to this one),
    // not the echo of our own trimming.
    if ((changed.has('value') || changed.has('question')) && (this.value ?? '') !== this.draft.trim()) this.draft = this.value ?? '';
  }

  override render() {
    const { question } = this;
    const maxLength = question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
    const field =
      question.multiline === false
        ? html`<input id="field" class="field" part="field" type="text" maxlength=${maxLength} placeholder=${question.placeholder ?? nothing} .value=${this.draft} @input=${this.onInput} />`
        : html`<textarea id="field" class="field" part="field" maxlength=${maxLength} placeholder=${question.placeholder ?? nothing} .value=${this.draft} @input=${this.onInput}></textarea>`;
    return html`
      <label class="text" part="question-text" for="field">${question.text}</label>
      ${field}
      ${this.draft.length >= maxLength * COUNTER_FROM ? html`<p class="counter" aria-live="polite">${format(this.strings, this.strings.charactersLeft, { n: maxLength - this.draft.length })}</p>` : nothing}
    `;
  }

  private onInput(event: Event): void {
    this.draft = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.answer(this.draft.trim() || undefined);
  }
}
