import { css, html, type PropertyValues } from 'lit';
import { DEFAULT_SLIDER_STEP } from '../../../core/definition/question-kinds.js';
import type { SliderQuestion } from '../../../core/types.js';
import { QuestionElement } from '../question-element.js';
import { questionStyles } from '../question.styles.js';
import { sliderQuestionStyles } from './slider-question.styles.js';

/**
 * A number on a native range input (role `slider`, named by the question; arrow keys, Page Up and
 * Down, Home and End move it), its labels at both ends and its value shown beside it. It starts
 * in the middle with no answer: a click or a move answers, so a required slider is one the visitor
 * moved. Screen readers say the value as it moves, and "Move the slider to answer" until then.
 *
 * @event earshot-change - The visitor set a value; `detail.value` is the number.
 * @csspart field - The range input.
 * @csspart value - The value shown.
 * @csspart labels - The labels at both ends.
 */
export class SliderQuestionElement extends QuestionElement<SliderQuestion, number> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${sliderQuestionStyles}`;

  static override properties = { shown: { state: true }, touched: { state: true } };

  /** Where the thumb is: the answer, or the middle before there is one. */
  protected shown = 0;
  /** The thumb moved, even if the move has not ended yet. */
  protected touched = false;

  override willUpdate(changed: PropertyValues<this>): void {
    const { min, max, step = DEFAULT_SLIDER_STEP } = this.question;
    if (this.value !== undefined) this.shown = this.value;
    // Where a range input puts its thumb by default, the middle on a step.
    else if (changed.has('question') || changed.has('value')) {
      this.shown = min + Math.round((max - min) / 2 / step) * step;
      this.touched = false;
    }
  }

  override render() {
    const { question, strings } = this;
    const { min, max, step = DEFAULT_SLIDER_STEP, labels } = question;
    const moved = this.value !== undefined || this.touched;
    return html`
      <label class="text" part="question-text" for="field">${question.text}</label>
      <div class="slider">
        <input
          id="field"
          part="field"
          class=${moved ? 'moved' : ''}
          type="range"
          min=${min}
          max=${max}
          step=${step}
          .value=${String(this.shown)}
          aria-describedby="shown ends"
          @input=${this.slide}
          @change=${this.set}
          @click=${this.set}
        />
        <span id="shown" class="value" part="value" aria-hidden="true">${moved ? this.shown : strings.sliderNotMoved}</span>
        <div id="ends" class="ends" part="labels" aria-hidden="true">
          <span>${labels?.min ?? min}</span>
          <span>${labels?.max ?? max}</span>
        </div>
      </div>
    `;
  }

  /** The thumb moves: the value shown follows it. */
  private slide(event: Event): void {
    this.shown = Number((event.target as HTMLInputElement).value);
    this.touched = true;
  }

  /** A move ended (a key, a release) or the thumb was clicked where it is: that value is the answer. */
  private set(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    this.shown = value;
    if (value !== this.value) this.answer(value);
  }
}
