import { html } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import type { Survey, Thanks } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { localizedField, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';

/** `{ text, link }`, as opposed to a text given by locale. */
const isThanksObject = (value: unknown): value is Thanks => isRecord(value) && ('text' in value || 'link' in value);

/** The thank-you step: its text, and a link to a page if wanted. */
export class ThanksEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, thanks: { attribute: false } };
  declare thanks: Survey['thanks'];

  override render() {
    const { thanks, problems } = this;
    const structured = isThanksObject(thanks);
    const text = structured ? thanks.text : thanks;
    const link = structured ? thanks.link : undefined;
    const textPath: Path = structured ? ['thanks', 'text'] : ['thanks'];
    return html`<fieldset>
      <legend>Thank-you step</legend>
      ${localizedField({ path: textPath, label: 'Thank-you text', hint: 'Empty: “Thank you for your feedback!”', problems, value: text, onInput: (at, value) => this.#editText(at, value) })}
      <div class="row">
        ${localizedField({ path: ['thanks', 'link', 'label'], label: 'Link label', problems, value: link?.label, onInput: (at, value) => this.#editLink(at, value) })}
        ${textField({ path: ['thanks', 'link', 'url'], label: 'Link address', type: 'url', placeholder: 'https://example.com/more', problems, value: link?.url ?? '', onInput: (value) => this.#editLink(['thanks', 'link', 'url'], value) })}
      </div>
    </fieldset>`;
  }

  #editText(at: Path, value: string): void {
    // Without a link the thank-you text is written as a plain string.
    if (isThanksObject(this.thanks) && at[1] === 'text') this.edit(['thanks'], this.#shape(value || undefined, this.thanks.link));
    else this.editText(at, value);
  }

  #editLink(at: Path, value: string): void {
    const current = isThanksObject(this.thanks) ? this.thanks : { text: this.thanks };
    const link: Record<string, unknown> = { ...current.link, [at[at.length - 1]]: value };
    if (!value) delete link[at[at.length - 1]];
    const linked = Object.keys(link).length ? ({ label: '', url: '', ...link } as Thanks['link']) : undefined;
    this.edit(['thanks'], this.#shape(current.text, linked?.label === '' && linked.url === '' ? undefined : linked));
  }

  #shape(text: Thanks['text'], link: Thanks['link']): Survey['thanks'] {
    if (link) return { ...(text !== undefined && { text }), link };
    return text;
  }
}
