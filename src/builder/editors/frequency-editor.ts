import { html } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { parseNumber } from '../model/values.js';

type Field = 'sample' | 'recontactDays' | 'dismissedRecontactDays' | 'priority' | 'startsAt' | 'endsAt';

/** How often: the share of visitors asked, when it may be asked again, its priority and its dates. */
export class FrequencyEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, survey: { attribute: false } };
  declare survey: Partial<SurveyDefinition>;

  override render() {
    const number = (name: Field, label: string, hint: string, step = '1') =>
      textField({
        path: [name],
        label,
        hint,
        type: 'number',
        step,
        problems: this.problems,
        value: String(this.survey[name] ?? ''),
        onInput: (value) => this.edit([name] as Path, parseNumber(value)),
      });
    const date = (name: Field, label: string) =>
      textField({
        path: [name],
        label,
        hint: 'A date such as 2026-12-01, or a date and time.',
        placeholder: '2026-12-01',
        problems: this.problems,
        value: String(this.survey[name] ?? ''),
        onInput: (value) => this.editText([name], value),
      });
    return html`<fieldset>
      <legend>How often</legend>
      <div class="row">
        ${number('sample', 'Share of visitors asked', 'From 0 to 1: 0.2 asks one visitor in five; empty asks everyone.', 'any')}
        ${number('priority', 'Priority', 'When several surveys are due at once, the highest shows.')}
      </div>
      <div class="row">
        ${number('recontactDays', 'Days before asking again after an answer', 'Empty: never again.', 'any')}
        ${number('dismissedRecontactDays', 'Days before asking again after a dismissal', 'Empty: 30.', 'any')}
      </div>
      <div class="row">${date('startsAt', 'Not shown before')} ${date('endsAt', 'Not shown from')}</div>
    </fieldset>`;
  }
}
