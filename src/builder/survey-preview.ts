import { LitElement, html, nothing } from 'lit';
import type { Appearance, SurveyCallbacks } from '../core/presenter.js';
import { recaller } from '../core/definition/recall.js';
import type { DisplayMode, Survey, UserTraits } from '../core/types.js';
import { applyAppearance } from '../ui/appearance.js';
import { stringsFor } from '../i18n/strings.js';
import type { SurveyElement } from '../ui/survey/survey.js';
import { DISPLAY_LABELS } from './editors/display-editor.js';
import { pathOfAddress } from './model/page-tester.js';
import { act, actionLabel, actionsOf, simulationState, startVisit, tick, type SimulatedVisit, type SimulatedVisitor, type VisitorAction } from './model/simulation.js';
import { parseValue } from './model/values.js';
import { previewStyles } from './survey-preview.styles.js';

/** How the preview starts: at once, or as a visitor would meet it (its trigger and audience, simulated). */
type Start = 'now' | 'simulate';

/** Traits typed as `plan=pro, seats=3`. */
function readTraits(typed: string): UserTraits {
  return Object.fromEntries(
    typed
      .split(',')
      .map((pair) => pair.split('='))
      .filter(([name, value]) => name?.trim() && value !== undefined)
      .map(([name, value]) => [name.trim(), parseValue(value) as UserTraits[string]]),
  );
}

/**
 * The real `<earshot-survey>` showing the survey being built, inline whatever its mode and in its
 * own look. It starts at once, or (simulate) once its trigger fires for a simulated visit of the
 * page tester's page, time passing by itself and the visitor's actions as buttons, and its
 * audience lets the simulated visitor in; sample, dates and frequency are ignored, as in
 * `?earshot_preview=<id>&simulate=1`. No Earshot runs here: answers go to no endpoint and no storage.
 */
export class SurveyPreviewElement extends LitElement {
  static override styles = previewStyles;
  static override properties = {
    survey: { attribute: false },
    locale: {},
    display: {},
    appearance: { attribute: false },
    problemCount: { type: Number },
    pageAddress: {},
    finished: { state: true },
    start: { state: true },
    visit: { state: true },
    visitor: { state: true },
  };

