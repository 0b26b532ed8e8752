import { css, html, nothing } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { EXPORTED_EVENT, IMPORT_EVENT } from './json-panel.js';
import { formStyles } from '../form/form.styles.js';
import { textField } from '../form/field.js';
import { readableDate } from '../model/dates.js';
import { browserStorage } from '../model/draft.js';
import {
  RegistryError,
  liveSurveys,
  loadSettings,
  historyOf,
  previewLink,
  publish,
  republish,
  saveSettings,
  unpublish,
  type PublishedVersion,
  type RegistrySettings,
  type SurveyHistory,
} from '../model/registry.js';

/** What the collector says of this survey: whether it is live, as what, and its versions. */
interface LiveState extends SurveyHistory {
  /** The definition `GET /api/earshot/surveys` serves now, if any. */
  live?: unknown;
  /** Why the versions could not be read (the key, an older collector), if they could not. */
  versionsProblem?: string;
}

/** Why a quota closed a survey, by the registry's `closed.reason`. */
const CLOSED_BECAUSE: Record<string, string> = {
  maxResponses: 'it has all the responses its maxResponses asks for',
  closesAt: 'its closesAt date has passed',
};

/** The builder's own origin when it is served over http(s), as by the collector at /builder/. */
const ownOrigin = () => (location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '');

/** Whether two definitions are the same JSON, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/**
 * Publish from the builder to the reference collector's surveys registry (docs/architecture.md
 * §6): the collector's address and key are typed once and kept for the browser session
 * (`sessionStorage`); Publish sends the survey, which the site's `surveysUrl` then serves at its
 * next page load. The panel shows what is live (and whether the form differs from it), the
 * versions kept (each can be loaded into the form and published again), and links that open the
 * live page with `?earshot_preview=`.
 */
export class PublishPanelElement extends EditorElement {
  static override styles = [
    formStyles,
    css`
      ol {
        margin: 0.25rem 0;
        padding-inline-start: 1.5rem;
      }
      .error-box {
        border-inline-start: 4px solid #b3261e;
        padding-inline-start: 0.5rem;
      }
    `,
  ];
  static override properties = {
    ...EditorElement.properties,
    definition: { attribute: false },
    pageAddress: {},
    settings: { state: true },
    said: { state: true },
    failure: { state: true },
    state: { state: true },
    confirming: { state: true },
  };

  declare definition: SurveyDefinition;
  declare pageAddress: string;
  protected settings: RegistrySettings = loadSettings(browserStorage('sessionStorage'), ownOrigin());
  /** What the last action did. */
  protected said = '';
  /** What went wrong, with the collector's problems. */
  protected failure: RegistryError | undefined;
  protected state: LiveState | undefined;
  /** Unpublish asks once more before it acts. */
  protected confirming = false;

