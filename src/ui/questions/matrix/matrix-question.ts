import { css, html } from 'lit';
import type { MatrixAnswer, MatrixQuestion } from '../../../core/types.js';
import { QuestionElement } from '../question-element.js';
import { optionStyles, questionStyles } from '../question.styles.js';
import { matrixQuestionStyles } from './matrix-question.styles.js';

/**
 * Statements rated on one shared scale. The question names a group; each row is a radiogroup
 * named by its statement, with a native radio per column named by the column's label, so arrow
 * keys move along a row and Tab goes from row to row. On a wide card the column labels head a
 * grid; on a narrow one each row stacks, its statement above its points, each point labelled.
 * The answer is `{ rowId: value }` with the rows answered so far, in the rows' order; the survey
 * asks a required matrix for every row.
 *
 * @event earshot-change - A row was answered; `detail.value` is `{ rowId: value }` for every answered row.
 * @csspart options - The grid of statements.
 * @csspart row - One statement with its points.
 * @csspart option - What one point shows.
 * @csspart labels - The column labels heading the grid.
 */
export class MatrixQuestionElement extends QuestionElement<MatrixQuestion, MatrixAnswer> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${optionStyles}${matrixQuestionStyles}`;

  override render() {
    const { question } = this;
    const picked = this.value ?? {};
    return html`
      <div role="group" aria-labelledby="text">
        <span id="text" class="text" part="question-text">${question.text}</span>
        <div class="grid" part="options" style="--columns: ${question.columns.length}" @change=${this.pick}>
          <div class="head" part="labels" aria-hidden="true">
            <span></span>
            ${question.columns.map(({ label }) => html`<span>${label}</span>`)}
          </div>
          ${question.rows.map(
            (row, index) => html`
              <div class="row" part="row" role="radiogroup" aria-labelledby="row-${index}">
                <span id="row-${index}" class="statement">${row.label}</span>
                ${question.columns.map(
                  (column) => html`
                    <label class="option">
                      <input type="radio" name="row-${index}" value=${column.value} aria-label=${column.label} .checked=${picked[row.id] === column.value} />
                      <span class="box" part="option" aria-hidden="true"><span class="label">${column.label}</span></span>
                    </label>
                  `,
                )}
              </div>
            `,
          )}
        </div>
      </div>
    `;
  }

  /** A radio was checked (a click, Space or an arrow key): its row takes its column's value. */
  private pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const row = this.question.rows[Number(input.name.slice('row-'.length))];
    if (!row || !input.checked) return;
    const answered: MatrixAnswer = { ...this.value, [row.id]: Number(input.value) };
    // In the rows' order, whatever the order they were answered in.
    this.answer(Object.fromEntries(this.question.rows.filter(({ id }) => answered[id] !== undefined).map(({ id }) => [id, answered[id]])));
  }
}
