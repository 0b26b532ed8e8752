import { html } from 'lit';
import type { MatrixColumn, MatrixRow } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { groupDescribedBy, groupError, localizedField, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { parseNumber } from '../model/values.js';

/**
 * A matrix question's statements (rows: an answer id and a label each) and its shared scale
 * (columns: a value and a label each), with buttons to add and remove them.
 */
export class MatrixEditorElement extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    rows: { attribute: false },
    columns: { attribute: false },
    rowsPath: { attribute: false },
    columnsPath: { attribute: false },
    number: { type: Number },
  };

  declare rows: MatrixRow[] | undefined;
  declare columns: MatrixColumn[] | undefined;
  declare rowsPath: Path;
  declare columnsPath: Path;
  /** The question's number, in the fields' names. */
  declare number: number;

  override render() {
    const { problems, number } = this;
    const rows = Array.isArray(this.rows) ? this.rows : [];
    const columns = Array.isArray(this.columns) ? this.columns : [];
    const { rowsPath: rowsAt, columnsPath: columnsAt } = this;
    return html`<fieldset aria-describedby=${groupDescribedBy({ path: rowsAt, problems })}>
        <legend>Statements of question ${number}</legend>
        ${groupError({ path: rowsAt, problems })}
        ${rows.map(
          (row, index) => html`<div class="row">
            ${localizedField({ path: [...rowsAt, index, 'label'], alsoAt: [[...rowsAt, index]], label: `Statement ${index + 1}`, required: true, problems, value: row.label, onInput: (where, value) => this.edit(where, value) })}
            ${textField({ path: [...rowsAt, index, 'id'], label: `Statement ${index + 1} answer id`, required: true, problems, value: String(row.id ?? ''), onInput: (value) => this.edit([...rowsAt, index, 'id'], value) })}
            <button type="button" @click=${() =>
              this.edit(
                rowsAt,
                rows.filter((_, other) => other !== index),
              )}>Remove statement ${index + 1}</button>
          </div>`,
        )}
        <div class="actions">
          <button type="button" @click=${() =>
            this.edit(rowsAt, [
              ...rows,
              {
                id: freeId(
                  rows.map((row) => row.id),
                  'row',
                ),
                label: `Statement ${rows.length + 1}`,
              },
            ])}>Add a statement to question ${number}</button>
        </div>
      </fieldset>
      <fieldset aria-describedby=${groupDescribedBy({ path: columnsAt, problems })}>
        <legend>Scale of question ${number}, lowest first</legend>
        ${groupError({ path: columnsAt, problems })}
        ${columns.map(
          (column, index) => html`<div class="row">
            ${textField({
              path: [...columnsAt, index, 'value'],
              label: `Point ${index + 1} value`,
              type: 'number',
              required: true,
              problems,
              value: String(column.value ?? ''),
              onInput: (value) => this.edit([...columnsAt, index, 'value'], parseNumber(value)),
            })}
            ${localizedField({ path: [...columnsAt, index, 'label'], alsoAt: [[...columnsAt, index]], label: `Point ${index + 1} label`, required: true, problems, value: column.label, onInput: (where, value) => this.edit(where, value) })}
            <button type="button" @click=${() =>
              this.edit(
                columnsAt,
                columns.filter((_, other) => other !== index),
              )}>Remove point ${index + 1}</button>
          </div>`,
        )}
        <div class="actions">
          <button type="button" @click=${() => this.edit(columnsAt, [...columns, { value: Math.max(0, ...columns.map((column) => Number(column.value) || 0)) + 1, label: `Point ${columns.length + 1}` }])}>
            Add a point to question ${number}
          </button>
        </div>
      </fieldset>`;
  }
}

/** `row1`, `row2`, … : the first not taken. */
function freeId(taken: readonly string[], stem: string): string {
  let number = 1;
  while (taken.includes(`${stem}${number}`)) number++;
  return `${stem}${number}`;
}
