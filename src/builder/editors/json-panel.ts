import { html, nothing } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { readDefinition, type ReadResult } from '../model/read-definition.js';

/** A survey read from a file or pasted, to fill the form with (`detail`: the definition). */
export const IMPORT_EVENT = 'builder-import';
/** The survey left the builder (copied, downloaded or published): the draft kept in the browser has done its job. */
export const EXPORTED_EVENT = 'builder-exported';

/** The survey as JSON: a read-only view, Copy and Download; and loading one from a file or pasted text. */
export class JsonPanelElement extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    definition: { attribute: false },
    said: { state: true },
    loaded: { state: true },
  };

  declare definition: SurveyDefinition;
  /** What the last Copy or Download did, announced. */
  protected said = '';
  /** What the last load did: an error with its problems, or the survey loaded. */
  protected loaded: ReadResult | undefined;

  get #json(): string {
    return JSON.stringify(this.definition, null, 2);
  }

  override render() {
    const problems = this.problems.length;
    return html`<section aria-labelledby="json-heading">
        <h2 id="json-heading">JSON</h2>
        <div class="actions">
          <button type="button" class="primary" @click=${this.#copy}>Copy JSON</button>
          <button type="button" @click=${this.#download}>Download JSON</button>
        </div>
        <p class="said" role="status">${this.said}</p>
        ${problems ? html`<p class="hint">The JSON has ${problems === 1 ? 'a problem' : `${problems} problems`} (listed above the form); init would refuse it.</p>` : nothing}
        <div class="field">
          <label for="survey-json">Survey JSON</label>
          <textarea id="survey-json" readonly rows="14" .value=${this.#json}></textarea>
        </div>
        <p class="hint">
          The file works as it is wherever the site takes surveys: in <code>earshot.init</code>’s <code>surveys</code>, at its <code>surveysUrl</code>, or in an <code>&lt;earshot-survey src&gt;</code> embed. Several
          surveys can share one file as a list.
        </p>
        <p class="hint">Definitions follow the JSON Schema <a href="survey.schema.json">survey.schema.json</a>, which code editors can check them against.</p>
      </section>
      <section aria-labelledby="load-heading">
        <h2 id="load-heading">Load a survey</h2>
        <div class="field">
          <label for="load-file">Load a JSON file</label>
          <input id="load-file" type="file" accept=".json,application/json" aria-describedby="load-result" @change=${this.#loadFile} />
        </div>
        <div class="field">
          <label for="paste">Paste JSON</label>
          <textarea id="paste" rows="5" aria-describedby="load-result"></textarea>
        </div>
        <div class="actions"><button type="button" @click=${this.#loadPasted}>Load pasted JSON</button></div>
        <div id="load-result">${this.#renderLoaded()}</div>
      </section>`;
  }

  #renderLoaded() {
    const { loaded } = this;
    if (!loaded) return nothing;
    if ('definition' in loaded) return html`<p role="status">Loaded survey “${loaded.definition.id}” into the form.</p>`;
    return html`<div role="alert" class="error-box">
      <p class="error">${loaded.error}</p>
      ${loaded.problems.length ? html`<ul>${loaded.problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
    </div>`;
  }

  async #copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#json);
      this.said = `Copied the JSON of “${this.definition.id}” to the clipboard.`;
      this.#exported();
    } catch {
      // The clipboard needs a secure page and permission; the JSON view below can still be copied by hand.
      this.said = 'The browser did not allow copying: select the text in Survey JSON and copy it.';
    }
  }

  #download(): void {
    const url = URL.createObjectURL(new Blob([`${this.#json}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.definition.id || 'survey'}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.said = `Downloaded ${link.download}.`;
    this.#exported();
  }

  #exported(): void {
    this.dispatchEvent(new CustomEvent(EXPORTED_EVENT, { bubbles: true, composed: true }));
  }

  async #loadFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.#load(await file.text());
    input.value = '';
  }

  #loadPasted(): void {
    this.#load(this.renderRoot.querySelector<HTMLTextAreaElement>('#paste')!.value);
  }

  #load(text: string): void {
    this.loaded = readDefinition(text);
    if ('definition' in this.loaded) this.dispatchEvent(new CustomEvent(IMPORT_EVENT, { detail: this.loaded.definition, bubbles: true, composed: true }));
  }
}
