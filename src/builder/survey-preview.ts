import { LitElement, html, nothing } from 'lit';
import type { Appearance, SurveyCallbacks } from '../core/presenter.js';
import { recaller } from '../core/definition/recall.js';
import type { DisplayMode, Survey } from '../core/types.js';
import { applyAppearance } from '../ui/appearance.js';
import { stringsFor } from '../i18n/strings.js';
import type { SurveyElement } from '../ui/survey/survey.js';
import { DISPLAY_LABELS } from './editors/display-editor.js';
import { previewStyles } from './survey-preview.styles.js';

/**
 * The real `<earshot-survey>` showing the survey being built, inline whatever its mode. It is
 * given callbacks that keep nothing: no Earshot runs here, so answers go to no endpoint and
 * no storage.
 */
export class SurveyPreviewElement extends LitElement {
  static override styles = previewStyles;
  static override properties = {
    survey: { attribute: false },
    locale: {},
    display: {},
    appearance: { attribute: false },
    problemCount: { type: Number },
    finished: { state: true },
  };

  /** The last valid version of the survey. */
  declare survey: Survey | undefined;
  declare locale: string;
  declare display: DisplayMode | undefined;
  declare appearance: Appearance;
  declare problemCount: number;
  protected finished = false;
  #shown = '';

  override render() {
    const mode = DISPLAY_LABELS[this.display ?? 'popover'];
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p class="mode">Display mode: <strong>${mode}</strong>. Shown here inline. Answers given here are not sent or stored.</p>
      ${this.problemCount ? html`<p class="paused">The preview shows the last version without problems; fix ${this.problemCount === 1 ? 'the problem' : `the ${this.problemCount} problems`} to update it.</p>` : nothing}
      <div class="stage"></div>
      ${this.survey ? html`<button type="button" @click=${() => this.#show(true)}>Restart the preview</button>` : nothing}
      ${this.finished ? html`<p role="status">The preview survey was completed; nothing was sent.</p>` : nothing}
    </section>`;
  }

  override updated(): void {
    this.#show(false);
  }

  /** Replaces the survey element when what it shows changed (or on a restart), so it starts from its first question. */
  #show(restart: boolean): void {
    const stage = this.renderRoot.querySelector('.stage');
    const shown = JSON.stringify([this.survey, this.locale, this.appearance]);
    if (!stage || !this.survey || (shown === this.#shown && !restart)) return;
    this.#shown = shown;
    this.finished = false;
    const element = document.createElement('earshot-survey') as SurveyElement;
    element.survey = this.survey;
    // Recalled values ({{context.plan}}) show as their fallback, else as a sample naming them: [plan].
    element.recall = recaller(this.survey, (path, fallback) => fallback || `[${path.split('.').pop()}]`);
    element.locale = this.locale;
    element.strings = stringsFor(this.locale);
    element.callbacks = this.#callbacks;
    applyAppearance(element, this.appearance ?? {});
    stage.replaceChildren(element);
  }

  #callbacks: SurveyCallbacks = {
    onShown: () => {},
    onFailed: () => {},
    onChange: () => {},
    onAnswered: () => {},
    onComplete: () => {
      this.finished = true;
    },
    onDismiss: () => {},
    onClosed: () => {},
  };
}
