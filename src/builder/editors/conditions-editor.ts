import { html } from 'lit';
import type { Conditions } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { fieldId, groupDescribedBy, groupError, selectField, textField } from '../form/field.js';
import { conditionsOf, rowsOf, ROW_OPERATORS, type ConditionRow, type RowOperator } from '../model/condition-rows.js';
import type { Path } from '../model/paths.js';
import { afterRender } from '../form/after-render.js';

const OPERATOR_LABELS: Record<RowOperator, string> = {
  is: 'is',
  eq: 'equals',
  neq: 'is not',
  in: 'is one of (commas between)',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  exists: 'is given (true) or not (false)',
};

/**
 * Conditions by name (an event's properties, a visitor's traits), one row per operator. A row
 * without a name stays in the form but not in the definition until it is named.
 *
 * @event builder-conditions - The conditions changed (`detail`: the new conditions).
 */
export class ConditionsEditorElement extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    conditions: { attribute: false },
    path: { attribute: false },
    legend: {},
    names: { attribute: false },
    nameLabel: { attribute: 'name-label' },
    rows: { state: true },
  };

  declare conditions: Conditions | undefined;
  declare path: Path;
  declare legend: string;
  /** Names to pick from instead of typing one (the audience's page facts). */
  declare names: readonly string[] | undefined;
  declare nameLabel: string;
  protected rows: ConditionRow[] = [];

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Rows are rebuilt only when the conditions changed from elsewhere (a loaded file), not from typing here.
    if (changed.has('conditions') && JSON.stringify(conditionsOf(this.rows)) !== JSON.stringify(this.conditions ?? {})) this.rows = rowsOf(this.conditions);
  }

  override render() {
    const { problems, path, legend } = this;
    const label = this.nameLabel ?? 'Name';
    return html`<fieldset aria-describedby=${groupDescribedBy({ path, problems })}>
      <legend>${legend}</legend>
      ${groupError({ path, problems })}
      ${this.rows.map((row, index) => {
        const named: Path = [...path, row.name];
        const number = index + 1;
        const rowPath: Path = [...path, `#${index}`];
        return html`<div class="row">
          ${
            this.names
              ? selectField({
                  path: [...rowPath, 'name'],
                  label: `${label} ${number}`,
                  problems,
                  value: row.name,
                  choices: this.names.map((name) => [name, name] as const),
                  onChange: (name) => this.#change(index, { name }),
                })
              : textField({ path: [...rowPath, 'name'], label: `${label} ${number}`, problems, value: row.name, onInput: (name) => this.#change(index, { name }) })
          }
          ${selectField({
            path: [...rowPath, 'operator'],
            label: `Condition ${number}`,
            problems,
            value: row.operator,
            choices: ROW_OPERATORS.map((operator) => [operator, OPERATOR_LABELS[operator]] as const),
            onChange: (operator) => this.#change(index, { operator: operator as RowOperator }),
          })}
          ${textField({
            path: [...rowPath, 'value'],
            alsoAt: row.name ? (row.operator === 'is' ? [named] : [named, [...named, row.operator]]) : [],
            label: `Value ${number}`,
            problems,
            value: row.value,
            onInput: (value) => this.#change(index, { value }),
          })}
          <button type="button" @click=${() => this.#set(this.rows.filter((_, other) => other !== index))}>Remove condition ${number}</button>
        </div>`;
      })}
      <div class="actions"><button type="button" @click=${this.#add}>Add a condition: ${legend}</button></div>
    </fieldset>`;
  }

  #change(index: number, change: Partial<ConditionRow>): void {
    this.#set(this.rows.map((row, other) => (other === index ? { ...row, ...change } : row)));
  }

  #set(rows: ConditionRow[]): void {
    this.rows = rows;
    const conditions = conditionsOf(rows);
    this.dispatchEvent(new CustomEvent('builder-conditions', { detail: Object.keys(conditions).length ? conditions : undefined }));
  }

  async #add(): Promise<void> {
    this.#set([...this.rows, { name: this.names?.[0] ?? '', operator: 'is', value: '' }]);
    await afterRender(this);
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId([...this.path, `#${this.rows.length - 1}`, 'name'])}`)?.focus();
  }
}
