import { html, nothing } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import { END_OF_SURVEY, RULE_OPERATORS } from '../../core/definition/flow.js';
import type { AnswerRule, Question } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { selectField, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { readOperand, showOperand } from '../model/values.js';
import { builderKindOf } from '../question-kinds.js';

type Operator = (typeof RULE_OPERATORS)[number];

const OPERATOR_LABELS: Record<Operator, string> = {
  eq: 'is',
  neq: 'is not',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  in: 'is one of (separate with commas)',
  answered: 'was answered or skipped',
};

/**
 * Branching for one question: ask it only when a rule holds on an earlier answer (`if`), and
 * where to go after it (`next`: a later question or the end).
 */
export class RuleEditorElement extends EditorElement {
  static override properties = {
    ...EditorElement.properties,
    path: { attribute: false },
    rule: { attribute: false },
    next: { attribute: false },
    earlier: { attribute: false },
    later: { attribute: false },
    number: { type: Number },
  };

  /** The question's path. */
  declare path: Path;
  declare rule: AnswerRule | undefined;
  declare next: string | undefined;
  declare earlier: readonly Question[];
  /** The questions after this one, where it may jump. */
  declare later: readonly Question[];
  declare number: number;

  override render() {
    const { problems, rule, number } = this;
    const at: Path = [...this.path, 'if'];
    const operator = rule ? ((Object.keys(rule).find((key) => key !== 'question') ?? 'eq') as Operator) : 'eq';
    const asked = this.earlier.find((question) => question.id === rule?.question);
    // Until a question is picked, the operand is read as a number.
    const numeric = asked ? (builderKindOf(asked)?.numericAnswers ?? false) : true;
    const canBranch = this.earlier.length > 0 || rule;
    return html`<fieldset>
      <legend>Branching of question ${number}</legend>
      ${
        canBranch
          ? html`<div class="row">
            ${selectField({
              path: [...at, 'question'],
              alsoAt: [at],
              label: `Ask question ${number}`,
              problems,
              value: rule?.question ?? '',
              choices: [['', 'always'], ...this.earlier.map((question, index) => [question.id, `only if the answer to ${questionLabel(question, index)}`] as const)],
              onChange: (id) => this.edit(at, id ? { question: id, ...(rule ? withoutQuestion(rule) : { answered: true }) } : undefined),
            })}
            ${
              rule
                ? html`${selectField({
                    path: [...at, 'operator'],
                    label: `Rule of question ${number}`,
                    problems,
                    value: operator,
                    choices: RULE_OPERATORS.map((name) => [name, OPERATOR_LABELS[name]] as const),
                    onChange: (name) => this.edit(at, { question: rule.question, [name]: readOperand(name, name === 'answered' ? 'true' : showOperand(rule[operator]), numeric) }),
                  })}
                ${
                  operator === 'answered'
                    ? selectField({
                        path: [...at, 'answered'],
                        label: `Answered or skipped (question ${number})`,
                        problems,
                        value: String(rule.answered),
                        choices: [
                          ['true', 'answered'],
                          ['false', 'skipped'],
                        ],
                        onChange: (value) => this.edit([...at, 'answered'], value === 'true'),
                      })
                    : textField({
                        path: [...at, operator],
                        label: `Value in the rule of question ${number}`,
                        problems,
                        value: showOperand(rule[operator]),
                        onInput: (value) => this.edit([...at, operator], readOperand(operator, value, numeric)),
                      })
                }`
                : nothing
            }
          </div>`
          : html`<p class="hint">The first question is always asked.</p>`
      }
      ${selectField({
        path: [...this.path, 'next'],
        label: `After question ${number}, go to`,
        problems,
        value: this.next ?? '',
        choices: [
          ['', 'the next question asked'],
          ...this.later.map((question, index) => [question.id, questionLabel(question, this.number + index)] as const),
          [END_OF_SURVEY, 'the end (thank-you step)'],
          // A jump to no later question stays shown as it is, with the validator's problem beside it.
          ...(this.next && this.next !== END_OF_SURVEY && !this.later.some(({ id }) => id === this.next)
            ? [[this.next, `question ${this.next} (not a later question)`] as const]
            : []),
        ],
        onChange: (value) => this.editText([...this.path, 'next'], value),
      })}
    </fieldset>`;
  }
}

/** A question as a branch names it: its number and its text (in its first language), cut at 80 characters; its id while it has no text. */
export function questionLabel(question: Question, index: number): string {
  const text = typeof question.text === 'string' ? question.text : isRecord(question.text) ? String(Object.values(question.text)[0] ?? '') : '';
  const shown = text.trim() ? text.trim() : `(no text yet, id ${question.id})`;
  return `${index + 1}. ${shown.length > 80 ? `${shown.slice(0, 79)}…` : shown}`;
}

function withoutQuestion(rule: AnswerRule): Omit<AnswerRule, 'question'> {
  const { question: _, ...rest } = rule;
  return rest;
}