  /** The last valid version of the survey. */
  declare survey: Survey | undefined;
  declare locale: string;
  declare display: DisplayMode | undefined;
  declare appearance: Appearance;
  declare problemCount: number;
  /** The page tester's address: the simulated visit is on that page. */
  declare pageAddress: string;
  protected finished = false;
  protected start: Start = 'now';
  protected visit: SimulatedVisit = startVisit('/');
  protected visitor: SimulatedVisitor = { traits: {}, device: 'desktop', language: 'en', referrer: '' };
  #shown = '';
  /** What the simulated visit is of: the trigger, audience and page it started with. */
  #simulated = '';
  #clock: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopClock();
  }

  override willUpdate(): void {
    // A new trigger, audience or page starts the simulated visit afresh.
    const simulated = JSON.stringify([this.survey?.trigger, this.survey?.audience, this.#path]);
    if (this.start === 'simulate' && simulated !== this.#simulated) this.#restartVisit();
  }

  get #path(): string {
    return pathOfAddress(this.pageAddress ?? '') ?? '/';
  }

  override render() {
    const mode = DISPLAY_LABELS[this.display ?? 'popover'];
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p class="mode">Display mode: <strong>${mode}</strong>. Shown here inline, in this survey’s look. Answers given here are not sent or stored.</p>
      ${this.problemCount ? html`<p class="paused">The preview shows the last version without problems; fix ${this.problemCount === 1 ? 'the problem' : `the ${this.problemCount} problems`} to update it.</p>` : nothing}
      <fieldset class="start">
        <legend>Start the preview</legend>
        ${this.#startChoice('now', 'At once')} ${this.#startChoice('simulate', 'As a visitor meets it (simulate its trigger and audience)')}
      </fieldset>
      ${this.start === 'simulate' ? this.#renderSimulation() : nothing}
      <div class="stage"></div>
      ${this.survey ? html`<button type="button" @click=${() => this.#restart()}>Restart the preview</button>` : nothing}
      ${this.finished ? html`<p role="status">The preview survey was completed; nothing was sent.</p>` : nothing}
    </section>`;
  }

  #startChoice(value: Start, label: string) {
    return html`<label class="choice"
      ><input type="radio" name="start" .checked=${this.start === value} @change=${() => this.#startAs(value)} />
      ${label}</label
    >`;
  }

  #renderSimulation() {
    const survey = this.survey;
    if (!survey) return nothing;
    const { state, sentence } = simulationState(survey.trigger, survey.audience, this.visit, this.visitor);
    const actions = state === 'waiting' ? actionsOf(survey.trigger) : [];
    return html`<div class="simulation">
      <p>A visit to <code>${this.visit.page.path}</code> (the page tester’s address), <span class="clock">${this.visit.seconds} s</span> on the page so far.</p>
      ${survey.audience ? this.#renderVisitor() : nothing}
      <p class="state ${state}" role="status">${sentence}</p>
      ${
        actions.length
          ? html`<div class="actions" aria-label="What the visitor does" role="group">
            ${actions.map((action) => html`<button type="button" @click=${() => this.#act(action)}>${actionLabel(action)}</button>`)}
          </div>`
          : nothing
      }
      <div class="actions"><button type="button" @click=${() => this.#restartVisit()}>Start the visit again</button></div>
    </div>`;
  }

  #renderVisitor() {
    const { traits, device, language } = this.visitor;
    const change = (visitor: Partial<SimulatedVisitor>) => (this.visitor = { ...this.visitor, ...visitor });
    const typedTraits = Object.entries(traits)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
    return html`<fieldset class="visitor">
      <legend>The simulated visitor</legend>
      <div class="field">
        <label for="sim-traits">Their traits</label>
        <input id="sim-traits" aria-describedby="sim-traits-hint" .value=${typedTraits} @change=${(event: Event) => change({ traits: readTraits((event.target as HTMLInputElement).value) })} />
        <p class="hint" id="sim-traits-hint">As identify() gives them: plan=pro, seats=3</p>
      </div>
      <div class="field">
        <label for="sim-device">Their device</label>
        <select id="sim-device" @change=${(event: Event) => change({ device: (event.target as HTMLSelectElement).value })}>
          ${['desktop', 'tablet', 'mobile'].map((name) => html`<option ?selected=${name === device}>${name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="sim-language">Their language</label>
        <input id="sim-language" .value=${language} @change=${(event: Event) => change({ language: (event.target as HTMLInputElement).value.trim().toLowerCase() })} />
      </div>
    </fieldset>`;
  }

  override updated(): void {
    this.#show(false);
  }

  #startAs(start: Start): void {
    this.start = start;
    this.#shown = '';
    if (start === 'simulate') this.#restartVisit();
    else this.#stopClock();
  }

  #restart(): void {
    if (this.start === 'simulate') this.#restartVisit();
    this.#show(true);
  }

  #restartVisit(): void {
    const survey = this.survey;
    this.#simulated = JSON.stringify([survey?.trigger, survey?.audience, this.#path]);
    this.visit = startVisit(this.#path);
    this.#shown = '';
    this.#stopClock();
    // Time on the page passes by itself, as it does for a visitor.
    this.#clock = setInterval(() => {
      const trigger = this.survey?.trigger;
      if (!trigger || this.visit.shown) return this.#stopClock();
      this.visit = tick(this.visit, trigger, this.visit.seconds + 1);
    }, 1000);
  }

  #stopClock(): void {
    clearInterval(this.#clock);
    this.#clock = undefined;
  }

  #act(action: VisitorAction): void {
    const trigger = this.survey?.trigger;
    if (trigger) this.visit = act(this.visit, trigger, action);
  }

  /** Whether the survey is on the stage now: always at once, or once the simulated visit shows it. */
  get #onStage(): boolean {
    const survey = this.survey;
    if (!survey) return false;
    return this.start === 'now' || simulationState(survey.trigger, survey.audience, this.visit, this.visitor).state === 'shown';
  }

  /** Replaces the survey element when what it shows changed (or on a restart), so it starts from its first question. */
  #show(restart: boolean): void {
    const stage = this.renderRoot.querySelector('.stage');
    if (!stage) return;
    if (!this.#onStage) {
      this.#shown = '';
      if (stage.childElementCount) stage.replaceChildren();
      return;
    }
    const shown = JSON.stringify([this.survey, this.locale, this.appearance]);
    if (!this.survey || (shown === this.#shown && !restart)) return;
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
