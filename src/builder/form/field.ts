import { html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import { pathText, type Path } from '../model/paths.js';
import { problemsAt, type Problem } from '../model/problems.js';
import { typedValue } from './typed-value.js';

/** A form field bound to a place in the definition. */
export interface FieldOptions {
  path: Path;
  label: string;
  problems: readonly Problem[];
  /** Also shows the problems found inside this part of the definition. */
  deep?: boolean;
  /** Problems found elsewhere that this field is the place to fix (a duplicate option, its label). */
  alsoAt?: readonly Path[];
  hint?: string;
}

/** The element id of the field for `path`, unique within one editor. */
export const fieldId = (path: Path) => `f-${pathText(path).replace(/[^\w-]/g, '_')}`;

/** The messages a field shows. */
export const messagesOf = ({ path, problems, deep, alsoAt = [] }: FieldOptions) =>
  [path, ...alsoAt].flatMap((at, index) => problemsAt(problems, pathText(at), index === 0 && deep));

interface ControlAttributes {
  id: string;
  describedBy: string | typeof nothing;
  invalid: 'true' | typeof nothing;
}

/** Label, hint, control and its error: the error is tied to the control (`aria-describedby`, `aria-invalid`). */
function field(options: FieldOptions, control: (attributes: ControlAttributes) => TemplateResult, layout: 'field' | 'check' = 'field'): TemplateResult {
  const id = fieldId(options.path);
  const messages = messagesOf(options);
  const describedBy = [options.hint && `${id}-hint`, messages.length && `${id}-error`].filter(Boolean).join(' ') || nothing;
  const attributes: ControlAttributes = { id, describedBy, invalid: messages.length ? 'true' : nothing };
  const label = html`<label for=${id}>${options.label}</label>`;
  return html`<div class=${layout}>
    ${layout === 'check' ? html`${control(attributes)}${label}` : html`${label}${control(attributes)}`}
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${messages.length ? html`<p class="error" id="${id}-error">${messages.join('; ')}</p>` : nothing}
  </div>`;
}

const inputValue = (event: Event) => (event.target as HTMLInputElement).value;

export function textField(
  options: FieldOptions & {
    value: string;
    onInput(value: string): void;
    type?: 'text' | 'number' | 'url' | 'password';
    step?: string;
    placeholder?: string;
    required?: boolean;
    /** The keyboard a touch screen shows (`decimal` for numbers kept as typed text). */
    inputMode?: 'decimal' | 'numeric' | 'url';
    autocomplete?: string;
    /** Whether typed text already stands for `value` (`2.` for 2), so it is left as typed. */
    standsFor?: (typed: string) => boolean;
  },
): TemplateResult {
  return field(
    options,
    ({ id, describedBy, invalid }) =>
      html`<input
        id=${id}
        type=${options.type ?? 'text'}
        step=${options.step ?? nothing}
        placeholder=${options.placeholder ?? nothing}
        inputmode=${options.inputMode ?? nothing}
        autocomplete=${options.autocomplete ?? nothing}
        ?required=${options.required ?? false}
        aria-describedby=${describedBy}
        aria-invalid=${invalid}
        .value=${typedValue({ value: options.value, standsFor: options.standsFor ?? ((typed) => typed === options.value) })}
        @input=${(event: Event) => options.onInput(inputValue(event))}
      />`,
  );
}

export function textArea(options: FieldOptions & { value: string; onInput(value: string): void; rows?: number }): TemplateResult {
  return field(
    options,
    ({ id, describedBy, invalid }) =>
      html`<textarea id=${id} rows=${options.rows ?? 3} aria-describedby=${describedBy} aria-invalid=${invalid} .value=${options.value} @input=${(event: Event) => options.onInput(inputValue(event))}></textarea>`,
  );
}

export function selectField(
  options: FieldOptions & { value: string; choices: ReadonlyArray<readonly [value: string, label: string]>; onChange(value: string): void },
): TemplateResult {
  return field(
    options,
    ({ id, describedBy, invalid }) =>
      html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${invalid} @change=${(event: Event) => options.onChange(inputValue(event))}>
        ${options.choices.map(([value, label]) => html`<option value=${value} ?selected=${value === options.value}>${label}</option>`)}
      </select>`,
  );
}

export function checkField(options: FieldOptions & { checked: boolean; onChange(checked: boolean): void }): TemplateResult {
  return field(
    options,
    ({ id, describedBy, invalid }) =>
      html`<input
        id=${id}
        type="checkbox"
        aria-describedby=${describedBy}
        aria-invalid=${invalid}
        .checked=${options.checked}
        @change=${(event: Event) => options.onChange((event.target as HTMLInputElement).checked)}
      />`,
    'check',
  );
}

/**
 * A text the visitor reads: one field, or one per language when it is given by locale
 * (`{ "en": "…", "fr": "…" }`), each labelled with its tag.
 */
export function localizedField(options: FieldOptions & { value: unknown; onInput(path: Path, value: string): void; required?: boolean }): TemplateResult {
  const { value, path, label } = options;
  if (!isRecord(value)) return textField({ ...options, value: typeof value === 'string' ? value : '', onInput: (typed) => options.onInput(path, typed) });
  return html`${Object.entries(value).map(([tag, text]) =>
    textField({
      ...options,
      path: [...path, tag],
      label: `${label} (${tag})`,
      alsoAt: tag === Object.keys(value)[0] ? [path] : [],
      value: String(text ?? ''),
      onInput: (typed) => options.onInput([...path, tag], typed),
    }),
  )}`;
}

/** Problems about a whole group (a list too short), shown under its legend and tied to it. */
export function groupError(options: Omit<FieldOptions, 'label'>): TemplateResult | typeof nothing {
  const messages = messagesOf({ ...options, label: '' });
  return messages.length ? html`<p class="error" id="${fieldId(options.path)}-error">${messages.join('; ')}</p>` : nothing;
}

/** The `aria-describedby` of a group whose error `groupError` renders. */
export const groupDescribedBy = (options: Omit<FieldOptions, 'label'>) => (messagesOf({ ...options, label: '' }).length ? `${fieldId(options.path)}-error` : nothing);
