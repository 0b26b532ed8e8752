import { LitElement, html } from 'lit';
import type { NpsQuestion } from '../../../core/types.js';
import { ENGLISH, type Strings } from '../../strings.js';
import { questionChange } from '../question-change.js';
import { questionStyles } from '../question.styles.js';
import { npsQuestionStyles } from './nps-question.styles.js';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/**
 * Net Promoter Score, 0–10, as native radios in a radiogroup named by the question.
 *
 * @event earshot-change - The visitor picked a score; `detail.value` is the number.
 * @csspart options - The row of scores.
 */
export class NpsQuestionElement extends LitElement {
  static override styles = [questionStyles, npsQuestionStyles];

  static override properties = {
    question: { attribute: false },
    value: { attribute: false },
    strings: { attribute: false },
  };

  declare question: NpsQuestion;
  declare value: number | undefined;
  strings: Strings = ENGLISH;

  override render() {
    const { question, strings } = this;
    return html`
      <div role="radiogroup" aria-labelledby="text" aria-describedby="ends">
        <span id="text" class="text">${question.text}</span>
        <div class="scale" part="options">
          ${SCORES.map(
            (score) => html`
              <label class="option">
                <input type="radio" name="score" value=${score} .checked=${this.value === score} @change=${() => this.pick(score)} />
                <span class="box">${score}</span>
              </label>
            `,
          )}
        </div>
        <div id="ends" class="ends" aria-hidden="true">
          <span>${strings.npsLow}</span><span>${strings.npsHigh}</span>
        </div>
      </div>
    `;
  }

  private pick(score: number): void {
    this.value = score;
    this.dispatchEvent(questionChange(score));
  }
}
