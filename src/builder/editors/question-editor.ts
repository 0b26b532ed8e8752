import { html, nothing, type TemplateResult } from 'lit';
import { QUESTION_TYPES } from '../../core/definition/question-kinds.js';
import type { Question, QuestionType } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { checkField, fieldId, localizedField, selectField, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { changeType } from '../model/questions.js';
import { BUILDER_KINDS, builderKindOf } from '../question-kinds.js';

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
  /** The questions after this one, where it may jump. */
  declare later: readonly Question[];

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
          choices: QUESTION_TYPES.map((type) => [type, BUILDER_KINDS[type].label] as const),
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

  /** The fields of the question's own kind, from the builder's table of kinds. */
  #renderKind(): TemplateResult | typeof nothing {
    const { question, problems } = this;
    const path = this.#path;
    return (
      builderKindOf(question)?.fields?.({
        question,
        number: this.index + 1,
        problems,
        at: (name) => [...path, name],
        edit: (at, value) => this.edit(at, value),
        editText: (at, value) => this.editText(at, value),
      }) ?? nothing
    );
  }
}
