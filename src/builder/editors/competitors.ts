import { css, html, nothing } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { formStyles } from '../form/form.styles.js';
import { competition, type Competitor } from '../model/competition.js';
import { browserStorage } from '../model/draft.js';
import { readSurveyList } from '../model/read-definition.js';
import { liveSurveys, loadSettings } from '../model/registry.js';

/** The site's other surveys were loaded (`detail`: `{ surveys, from }`). */
export const OTHERS_EVENT = 'builder-others';

/** Where the other surveys came from, and what they are. */
export interface OtherSurveys {
  surveys: unknown[];
  /** Said in the section: "the collector at …" or a file name. */
  from: string;
}

const quoted = (id: string) => `“${id}”`;

/**
 * The site's other surveys (from a surveys file, or the collector's registry) against this one:
 * which can show on the same page and wait for the same journey points, which shows first, and
 * what the site-wide pause between surveys does between them, with the way out (`cooldown: false`).
 */
export class CompetitorsElement extends EditorElement {
  static override styles = [
    formStyles,
    css`
      ul {
        margin: 0.5rem 0;
        padding-inline-start: 1.25rem;
      }
      li + li {
        margin-top: 0.4rem;
      }
    `,
  ];
  static override properties = {
    ...EditorElement.properties,
    survey: { attribute: false },
    others: { attribute: false },
    pageAddress: {},
    said: { state: true },
  };
  declare survey: Partial<SurveyDefinition>;
  declare others: OtherSurveys | undefined;
  declare pageAddress: string;
  protected said = '';

  override render() {
    return html`<fieldset>
      <legend>Other surveys on the site</legend>
      <p class="hint">Load the site’s other surveys to see which can show at the same journey points as this one, and what the pause between surveys will do.</p>
      <div class="actions">
        <button type="button" @click=${this.#loadLive}>Load the live surveys from the collector</button>
        <label class="file">Load a surveys file <input type="file" accept=".json,application/json" @change=${this.#loadFile} /></label>
      </div>
      <p class="said" role="status">${this.said}</p>
      ${this.others ? this.#renderCompetition(this.others) : nothing}
    </fieldset>`;
  }

  #renderCompetition({ surveys, from }: OtherSurveys) {
    const { competitors, bystanders } = competition(this.survey, surveys, this.pageAddress ?? '');
    const exempt = this.survey.cooldown === false;
    const paused = competitors.filter(({ pause }) => pause).map(({ surveyId }) => quoted(surveyId));
    return html`<h3>Against ${surveys.length === 1 ? 'the survey' : `the ${surveys.length} surveys`} from ${from}</h3>
      ${competitors.length ? html`<ul>${competitors.map((competitor) => html`<li>${this.#describe(competitor)}</li>`)}</ul>` : html`<p>None of them pops up on its own.</p>`}
      ${bystanders.length ? html`<p class="hint">Never in the way: ${bystanders.map(quoted).join(', ')} (shown only when asked for, or behind a Feedback tab).</p>` : nothing}
      <p>
        ${
          exempt
            ? 'This survey is exempt from the site-wide pause: it neither waits for it nor starts one.'
            : paused.length
              ? `The pause: once this survey pops up for a visitor, ${paused.join(', ')} will not pop up for them during the site’s pause (cooldownDays, 3 days unless the site sets another), and once one of them did, this survey waits as long. To keep this survey out of the pause, tick “Exempt from the site-wide pause between surveys” under How often.`
              : 'None of them takes part in the site-wide pause with this survey.'
        }
      </p>`;
  }

  #describe({ surveyId, shared, samePage, uncertain, first }: Competitor) {
    const who = html`<strong>${quoted(surveyId)}</strong>`;
    if (samePage === undefined) return html`${who} never shows on the same page as this one${uncertain ? ' among the pages tried (a regular expression may allow others)' : ''}.`;
    const order =
      first === 'this'
        ? 'this survey shows first (higher priority)'
        : first === 'other'
          ? `${quoted(surveyId)} shows first (higher priority)`
          : 'the one the site lists first shows (same priority)';
    const moment = shared.length
      ? `Both wait for ${shared.join(', ')} on ${samePage}: when both are due at once, ${order}.`
      : `Both can show on ${samePage}, at different journey points: whichever comes first takes the page, one survey at a time.`;
    return html`${who}: ${moment}`;
  }

  async #loadLive(): Promise<void> {
    const { collector } = loadSettings(browserStorage('sessionStorage'), location.protocol.startsWith('http') ? location.origin : '');
    if (!collector) return void (this.said = 'Type the collector’s address under Publish first.');
    try {
      this.#use({ surveys: await liveSurveys(collector), from: `the collector at ${collector}` });
    } catch (error) {
      this.said = (error as Error).message;
    }
  }

  async #loadFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const read = readSurveyList(await file.text());
    input.value = '';
    if ('error' in read) return void (this.said = read.error);
    this.#use({ surveys: read.surveys, from: file.name });
  }

  #use(others: OtherSurveys): void {
    this.said = `Loaded ${others.surveys.length === 1 ? 'one survey' : `${others.surveys.length} surveys`} from ${others.from}.`;
    this.dispatchEvent(new CustomEvent(OTHERS_EVENT, { detail: others, bubbles: true, composed: true }));
  }
}
