import { html, nothing } from 'lit';
import { ID_PATTERN, isRecord } from '../../core/definition/checks.js';
import type { ChoiceOption } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { fieldId, groupDescribedBy, groupError, localizedField, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { afterRender } from '../form/after-render.js';

/**
 * The options of a choice question. An option is its label, which is also the answer, or, once
 * given an answer id, `{ "id", "label" }` answered with the id.
 */
export class OptionsEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, options: { attribute: false }, path: { attribute: false }, number: { type: Number }, pictures: { type: Boolean } };

  declare options: ChoiceOption[] | undefined;
  declare path: Path;
  /** The question's number, in the fields' names. */
  declare number: number;
  /** Options may show a picture (a choice's may; a ranking's may not). */
  declare pictures: boolean;

  override render() {
    const { problems, path, number } = this;
    const options = Array.isArray(this.options) ? this.options : [];
    const legendId = `${fieldId(path)}-legend`;
    return html`<fieldset aria-describedby=${groupDescribedBy({ path, problems })}>
      <legend id=${legendId}>Options of question ${number}</legend>
      ${groupError({ path, problems })}
      ${options.map((option, index) => {
        const at: Path = [...path, index];
        const label = isRecord(option) ? option.label : option;
        return html`<div class="row">
          ${localizedField({
            path: isRecord(option) ? [...at, 'label'] : at,
            alsoAt: isRecord(option) ? [at] : [],
            label: `Option ${index + 1}`,
            problems,
            value: label,
            onInput: (where, value) => this.edit(where, value),
          })}
          ${textField({
            path: [...at, 'id'],
            label: `Option ${index + 1} answer id`,
            hint: 'Optional; the answer is the label without it.',
            problems,
            value: isRecord(option) ? String(option.id ?? '') : '',
            onInput: (value) => this.edit(at, withId(option, value)),
          })}
          ${this.pictures ? this.#pictureFields(option, at, index) : nothing}
          <button type="button" @click=${() =>
            this.edit(
              path,
              options.filter((_, other) => other !== index),
            )}>Remove option ${index + 1}</button>
        </div>`;
      })}
      <div class="actions"><button type="button" @click=${this.#add}>Add an option to question ${number}</button></div>
    </fieldset>`;
  }

  /** A picture for the option (issue #22): its address, and its alt text once it has one. */
  #pictureFields(option: ChoiceOption, at: Path, index: number) {
    const { problems } = this;
    const picture = typeof option === 'object' && option.image !== undefined ? option : undefined;
    return html`${textField({
      path: [...at, 'image'],
      label: `Option ${index + 1} picture`,
      hint: 'Optional: an https: address, or a path on this site.',
      problems,
      value: picture?.image ?? '',
      onInput: (value) => this.edit(at, withPicture(option, value)),
    })}
    ${picture ? localizedField({ path: [...at, 'alt'], label: `Option ${index + 1} picture description`, required: true, problems, value: picture.alt, onInput: (where, value) => this.edit(where, value) }) : nothing}`;
  }

  async #add(): Promise<void> {
    const options = Array.isArray(this.options) ? this.options : [];
    this.edit(this.path, [...options, `Option ${options.length + 1}`]);
    await afterRender(this);
    // The new option's label, ready to be typed over.
    const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>(`input[id^="${fieldId(this.path)}_${options.length}_"]`);
    inputs[0]?.select();
  }
}

/** The option with an answer id, or back to a plain label when the id is cleared (and it has no picture). */
function withId(option: ChoiceOption, id: string): ChoiceOption {
  const label = typeof option === 'object' ? option.label : option;
  if (typeof option === 'object' && option.image !== undefined) return { ...option, id };
  if (id === '' && typeof label === 'string') return label;
  return { id, label };
}

/** The option with a picture (answered with an id: its label when that is one), or without once the address is cleared. */
function withPicture(option: ChoiceOption, image: string): ChoiceOption {
  const { id, label } = typeof option === 'object' ? option : { id: ID_PATTERN.test(option) ? option : '', label: option };
  if (image === '') return withId({ id, label }, id);
  return { id, label, image, alt: typeof option === 'object' && option.image !== undefined ? option.alt : '' };
}
