import { html, nothing } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { TEMPLATE_NAMES } from '../../core/definition/template-names.js';
import { EditorElement } from './editor-element.js';
import { selectField, textField } from '../form/field.js';

const TEMPLATE_LABELS: Record<string, string> = {
  nps: 'NPS with a reason',
  csat: 'CSAT',
  ces: 'CES 2.0',
  sus: 'SUS (10 items)',
  'umux-lite': 'UMUX-Lite',
  pmf: 'Product/market fit',
};

/** What names the survey: its id, its language, and the standard template it starts from. */
export class SurveySettingsElement extends EditorElement {
  static override properties = { ...EditorElement.properties, survey: { attribute: false } };
  declare survey: Partial<SurveyDefinition>;

  override render() {
    const { survey, problems } = this;
    return html`<fieldset>
      <legend>Survey</legend>
      ${textField({ path: ['id'], label: 'Survey id', hint: 'Letters, digits, _ . : - ; names the survey in answers and in show().', required: true, problems, value: survey.id ?? '', onInput: (value) => this.edit(['id'], value) })}
      <div class="row">
        ${selectField({
          path: ['template'],
          label: 'Template',
          problems,
          value: survey.template ?? '',
          choices: [['', 'None: only my questions'], ...TEMPLATE_NAMES.map((name) => [name, TEMPLATE_LABELS[name] ?? name] as const)],
          onChange: (value) => this.editText(['template'], value),
        })}
        ${survey.template ? textField({ path: ['product'], label: 'Product name in the template', problems, value: survey.product ?? '', onInput: (value) => this.editText(['product'], value) }) : nothing}
        ${textField({ path: ['language'], label: 'Default language', hint: 'A tag such as en or pt-BR.', problems, value: survey.language ?? '', placeholder: 'en', onInput: (value) => this.editText(['language'], value) })}
      </div>
    </fieldset>`;
  }
}
