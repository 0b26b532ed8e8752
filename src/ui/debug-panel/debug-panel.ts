import { LitElement, html, nothing } from 'lit';
import type { SurveyEligibility } from '../../core/types.js';
import { debugPanelStyles } from './debug-panel.styles.js';
import { raiseToTopLayer } from '../top-layer.js';

/** An ISO 8601 timestamp as Earshot writes them in its sentences. */
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
/** Where a validator line's path ends and its message starts (`surveysUrl[0].id: is required`). */
const PATH_END = /^([\w$.[\]]+): /;

/** A sentence with its timestamps as dates in the reader's own locale and time zone (the ISO form stays in `datetime`). */
function withLocalDates(sentence: string) {
  const parts: unknown[] = [];
  let from = 0;
  for (const match of sentence.matchAll(ISO_TIMESTAMP)) {
    const date = new Date(match[0]);
    parts.push(sentence.slice(from, match.index), html`<time datetime=${match[0]}>${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>`);
    from = match.index + match[0].length;
  }
  parts.push(sentence.slice(from));
  return parts;
}

/**
 * The `debug: true` panel: for each survey, whether it can show on this page now and every reason
 * it cannot (what `earshot.explain()` returns), kept current, under the problems met loading
 * definitions or showing a preview. A preview link that cannot show its survey, or simulates it,
 * shows the same panel limited to that survey (`only`). A tool for the site's own team, so its
 * words are English; dates are in the reader's locale. Escape or the Close button removes it.
 *
 * @event earshot-close - The panel was closed and left the page.
 * @csspart panel - The panel.
 */
export class DebugPanelElement extends LitElement {
  static override styles = debugPanelStyles;

  static override properties = {
    entries: { attribute: false },
    problems: { attribute: false },
    only: { attribute: false },
    heading: { attribute: false },
  };

  /** What `explain()` said last; none until it first answers. */
  entries: SurveyEligibility[] | undefined;
  /** Problems met loading definitions or showing a preview, each with its path. */
  problems: readonly string[] = [];
  /** Lists only these surveys (none: all). */
  only: readonly string[] | undefined;
  heading = 'Earshot: why surveys show or not';
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
    const { only } = this;
    const entries = only ? this.entries?.filter(({ surveyId }) => only.includes(surveyId)) : this.entries;
    return html`<section part="panel" aria-labelledby="title" lang="en" dir="ltr">
      <header>
        <h2 id="title">${this.heading}</h2>
        <button type="button" class="close" aria-label="Close debug panel" @click=${this.#close}><span aria-hidden="true">×</span></button>
      </header>
      <div class="list" tabindex="0" role="group" aria-label="Surveys">
        ${this.problems.length ? html`<h3>Problems</h3><ul class="problems">${this.problems.flatMap((line) => line.split(/; (?=[\w$.[\]]+: )/)).map((line) => this.#renderProblem(line))}</ul>` : nothing}
        ${entries?.length ? html`<ul>${entries.map((entry) => this.#renderEntry(entry))}</ul>` : entries && !only && html`<p>No surveys configured.</p>`}
      </div>
    </section>`;
  }

  #renderProblem(line: string) {
    const [, path] = PATH_END.exec(line) ?? [];
    return html`<li>${path ? html`<code>${path}</code> ${line.slice(path.length + 2)}` : line}</li>`;
  }

  #renderEntry({ surveyId, eligible, showing, reasons, simulated }: SurveyEligibility) {
    const verdict = showing
      ? 'on the page now'
      : simulated
        ? 'simulated: it shows, as a preview, once its trigger fires for this visitor'
        : eligible
          ? 'eligible: it shows at its next journey point'
          : 'not eligible';
    return html`<li data-survey=${surveyId}>
      <p><strong>${surveyId}</strong> <span class=${eligible || simulated ? 'yes' : 'no'}>${verdict}</span></p>
      ${
        reasons.length
          ? html`<ul class="reasons">
            ${reasons.map(({ code, message }) => html`<li data-code=${code}><code>${code}</code> ${withLocalDates(message)}</li>`)}
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
