import { html, nothing } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { checkField, selectField, textField } from '../form/field.js';

export const DISPLAY_LABELS: Record<string, string> = {
  popover: 'Popover: a card in a corner',
  modal: 'Modal: a dialog over the page',
  inline: 'Inline: inside the page',
  tab: 'Tab: behind a Feedback tab',
};

/** How it appears: the display mode and what goes with it. */
export class DisplayEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, survey: { attribute: false } };
  declare survey: Partial<SurveyDefinition>;

  override render() {
    const { survey, problems } = this;
    const display = survey.display ?? 'popover';
    return html`<fieldset>
      <legend>How it appears</legend>
      <div class="row">
        ${selectField({
          path: ['display'],
          label: 'Display mode',
          problems,
          value: display,
          choices: Object.entries(DISPLAY_LABELS),
          onChange: (value) => this.edit(['display'], value),
        })}
        ${
          display === 'popover' || survey.position
            ? selectField({
                path: ['position'],
                label: 'Corner',
                problems,
                value: survey.position ?? 'bottom-right',
                choices: [
                  ['bottom-right', 'Bottom right'],
                  ['bottom-left', 'Bottom left'],
                  ['top-right', 'Top right'],
                  ['top-left', 'Top left'],
                  ['center', 'Centre'],
                ],
                onChange: (value) => this.edit(['position'], value),
              })
            : nothing
        }
        ${
          display === 'inline' || survey.target !== undefined
            ? textField({
                path: ['target'],
                label: 'CSS selector of the element it goes into',
                placeholder: '#feedback',
                problems,
                value: survey.target ?? '',
                onInput: (value) => this.editText(['target'], value),
              })
            : nothing
        }
      </div>
      ${checkField({
        path: ['closeButton'],
        label: 'A Close button',
        problems,
        checked: survey.closeButton ?? display !== 'inline',
        onChange: (checked) => this.edit(['closeButton'], checked),
      })}
      ${checkField({ path: ['autoAdvance'], label: 'Picking a point on a scale moves on', problems, checked: survey.autoAdvance ?? false, onChange: (checked) => this.edit(['autoAdvance'], checked || undefined) })}
    </fieldset>`;
  }
}
