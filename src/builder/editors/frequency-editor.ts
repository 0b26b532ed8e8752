import { html } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { checkField, textField } from '../form/field.js';
import { readableDate } from '../model/dates.js';
import type { Path } from '../model/paths.js';
import { fractionOf, percentOf } from '../model/sampling.js';
import { parseNumber } from '../model/values.js';

type Field = 'recontactDays' | 'dismissedRecontactDays' | 'priority' | 'startsAt' | 'endsAt' | 'maxResponses' | 'closesAt';

/**
 * How often: the share of visitors asked (as a percentage), whether it takes part in the site-wide
 * pause between surveys, when it may be asked again, its priority, its dates (read back in the
 * reader's locale) and the quotas after which the collector it is published to stops serving it.
 */
export class FrequencyEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, survey: { attribute: false } };
  declare survey: Partial<SurveyDefinition>;

  override render() {
    const { survey, problems } = this;
    const number = (name: Field, label: string, hint: string) =>
      textField({
        path: [name],
        label,
        hint,
        inputMode: 'decimal',
        problems,
        value: String(survey[name] ?? ''),
        standsFor: (typed) => parseNumber(typed) === survey[name],
        onInput: (value) => this.edit([name] as Path, parseNumber(value)),
      });
    const date = (name: Field, label: string) =>
      textField({
        path: [name],
        label,
        hint: readableDate(survey[name]) ? `That is ${readableDate(survey[name])}, your time.` : 'A date such as 2026-12-01 (midnight UTC), or a date and time.',
        placeholder: '2026-12-01',
        problems,
        value: String(survey[name] ?? ''),
        onInput: (value) => this.editText([name], value),
      });
    return html`<fieldset>
      <legend>How often</legend>
      <div class="row">
        ${textField({
          path: ['sample'],
          label: 'Share of visitors asked (%)',
          hint: '30 asks about one visitor in three, the same ones on every visit; empty asks everyone.',
          inputMode: 'decimal',
          problems,
          value: percentOf(survey.sample),
          standsFor: (typed) => fractionOf(typed) === survey.sample,
          onInput: (typed) => this.edit(['sample'], fractionOf(typed)),
        })}
        ${number('priority', 'Priority', 'When several surveys are due at once, the highest shows.')}
      </div>
      ${checkField({
        path: ['cooldown'],
        label: 'Exempt from the site-wide pause between surveys',
        hint: 'The site keeps a pause (cooldownDays, 3 days unless the site sets another) after any survey that popped up on its own. Exempt, this survey neither waits for it nor starts one.',
        problems,
        checked: survey.cooldown === false,
        onChange: (checked) => this.edit(['cooldown'], checked ? false : undefined),
      })}
      <div class="row">
        ${number('recontactDays', 'Days before asking again after an answer', 'Empty: never again.')}
        ${number('dismissedRecontactDays', 'Days before asking again after a dismissal', 'Empty: 30.')}
      </div>
      <div class="row">${date('startsAt', 'Not shown before')} ${date('endsAt', 'Not shown from')}</div>
      <div class="row">
        ${number('maxResponses', 'Closed after this many answers', 'Completed answers, previews not counted; the collector it is published to stops serving it then.')}
        ${date('closesAt', 'Closed from')}
      </div>
    </fieldset>`;
  }
}
