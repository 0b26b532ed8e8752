import { css, html, type PropertyValues } from 'lit';
import { announce } from '../../../a11y/announcer.js';
import { optionLabel, optionValue } from '../../../core/definition/question-kinds.js';
import type { RankingQuestion } from '../../../core/types.js';
import { format } from '../../../i18n/strings.js';
import { QuestionElement } from '../question-element.js';
import { questionStyles } from '../question.styles.js';
import { rankingQuestionStyles } from './ranking-question.styles.js';

type Item = { id: string; label: string };

/** The items in a random order (each order equally likely). */
const shuffled = <T>(items: T[]): T[] =>
  items
    .map((item) => [Math.random(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);

/**
 * Options put in order, as the WAI-ARIA Authoring Practices suggest for a sortable list: an
 * ordered list named by the question, each item with a "Move … up" and a "Move … down" button;
 * after a move the button keeps focus (or its twin, at either end) and the live region says the
 * item's new position. A pointer may also drag an item by its handle. The answer is every
 * option's id in the order shown, once the visitor moved one: the order they were given answers
 * nothing, so that a required ranking is one the visitor put in order.
 *
 * @event earshot-change - An item moved; `detail.value` is every option's id (or string), first ranked first.
 * @csspart options - The list.
 * @csspart option - One item.
 * @csspart button - The Move up and Move down buttons.
 */
export class RankingQuestionElement extends QuestionElement<RankingQuestion, string[]> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${rankingQuestionStyles}`;

  static override properties = { order: { state: true }, dragging: { state: true } };

  /** The items as shown, first ranked first. */
  protected order: Item[] = [];
  /** The id of the item a pointer drags. */
  protected dragging: string | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    const items = this.question.options.map((option) => ({ id: optionValue(option), label: optionLabel(option) as string }));
    // An answer set from outside (going Back) is shown as it was; else the given order, shuffled once when asked.
    const shown = this.value && this.order.map(({ id }) => id).join('\n');
    if (this.value && shown !== this.value.join('\n')) {
      const ranked = this.value;
      this.order = [...ranked.flatMap((id) => items.filter((item) => item.id === id)), ...items.filter((item) => !ranked.includes(item.id))];
    } else if (changed.has('question') && !this.value) this.order = this.question.shuffle ? shuffled(items) : items;
  }

  override render() {
    const { strings } = this;
    const last = this.order.length - 1;
    return html`
      <span id="text" class="text" part="question-text">${this.question.text}</span>
      <ol class="items" part="options" aria-labelledby="text" @pointermove=${this.drag} @pointerup=${this.drop} @pointercancel=${this.drop}>
        ${this.order.map(
          ({ id, label }, index) => html`
            <li class="item ${this.dragging === id ? 'dragged' : ''}" part="option" data-id=${id}>
              <span class="handle" aria-hidden="true" @pointerdown=${(event: PointerEvent) => this.grab(event, id)}>⠿</span>
              <span class="position" aria-hidden="true">${index + 1}</span>
              <span class="label">${label}</span>
              <button type="button" part="button" data-move="up" aria-label=${format(strings, strings.moveUp, { item: label })} ?disabled=${index === 0} @click=${() => this.move(id, -1)}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" part="button" data-move="down" aria-label=${format(strings, strings.moveDown, { item: label })} ?disabled=${index === last} @click=${() => this.move(id, 1)}>
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          `,
        )}
      </ol>
    `;
  }

  /** Moves an item `by` places with its buttons; focus follows the item, on the button pressed or its twin at an end. */
  private async move(id: string, by: -1 | 1): Promise<void> {
    const from = this.order.findIndex((item) => item.id === id);
    this.#place(from, from + by);
    this.#settle(id);
    await this.updateComplete;
    const buttons = [by < 0 ? 'up' : 'down', by < 0 ? 'down' : 'up'].map((way) =>
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"] [data-move="${way}"]`),
    );
    buttons.find((button) => button && !button.disabled)?.focus();
  }

  private grab(event: PointerEvent, id: string): void {
    if (event.button !== 0) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.dragging = id;
  }

  /** While dragging, the item takes the place of the item under the pointer. */
  private drag(event: PointerEvent): void {
    if (this.dragging === undefined) return;
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.item')];
    const over = items.findIndex((item) => {
      const { top, bottom } = item.getBoundingClientRect();
      return event.clientY >= top && event.clientY < bottom;
    });
    const from = this.order.findIndex((item) => item.id === this.dragging);
    if (over !== -1 && over !== from) this.#place(from, over);
  }

  private drop(): void {
    if (this.dragging === undefined) return;
    const id = this.dragging;
    this.dragging = undefined;
    this.#settle(id);
  }

  #place(from: number, to: number): void {
    if (to < 0 || to >= this.order.length) return;
    const order = [...this.order];
    order.splice(to, 0, ...order.splice(from, 1));
    this.order = order;
  }

  /** The order is the answer now; the live region says where the item went. */
  #settle(id: string): void {
    const position = this.order.findIndex((item) => item.id === id);
    const { strings } = this;
    announce(format(strings, strings.moved, { item: this.order[position].label, position: position + 1, total: this.order.length }), strings.locale);
    this.answer(this.order.map((item) => item.id));
  }
}
