import { html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import { QUESTION_TYPES, RATING_SCALES } from '../../core/definition/question-kinds.js';
import type { ChoiceQuestion, Question, QuestionType, RatingQuestion, TextQuestion } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { checkField, fieldId, localizedField, selectField, textArea, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { changeType } from '../model/questions.js';
import { parseNumber } from '../model/values.js';

export const TYPE_LABELS: Record<QuestionType, string> = {
  nps: 'NPS (0–10)',
  rating: 'Rating (stars, emoji or numbers)',
  csat: 'CSAT (1–5, labelled)',
  ces: 'CES (1–7, labelled)',
  thumbs: 'Thumbs up or down',
  choice: 'Choice',
  text: 'Text',
};

/** Asks the builder to move a question by `by` places (`detail`: `{ index, by }`). */
export const MOVE_EVENT = 'builder-move-question';
/** Asks the builder to remove a question (`detail`: `{ index }`). */
export const REMOVE_EVENT = 'builder-remove-question';

/**
 * One question: its id, kind and text, what its kind adds, when it is asked and where it leads,
 * and buttons to move or remove it.
 */
export class QuestionEditorElement extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    question: { attribute: false },
    index: { type: Number },
    count: { type: Number },
    earlier: { attribute: false },
    later: { attribute: false },
  };

  declare question: Question;
  declare index: number;
  declare count: number;
  /** Questions before this one, which its rule may name. */
  declare earlier: readonly Question[];
  /** Ids of the questions after this one, where it may jump. */
  declare later: readonly string[];

  get #path(): Path {
    return ['questions', this.index];
  }

  /** Puts focus on one of its controls: after a move, the button that moved it. */
  focusControl(name: 'up' | 'down' | 'text'): void {
    const wanted = this.renderRoot.querySelector<HTMLElement>(name === 'text' ? `[id^="${fieldId([...this.#path, 'text'])}"]` : `[data-move="${name}"]:not(:disabled)`);
    (wanted ?? this.renderRoot.querySelector<HTMLElement>('[data-move]:not(:disabled)'))?.focus();
  }

  override render() {
    const { question, index, count, problems } = this;
    const path = this.#path;
    const number = index + 1;
    return html`<fieldset>
      <legend>Question ${number}</legend>
      <div class="row">
        ${textField({ path: [...path, 'id'], label: `Question ${number} id`, required: true, problems, value: String(question.id ?? ''), onInput: (value) => this.edit([...path, 'id'], value) })}
        ${selectField({
          path: [...path, 'type'],
          label: `Question ${number} type`,
          problems,
          value: question.type,
          choices: QUESTION_TYPES.map((type) => [type, TYPE_LABELS[type]] as const),
          onChange: (type) => this.edit(path, changeType(question, type as QuestionType)),
        })}
      </div>
      ${localizedField({ path: [...path, 'text'], label: `Question ${number} text`, required: true, problems, value: question.text, onInput: (at, value) => this.edit(at, value) })}
      ${checkField({ path: [...path, 'optional'], label: 'Optional: the visitor may skip it', problems, checked: question.optional ?? false, onChange: (checked) => this.edit([...path, 'optional'], checked || undefined) })}
      ${this.#renderKind()}
      <builder-rule-editor
        .problems=${problems}
        .path=${path}
        .rule=${question.if}
        .next=${question.next}
        .earlier=${this.earlier}
        .later=${this.later}
        .number=${number}
      ></builder-rule-editor>
      <div class="actions">
        <button type="button" data-move="up" ?disabled=${index === 0} @click=${() => this.#move(-1)}>Move question ${number} up</button>
        <button type="button" data-move="down" ?disabled=${index === count - 1} @click=${() => this.#move(1)}>Move question ${number} down</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent(REMOVE_EVENT, { detail: { index }, bubbles: true, composed: true }))}>Remove question ${number}</button>
      </div>
    </fieldset>`;
  }

  #move(by: number): void {
    this.dispatchEvent(new CustomEvent(MOVE_EVENT, { detail: { index: this.index, by }, bubbles: true, composed: true }));
  }

  #renderKind(): TemplateResult | typeof nothing {
    const { question, problems } = this;
    const path = this.#path;
    const number = this.index + 1;
    const at = (name: string): Path => [...path, name];
    const label = (name: string, text: string) =>
      localizedField({ path: at(name), label: text, problems, value: (question as unknown as Record<string, unknown>)[name], onInput: (where, value) => this.editText(where, value) });
    switch (question.type) {
      case 'nps':
        return html`<div class="row">${label('lowLabel', 'Label under 0')} ${label('highLabel', 'Label under 10')}</div>`;
      case 'rating':
        return this.#renderRating(question, number);
      case 'csat':
      case 'ces':
        return this.#renderLabels(question.type === 'csat' ? 5 : 7);
      case 'choice':
        return this.#renderChoice(question, number);
      case 'text':
        return this.#renderText(question, number);
      default:
        return nothing;
    }
  }

  #renderRating(question: RatingQuestion, number: number): TemplateResult {
    const { problems } = this;
    const at = (name: string): Path => [...this.#path, name];
    return html`<div class="row">
        ${selectField({
          path: at('scale'),
          label: `Question ${number} scale`,
          problems,
          value: String(question.scale ?? 5),
          choices: RATING_SCALES.map((scale) => [String(scale), `1 to ${scale}`] as const),
          onChange: (value) => this.edit(at('scale'), Number(value)),
        })}
        ${selectField({
          path: at('style'),
          label: `Question ${number} style`,
          problems,
          value: question.style ?? 'numbers',
          choices: [
            ['numbers', 'Numbers'],
            ['stars', 'Stars'],
            ['emoji', 'Emoji (scales of 3 and 5)'],
          ],
          onChange: (value) => this.edit(at('style'), value),
        })}
      </div>
      <div class="row">
        ${localizedField({ path: at('lowLabel'), label: 'Low-end label', problems, value: question.lowLabel, onInput: (where, value) => this.editText(where, value) })}
        ${localizedField({ path: at('highLabel'), label: 'High-end label', problems, value: question.highLabel, onInput: (where, value) => this.editText(where, value) })}
      </div>`;
  }

  #renderLabels(points: number): TemplateResult {
    const path: Path = [...this.#path, 'labels'];
    const labels = (this.question as { labels?: unknown[] }).labels;
    // Labels by locale are objects a line of text cannot hold; they stay as they are, edited in the JSON.
    if (labels?.some(isRecord)) return html`<p class="hint">This question's labels come in several languages; edit them in the JSON file.</p>`;
    return textArea({
      path,
      label: `Own labels, one per line (${points}, lowest first)`,
      hint: 'Leave empty for the built-in labels.',
      deep: true,
      problems: this.problems,
      rows: points,
      value: (labels ?? []).join('\n'),
      onInput: (value) => this.edit(path, value.trim() ? value.split('\n') : undefined),
    });
  }

  #renderChoice(question: ChoiceQuestion, number: number): TemplateResult {
    const { problems } = this;
    const at = (name: string): Path => [...this.#path, name];
    const flag = (name: 'multiple' | 'other' | 'shuffle', text: string) =>
      checkField({ path: at(name), label: text, problems, checked: question[name] ?? false, onChange: (checked) => this.edit(at(name), checked || undefined) });
    const count = (name: 'min' | 'max', text: string) =>
      textField({ path: at(name), label: text, type: 'number', problems, value: String(question[name] ?? ''), onInput: (value) => this.edit(at(name), parseNumber(value)) });
    return html`<builder-options-editor .problems=${problems} .path=${at('options')} .options=${question.options} .number=${number}></builder-options-editor>
      ${flag('multiple', 'Several answers allowed (checkboxes)')} ${flag('other', 'An “Other” option with a text field')} ${flag('shuffle', 'Show the options in a random order')}
      ${question.multiple || question.min !== undefined || question.max !== undefined
        ? html`<div class="row">${count('min', 'Fewest options to pick')} ${count('max', 'Most options to pick')}</div>`
        : nothing}`;
  }

  #renderText(question: TextQuestion, number: number): TemplateResult {
    const { problems } = this;
    const at = (name: string): Path => [...this.#path, name];
    return html`${checkField({
        path: at('multiline'),
        label: 'Several lines',
        problems,
        checked: question.multiline ?? true,
        // Several lines is the default, so only a single line is written down.
        onChange: (checked) => this.edit(at('multiline'), checked ? undefined : false),
      })}
      <div class="row">
        ${textField({ path: at('maxLength'), label: `Question ${number} longest answer (characters)`, type: 'number', placeholder: '1000', problems, value: String(question.maxLength ?? ''), onInput: (value) => this.edit(at('maxLength'), parseNumber(value)) })}
        ${localizedField({ path: at('placeholder'), label: `Question ${number} placeholder`, problems, value: question.placeholder, onInput: (where, value) => this.editText(where, value) })}
      </div>`;
  }
}
