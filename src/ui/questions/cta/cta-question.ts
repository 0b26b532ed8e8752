import { css, html, nothing } from 'lit';
import type { CtaQuestion } from '../../../core/types.js';
import { QuestionElement } from '../question-element.js';
import { questionStyles } from '../question.styles.js';
import { ctaQuestionStyles } from './cta-question.styles.js';

type Clicked = { clicked: true };

/**
 * A text-only step: a title, a body and one button. With a `url` the button is a link that opens
 * that page in a new tab; without, a button. Either way a click answers `{ clicked: true }` and
 * the survey moves on; the survey's own Next goes on without it, and the answer is then absent.
 *
 * @event earshot-change - The visitor clicked the button; `detail.value` is `{ clicked: true }`, `detail.proceed` asks the survey to move on.
 * @csspart body - The text under the title.
 * @csspart action - The button (or link).
 */
export class CtaQuestionElement extends QuestionElement<CtaQuestion, Clicked> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${ctaQuestionStyles}`;

  override render() {
    const { text, body, button } = this.question;
    return html`
      <p class="text" part="question-text">${text}</p>
      ${body ? html`<p class="body" part="body">${body}</p>` : nothing}
      ${
        button.url
          ? html`<a class="action" part="action" href=${button.url} target="_blank" rel="noopener noreferrer" @click=${this.follow}>${button.label}</a>`
          : html`<button class="action" part="action" type="button" @click=${this.follow}>${button.label}</button>`
      }
    `;
  }

  /** The link opens on its own (the survey never holds it back); the step is done. */
  private follow(): void {
    this.answer({ clicked: true }, false, true);
  }
}
