import { html } from 'lit';
import type { Appearance } from '../../core/presenter.js';
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
 * The widget's look. It belongs to the site, not to one survey: it goes to `earshot.init`
 * (`theme`, `colorScheme`), and here to the preview.
 */
export class ThemeEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, appearance: { attribute: false } };
  declare appearance: Appearance;

  override render() {
    const { theme = {}, colorScheme } = this.appearance;
    const { problems } = this;
    const value = (name: string) => String((theme as Record<string, unknown>)[name] ?? '');
    return html`<fieldset>
      <legend>Look (site-wide, for earshot.init)</legend>
      <p class="hint">Colours are any CSS colour, such as #0f766e. The look applies to every survey on the site, so it is not part of the survey's JSON. Colours for the dark scheme alone (theme.dark) are set in the config.</p>
      ${selectField({
        path: ['colorScheme'],
        label: 'Colour scheme',
        problems,
        value: colorScheme ?? 'light',
        choices: [
          ['light', 'Light'],
          ['dark', 'Dark'],
          ['auto', 'Follow the visitor’s setting'],
        ],
        onChange: (scheme) => this.edit(['colorScheme'], scheme === 'light' ? undefined : scheme),
      })}
      <div class="row">${COLORS.map(([name, label]) => textField({ path: ['theme', name], label, problems, value: value(name), onInput: (typed) => this.editText(['theme', name], typed) }))}</div>
      <div class="row">
        ${textField({ path: ['theme', 'radius'], label: 'Corner radius', hint: 'Pixels, or a CSS length.', problems, value: value('radius'), onInput: (typed) => this.edit(['theme', 'radius'], parseNumber(typed)) })}
        ${textField({ path: ['theme', 'font'], label: 'Font', placeholder: 'system-ui, sans-serif', problems, value: value('font'), onInput: (typed) => this.editText(['theme', 'font'], typed) })}
        ${textField({ path: ['theme', 'fontSize'], label: 'Font size', hint: 'Pixels, or a CSS length.', problems, value: value('fontSize'), onInput: (typed) => this.edit(['theme', 'fontSize'], parseNumber(typed)) })}
        ${textField({ path: ['theme', 'shadow'], label: 'Card shadow', placeholder: '0 4px 16px rgb(0 0 0 / 0.2)', problems, value: value('shadow'), onInput: (typed) => this.editText(['theme', 'shadow'], typed) })}
      </div>
    </fieldset>`;
  }
}
