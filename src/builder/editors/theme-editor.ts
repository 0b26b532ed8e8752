import { html } from 'lit';
import type { SurveyDefinition } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { selectField, textField } from '../form/field.js';
import { parseNumber } from '../model/values.js';

const COLORS: ReadonlyArray<readonly [name: string, label: string]> = [
  ['accent', 'Accent colour (buttons, chosen options)'],
  ['onAccent', 'Text on the accent colour'],
  ['surface', 'Card background'],
  ['text', 'Text colour'],
  ['muted', 'Muted text (progress, end labels)'],
  ['border', 'Borders'],
  ['error', 'Colour of the message asking for an answer'],
  ['hover', 'Close button under the pointer'],
];

/**
 * This survey's look (`theme`, `colorScheme`): each field given overrides the site's (`earshot.init`'s)
 * for this survey alone, and goes out with it in its JSON. Empty fields keep the site's look.
 */
export class ThemeEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, survey: { attribute: false } };
  declare survey: Partial<SurveyDefinition>;

  override render() {
    const { theme = {}, colorScheme } = this.survey;
    const { problems } = this;
    const value = (name: string) => String((theme as Record<string, unknown>)[name] ?? '');
    return html`<fieldset>
      <legend>Look of this survey</legend>
      <p class="hint">
        Empty fields keep the site’s look (the theme given to earshot.init); what you set here applies to this survey alone and goes out with it. Colours are any CSS colour, such as #0f766e.
      </p>
      ${selectField({
        path: ['colorScheme'],
        label: 'Colour scheme',
        problems,
        value: colorScheme ?? '',
        choices: [
          ['', 'The site’s (light unless the site sets another)'],
          ['light', 'Light'],
          ['dark', 'Dark'],
          ['auto', 'Follow the visitor’s setting'],
        ],
        onChange: (scheme) => this.editText(['colorScheme'], scheme),
      })}
      <div class="row">${COLORS.map(([name, label]) => textField({ path: ['theme', name], label, problems, value: value(name), onInput: (typed) => this.editText(['theme', name], typed) }))}</div>
      <fieldset>
        <legend>Colours in the dark scheme only</legend>
        <p class="hint">Used where the survey is dark (the dark scheme, or the visitor’s setting with “Follow”); a colour above without one here serves both.</p>
        <div class="row">
          ${COLORS.map(([name, label]) =>
            textField({
              path: ['theme', 'dark', name],
              label: `${label}, dark`,
              problems,
              value: String(theme.dark?.[name as keyof typeof theme.dark] ?? ''),
              onInput: (typed) => this.editText(['theme', 'dark', name], typed),
            }),
          )}
        </div>
      </fieldset>
      <div class="row">
        ${textField({ path: ['theme', 'radius'], label: 'Corner radius', hint: 'Pixels, or a CSS length.', problems, value: value('radius'), onInput: (typed) => this.edit(['theme', 'radius'], parseNumber(typed)) })}
        ${textField({ path: ['theme', 'font'], label: 'Font', placeholder: 'system-ui, sans-serif', problems, value: value('font'), onInput: (typed) => this.editText(['theme', 'font'], typed) })}
        ${textField({ path: ['theme', 'fontSize'], label: 'Font size', hint: 'Pixels, or a CSS length.', problems, value: value('fontSize'), onInput: (typed) => this.edit(['theme', 'fontSize'], parseNumber(typed)) })}
        ${textField({ path: ['theme', 'shadow'], label: 'Card shadow', placeholder: '0 4px 16px rgb(0 0 0 / 0.2)', problems, value: value('shadow'), onInput: (typed) => this.editText(['theme', 'shadow'], typed) })}
      </div>
    </fieldset>`;
  }
}
