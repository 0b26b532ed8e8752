import { css, html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_TEXT_MAX_LENGTH, optionLabel, optionValue } from '../../../core/definition/question-kinds.js';
import type { ChoiceOption, ChoiceQuestion, PictureOption } from '../../../core/types.js';
import { QuestionElement } from '../question-element.js';
import { fieldStyles, optionStyles, questionStyles } from '../question.styles.js';
import { choiceQuestionStyles } from './choice-question.styles.js';

type Other = { other: string };
type Picked = string | Other;
type ChoiceAnswer = Picked | Picked[];

const isOther = (item: Picked | undefined): item is Other => typeof item == 'object';
const isPicture = (option: ChoiceOption): option is PictureOption => typeof option == 'object' && option.image !== undefined;

/** The items in a random order (each order equally likely). */
const shuffled = <T>(items: T[]): T[] =>
  items
    .map((item) => [Math.random(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);

/**
 * Options named by their labels: radios in a radiogroup, or with `multiple` checkboxes in a group,
 * named by the question. Options with a picture (`image`, `alt`) show as a grid of cards, each
 * still named by its label and described by its picture's alt text. The answer is the option's string or id; for `multiple` a list in the
 * options' defined order, whatever the order shown or clicked. "Other" (`other: true`, always
 * last) reveals a text field and answers `{ other: "typed text" }`; blank, it answers nothing.
 * `min` and `max` are the survey's to enforce.
 *
 * @event earshot-change - The answer changed; `detail.value` is the answer or `undefined` when none, `detail.settled` whether a pointer picked a single option.
 * @csspart options - The list of options.
 * @csspart option - What one option shows.
 * @csspart image - The picture of an option that has one.
 * @csspart field - The "Other" text field.
 */
export class ChoiceQuestionElement extends QuestionElement<ChoiceQuestion, ChoiceAnswer> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${questionStyles}${optionStyles}${fieldStyles}${choiceQuestionStyles}`;

  static override properties = { other: { state: true } };

  /** What is typed for "Other", spaces kept; `undefined` while "Other" is not picked. */
  protected other: string | undefined;
  /** The options in the order shown: shuffled once per question when it asks for that. */
  #order: ChoiceOption[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    const { question } = this;
    if (changed.has('question')) this.#order = question.shuffle ? shuffled(question.options) : question.options;
    // Take an "Other" answer set from outside (going Back, or another question), not the echo of our own trimming.
    const typed = [this.value].flat().find(isOther)?.other;
    if (changed.has('question') || (typed ?? '') !== (this.other ?? '').trim()) this.other = typed;
  }

  override render() {
    const { question, strings, other } = this;
    const picked = [this.value].flat();
    const pictures = question.options.some(isPicture);
    // With a picture the option is still named by its label alone; the picture's alt describes it.
    const option = (value: string, label: unknown, checked: boolean, id?: string, picture?: PictureOption, index?: number) => html`
      <label class="option">
        <input
          type=${question.multiple ? 'checkbox' : 'radio'}
          name="choice"
          id=${id ?? nothing}
          aria-label=${picture ? (label as string) : nothing}
          aria-describedby=${picture ? `picture-${index}` : nothing}
          .value=${value}
          .checked=${checked}
        />
        <span class="box" part="option">${picture ? html`<img id="picture-${index}" part="image" src=${picture.image} alt=${picture.alt} loading="lazy" /><span>${label}</span>` : label}</span>
      </label>
    `;
    return html`
      <div role=${question.multiple ? 'group' : 'radiogroup'} aria-labelledby="text">
        <span id="text" class="text" part="question-text">${question.text}</span>
        <div class="options ${pictures ? 'pictures' : ''}" part="options" @click=${this.pick} @change=${this.pick}>
          ${this.#order.map((choice, index) =>
            option(optionValue(choice), optionLabel(choice), picked.includes(optionValue(choice)), undefined, isPicture(choice) ? choice : undefined, index),
          )}
          ${question.other ? option('', strings.other, other !== undefined, 'other') : nothing}
        </div>
        ${
          other === undefined
            ? nothing
            : html`<input class="field" part="field" aria-label=${strings.otherDetail} maxlength=${DEFAULT_TEXT_MAX_LENGTH} .value=${other} @input=${this.typeOther} />`
        }
      </div>
    `;
  }

  private pick(event: MouseEvent): void {
    const input = event.target as HTMLInputElement;
    if (input.localName != 'input') return; // a click between options
    this.other = this.renderRoot.querySelector<HTMLInputElement>('#other')?.checked ? (this.other ?? '') : undefined;
    const value = this.#answerShown();
    // A pointer's click counts clicks (one that picks a single option may move the survey on); the
    // click a key fires counts none; the change after a click repeats it.
    if (event.type == 'click' || JSON.stringify(value) != JSON.stringify(this.value)) {
      this.answer(value, event.detail > 0 && !this.question.multiple && !input.id);
    }
    // Picking "Other" on purpose (a pointer, or a checkbox's Space; not arrows passing through radios) leads to its text field.
    if (input.id && input.checked && event.type == 'click' && (event.detail > 0 || this.question.multiple)) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.field')?.focus());
    }
  }

  private typeOther(event: Event): void {
    this.other = (event.target as HTMLInputElement).value;
    this.answer(this.#answerShown());
  }

  /** The answer the boxes and the "Other" text make, in the options' defined order. */
  #answerShown(): ChoiceAnswer | undefined {
    const checked = [...this.renderRoot.querySelectorAll('input')].filter((box) => box.checked && !box.id).map((box) => box.value);
    const text = this.other?.trim();
    const answer: Picked[] = this.question.options.map(optionValue).filter((value) => checked.includes(value));
    if (text) answer.push({ other: text });
    return this.question.multiple ? (answer.length ? answer : undefined) : answer[0];
  }
}