  override render() {
    const { settings, problems, definition } = this;
    const blocked = problems.length > 0;
    return html`<section aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      <p class="hint">Publishing sends the survey to the collector, whose <code>/api/earshot/surveys</code> the site reads as its <code>surveysUrl</code>: it shows from the next page load, with no deploy.</p>
      <div class="row">
        ${textField({
          path: ['collector'],
          label: 'Collector address',
          type: 'url',
          placeholder: 'https://collector.example',
          problems: [],
          value: settings.collector,
          onInput: (collector) => this.#keep({ ...this.settings, collector }),
        })}
        ${textField({
          path: ['key'],
          label: 'Read key',
          hint: 'The collector’s EARSHOT_READ_TOKEN. Kept for this browser session only.',
          type: 'password',
          autocomplete: 'off',
          problems: [],
          value: settings.key,
          onInput: (key) => this.#keep({ ...this.settings, key }),
        })}
      </div>
      <div class="actions">
        <button type="button" class="primary" aria-describedby=${blocked ? 'publish-blocked' : nothing} ?disabled=${blocked} @click=${this.#publish}>Publish “${definition.id}”</button>
        <button type="button" @click=${this.#refresh}>Show what is live</button>
      </div>
      ${blocked ? html`<p class="hint" id="publish-blocked">Fix the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} listed above the form to publish.</p>` : nothing}
      <p class="said" role="status">${this.said}</p>
      ${this.failure ? this.#renderFailure(this.failure) : nothing} ${this.state ? this.#renderState(this.state) : nothing} ${this.#renderLinks()}
    </section>`;
  }

  #renderFailure({ message, problems }: RegistryError) {
    return html`<div role="alert" class="error-box">
      <p class="error">${message}</p>
      ${problems.length ? html`<ul>${problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : nothing}
    </div>`;
  }

  #renderState({ live, versions, versionsProblem, status, closed }: LiveState) {
    const { id } = this.definition;
    const current = versions.find((version) => version.live) ?? (live ? versions[0] : undefined);
    return html`<h3>What is live</h3>
      ${
        live
          ? html`<p>
              “${id}” is live${current ? `: version ${current.version}${current.publishedAt ? `, published ${readableDate(current.publishedAt)}` : ''}` : ''}.
              ${sameJson(live, this.definition) ? 'The form is the same as the live version.' : 'The form has changes that are not live yet.'}
            </p>`
          : status === 'closed' && closed
            ? html`<p>
                “${id}” is closed${closed.at ? ` since ${readableDate(closed.at)}` : ''}: ${CLOSED_BECAUSE[closed.reason] ?? `its quota (${closed.reason}) was reached`}, so the
                site’s surveysUrl no longer serves it. Publish a version with a new quota to open it again.
              </p>`
            : html`<p>“${id}” is not live: the site’s surveysUrl does not serve it.</p>`
      }
      ${
        versions.length
          ? html`<h3>Versions</h3>
            <ol reversed>
              ${versions.map(
                (version) =>
                  html`<li>
                    Version ${version.version}${version.publishedAt ? `, ${readableDate(version.publishedAt)}` : ''}${version.live ? ' (live)' : ''}
                    ${version.definition ? html`<button type="button" @click=${() => this.#load(version)}>Load version ${version.version} into the form</button>` : nothing}
                    ${version.live && status === 'live' ? nothing : html`<button type="button" @click=${() => this.#republish(version)}>Make version ${version.version} live again</button>`}
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      ${versionsProblem ? html`<p class="hint">The versions could not be read: ${versionsProblem}</p>` : nothing}
      ${
        live
          ? this.confirming
            ? html`<p>Unpublish “${id}”? The site stops showing it at its next page load; its versions are kept.</p>
                <div class="actions">
                  <button type="button" @click=${this.#unpublish}>Unpublish it</button>
                  <button type="button" @click=${() => (this.confirming = false)}>Keep it live</button>
                </div>`
            : html`<div class="actions"><button type="button" @click=${() => (this.confirming = true)}>Unpublish “${id}”…</button></div>`
          : nothing
      }`;
  }

  #renderLinks() {
    const { id } = this.definition;
    const page = this.pageAddress?.trim();
    const site = ownOrigin() || undefined;
    const now = page ? previewLink(page, id, false, site) : undefined;
    const simulated = page ? previewLink(page, id, true, site) : undefined;
    return html`<h3>Preview on the live site</h3>
      ${
        now && simulated
          ? html`<ul>
            <li><a href=${now} target="_blank" rel="noopener">Open ${page} with “${id}” at once</a></li>
            <li><a href=${simulated} target="_blank" rel="noopener">Open ${page} as a visitor meets “${id}” (simulate)</a></li>
          </ul>`
          : html`<p class="hint">Type the address of a page of your site in the page tester (under When it shows) for links that open it with this survey.</p>`
      }`;
  }

  #keep(settings: RegistrySettings): void {
    this.settings = settings;
    saveSettings(browserStorage('sessionStorage'), settings);
  }

  async #run(action: () => Promise<string>): Promise<void> {
    this.failure = undefined;
    try {
      this.said = await action();
    } catch (error) {
      this.said = '';
      this.failure = error instanceof RegistryError ? error : new RegistryError(String((error as Error)?.message ?? error));
    }
  }

  #publish(): Promise<void> {
    return this.#run(async () => {
      const published = await publish(this.settings, this.definition);
      this.dispatchEvent(new CustomEvent(EXPORTED_EVENT, { bubbles: true, composed: true }));
      await this.#readState();
      const version = published?.version ?? this.state?.versions.find(({ live }) => live)?.version;
      return `Published “${this.definition.id}”${version === undefined ? '' : ` as version ${version}`}: the site shows it from its next page load.`;
    });
  }

  #refresh(): Promise<void> {
    return this.#run(async () => {
      await this.#readState();
      return `Read what is live at ${this.settings.collector}.`;
    });
  }

  #unpublish(): Promise<void> {
    this.confirming = false;
    return this.#run(async () => {
      await unpublish(this.settings, this.definition.id);
      await this.#readState();
      return `Unpublished “${this.definition.id}”: the site stops showing it from its next page load.`;
    });
  }

  #republish(version: PublishedVersion): Promise<void> {
    return this.#run(async () => {
      await republish(this.settings, this.definition.id, version.version);
      await this.#readState();
      return `Version ${version.version} of “${this.definition.id}” is live again: the site shows it from its next page load.`;
    });
  }

  async #readState(): Promise<void> {
    const { id } = this.definition;
    const live = (await liveSurveys(this.settings.collector)).find((survey) => (survey as { id?: unknown })?.id === id);
    let history: SurveyHistory = { versions: [] };
    let versionsProblem: string | undefined;
    try {
      history = await historyOf(this.settings, id);
    } catch (error) {
      versionsProblem = (error as Error).message;
    }
    this.state = { live, ...history, ...(versionsProblem && { versionsProblem }) };
  }

  #load(version: PublishedVersion): void {
    this.dispatchEvent(new CustomEvent(IMPORT_EVENT, { detail: version.definition, bubbles: true, composed: true }));
    this.said = `Loaded version ${version.version} into the form: publish it to make it live again.`;
  }
}
