import { LitElement, html } from 'lit';
import { ENGLISH, directionOf, type LocaleStrings } from '../../i18n/strings.js';
import { feedbackTabStyles } from './feedback-tab.styles.js';
import { raiseToTopLayer } from '../top-layer.js';

/**
 * A "Feedback" tab on the page's edge that opens its survey when the visitor asks.
 *
 * @event earshot-open - The visitor activated the tab.
 * @csspart tab - The tab button.
 */
export class FeedbackTabElement extends LitElement {
  static override styles = feedbackTabStyles;

  static override properties = {
    locale: {},
    strings: { attribute: false },
  };

  locale = 'en';
  strings: LocaleStrings = ENGLISH;

  override connectedCallback(): void {
    super.connectedCallback();
    raiseToTopLayer(this);
  }

  override render() {
    return html`<button part="tab" type="button" lang=${this.locale} dir=${directionOf(this.locale)} @click=${this.#open}>${this.strings.feedbackTab}</button>`;
  }

  #open(): void {
    this.dispatchEvent(new CustomEvent('earshot-open'));
  }
}
