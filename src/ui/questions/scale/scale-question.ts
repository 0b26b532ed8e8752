import { css, html, nothing, type CSSResultGroup } from 'lit';
import type { CesQuestion, CsatQuestion, LocalizedText, NpsQuestion, RatingQuestion, ThumbsQuestion } from '../../../core/types.js';
import { QuestionElement } from '../question-element.js';
import { optionStyles, questionStyles } from '../question.styles.js';
import { scaleStyles } from './scale.styles.js';

export type ScaleQuestion = NpsQuestion | RatingQuestion | CsatQuestion | CesQuestion | ThumbsQuestion;

/** A point of a scale: its answer, its accessible name (default: the number) and what it shows (default: the number). */
export type ScalePoint = [value: number, name?: string, face?: string | number];

/** The whole numbers from `from`, `count` of them. */
export const range = (count: number, from = 1): number[] => Array.from({ length: count }, (_, index) => index + from);

/** A scale's styles as one sheet, not three: fewer sheets for the browser to build as a survey first shows. */
export const scaleQuestionStyles = css`${questionStyles}${optionStyles}${scaleStyles}`;

/**
 * A single-answer scale: native radios in a radiogroup named by the question, so arrow keys move
 * through it natively, and optional labels under its two ends that describe it. A kind says which
 * points it has ({@link ScaleQuestionElement.points}) and what its ends say.
 */
export abstract class ScaleQuestionElement<Q extends ScaleQuestion> extends QuestionElement<Q, number> {
  static override styles: CSSResultGroup = scaleQuestionStyles;

  protected abstract points(): ScalePoint[];

  /** The labels under the lowest and the highest point. */
  protected ends(): (LocalizedText | undefined)[] {
    return [];
  }

  /** A class for the kind's styles, naming how the points look. */
  protected get look(): string {
    return '';
  }

  override render() {
    const [low, high] = this.ends();
    const labelled = low || high;
    return html`
      <div role="radiogroup" aria-labelledby="text" aria-describedby=${labelled ? 'ends' : nothing}>
        <span id="text" class="text" part="question-text">${this.question.text}</span>
        <div class="scale ${this.look}" part="options" @click=${this.pick} @change=${this.pick}>
          ${this.points().map(
            ([value, name = `${value}`, face = value]) => html`
              <label class="option">
                <input type="radio" name="point" value=${value} aria-label=${name} .checked=${this.value === value} />
                <span class="box" part="option" aria-hidden="true">${face}</span>
              </label>
            `,
          )}
        </div>
        ${labelled ? html`<div id="ends" class="ends" part="labels" aria-hidden="true"><span>${low}</span><span>${high}</span></div>` : nothing}
      </div>
    `;
  }

  private pick(event: MouseEvent): void {
    const input = event.target as HTMLInputElement;
    const value = +input.value;
    // A pointer's click counts clicks; the click an arrow key or Space fires counts none. A change
    // with no click before it (not seen in current browsers) still reports the new point.
    if (input.checked && (event.type == 'click' || value !== this.value)) this.answer(value, event.detail > 0);
  }
}

/** A scale whose every point has a label: its accessible name is the number and then the label ("1 Very unsatisfied"). */
export abstract class LabelledScaleElement<Q extends CsatQuestion | CesQuestion> extends ScaleQuestionElement<Q> {
  /** One label per point, lowest first. */
  protected abstract labels(): LocalizedText[];

  protected override points(): ScalePoint[] {
    return this.labels().map((label, index) => [index + 1, `${index + 1} ${label}`]);
  }

  protected override ends(): (LocalizedText | undefined)[] {
    const labels = this.labels();
    return [labels[0], labels[labels.length - 1]];
  }
}
