import { LitElement, html, nothing } from 'lit';
import type { SurveyEligibility } from '../../core/types.js';
import { debugPanelStyles } from './debug-panel.styles.js';
import { raiseToTopLayer } from '../top-layer.js';

/**
 * The `debug: true` panel: for each survey, whether it can show on this page now and every reason
 * it cannot (what `earshot.explain()` returns), kept current. A tool for the site's own team, so
 * its words are English. Escape or the Close button removes it.
 *
 * @event earshot-close - The panel was closed and left the page.
 * @csspart panel - The panel.
 */
export class DebugPanelElement extends LitElement {
  static override styles = debugPanelStyles;

  static override properties = {
    entries: { attribute: false },
  };

  /** What `explain()` said last; none until it first answers. */
  entries: SurveyEligibility[] | undefined;
  /** Where focus came from when it entered the panel; it goes back there on close. */
  #returnFocusTo: HTMLElement | null = null;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.#close();
    });
    this.addEventListener('focusin', (event) => {
      const from = event.relatedTarget;
      if (from instanceof HTMLElement && !this.contains(from) && from !== this) this.#returnFocusTo = from;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    raiseToTopLayer(this);
  }

  override render() {
    return html`<section part="panel" aria-labelledby="title" lang="en" dir="ltr">
      <header>
        <h2 id="title">Earshot: why surveys show or not</h2>
        <button type="button" class="close" aria-label="Close debug panel" @click=${this.#close}><span aria-hidden="true">×</span></button>
      </header>
      <div class="list" tabindex="0" role="group" aria-label="Surveys">
        ${this.entries?.length ? html`<ul>${this.entries.map((entry) => this.#renderEntry(entry))}</ul>` : this.entries && html`<p>No surveys configured.</p>`}
      </div>
    </section>`;
  }

  #renderEntry({ surveyId, eligible, showing, reasons }: SurveyEligibility) {
    const verdict = showing ? 'on the page now' : eligible ? 'eligible: it shows at its next journey point' : 'not eligible';
    return html`<li data-survey=${surveyId}>
      <p><strong>${surveyId}</strong> <span class=${eligible ? 'yes' : 'no'}>${verdict}</span></p>
      ${
        reasons.length
          ? html`<ul class="reasons">
            ${reasons.map(({ code, message }) => html`<li data-code=${code}><code>${code}</code> ${message}</li>`)}
          </ul>`
          : nothing
      }
    </li>`;
  }

  #close(): void {
    const hadFocus = !!this.shadowRoot?.activeElement;
    this.remove();
    if (hadFocus && this.#returnFocusTo?.isConnected) this.#returnFocusTo.focus();
    this.dispatchEvent(new Event('earshot-close'));
  }
}
