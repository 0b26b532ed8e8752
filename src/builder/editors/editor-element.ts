import { LitElement, type CSSResultGroup } from 'lit';
import { formStyles } from '../form/form.styles.js';
import type { Path } from '../model/paths.js';
import type { Problem } from '../model/problems.js';

/** Sets `value` at `path` of the survey (or of the look, under `theme` and `colorScheme`); `undefined` removes it. */
export const EDIT_EVENT = 'builder-edit';
export type EditEvent = CustomEvent<{ path: Path; value: unknown }>;

/** A part of the builder's form: it shows the problems at its paths and reports edits by path. */
export class EditorElement extends LitElement {
  static override styles: CSSResultGroup = formStyles;
  static override properties = { problems: { attribute: false } };

  declare problems: readonly Problem[];

  constructor() {
    super();
    this.problems = [];
  }

  protected edit(path: Path, value: unknown): void {
    this.dispatchEvent(new CustomEvent(EDIT_EVENT, { detail: { path, value }, bubbles: true, composed: true }));
  }

  /** An optional text: empty removes it from the definition. */
  protected editText(path: Path, value: string): void {
    this.edit(path, value === '' ? undefined : value);
  }
}
