import { html } from 'lit';
import type { Audience, Conditions } from '../../core/types.js';
import { EditorElement } from './editor-element.js';

/** The page facts an audience may name besides traits. */
const FACTS = ['device', 'language', 'referrer'];

/** Who may be asked: conditions on the visitor's traits, and on their device, language and referrer. */
export class AudienceEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, audience: { attribute: false } };
  declare audience: Audience | undefined;

  override render() {
    const { traits, ...facts } = this.audience ?? {};
    return html`<fieldset>
      <legend>Who is asked</legend>
      <p class="hint">Everyone, unless you add conditions. Devices are mobile, tablet or desktop; a language is a tag such as fr; a referrer is a host name such as www.google.com.</p>
      <builder-conditions-editor
        .problems=${this.problems}
        .path=${['audience', 'traits']}
        .conditions=${traits}
        legend="Visitor traits (given to identify)"
        name-label="Trait"
        @builder-conditions=${(event: CustomEvent<Conditions | undefined>) => this.edit(['audience', 'traits'], event.detail)}
      ></builder-conditions-editor>
      <builder-conditions-editor
        .problems=${this.problems}
        .path=${['audience']}
        .conditions=${facts as Conditions}
        .names=${FACTS}
        legend="Device, language and referrer"
        name-label="Fact"
        @builder-conditions=${(event: CustomEvent<Conditions | undefined>) => this.edit(['audience'], this.#withTraits(traits, event.detail))}
      ></builder-conditions-editor>
    </fieldset>`;
  }

  #withTraits(traits: Conditions | undefined, facts: Conditions | undefined): Audience | undefined {
    const audience = { ...(traits && { traits }), ...facts };
    return Object.keys(audience).length ? audience : undefined;
  }
}
