import { css, html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import { MAX_TRIGGER_NESTING } from '../../core/definition/validate.js';
import { URL_OPERATORS } from '../../core/targeting/url-match.js';
import type { Conditions, Trigger } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { afterRender } from '../form/after-render.js';
import { fieldId, groupDescribedBy, groupError, selectField, textField } from '../form/field.js';
import { formStyles } from '../form/form.styles.js';
import { getIn, pathText, type Path } from '../model/paths.js';
import { addPart, canMoveOut, combinatorOf, combineAs, depthOf, movePart, moveOut, partsOf, removePart, type Combinator, type TreeEdit } from '../model/trigger-tree.js';
import { parseNumber } from '../model/values.js';

/** The journey points one part can be, and the two kinds of group. */
const LEAF_KINDS = ['event', 'url', 'selector', 'scroll', 'exitIntent', 'delay'] as const;
type LeafKind = (typeof LEAF_KINDS)[number];
type PartKind = LeafKind | Combinator;

const KIND_LABELS: Record<PartKind, string> = {
  event: 'An event is tracked',
  url: 'The page address matches',
  selector: 'An element is clicked',
  scroll: 'The page is scrolled to',
  exitIntent: 'The visitor is about to leave',
  delay: 'Time on the page',
  all: 'A group: all of these have happened',
  any: 'A group: any of these happens',
};

/** What a part becomes when its kind is picked (unless it was that kind before: see `#earlier`). */
const STARTING: Record<LeafKind, Trigger> = {
  event: { event: '' },
  url: { url: '' },
  selector: { selector: '' },
  scroll: { scroll: 50 },
  exitIntent: { exitIntent: true },
  delay: { delay: 10 },
};

const URL_LABELS: Record<string, string> = {
  glob: 'matches (* for anything)',
  equals: 'equals',
  startsWith: 'starts with',
  contains: 'contains',
  regex: 'matches the regular expression',
};

/** The kind of a part; none for what is no journey point Earshot knows (a loaded file's typo). */
const kindOf = (part: unknown): PartKind | undefined => combinatorOf(part) ?? LEAF_KINDS.find((name) => isRecord(part) && name in part);

/** How the journey points combine at the top: none, one, all of several, or any of several. */
type Combination = 'none' | 'one' | Combinator;

/** Which control of a part takes focus after an edit. */
type Control = 'kind' | 'up' | 'down' | 'remove' | 'add';

/**
 * When the survey shows: one journey point, or groups of them combined with `all` or `any`,
 * nested up to the depth `init` accepts, each part with buttons to move it (within its group, or
 * out of it) and remove it, all without JSON. A part's kind can be changed back and forth without
 * losing what was typed into it. Focus follows each edit, and a status line says what changed.
 */
export class TriggerEditorElement extends EditorElement {
  static override styles = [
    formStyles,
    css`
      /* Each level of nesting is set off by its border, so the structure reads at a glance. */
      fieldset.part {
        border-inline-start: 4px solid #c9c5d0;
      }
      fieldset.part.group {
        border-inline-start-color: #4f46e5;
        background: rgb(79 70 229 / 0.03);
      }
      .said {
        margin: 0;
        min-height: 1.2em;
        color: #49454f;
        font-size: 0.875rem;
      }
    `,
  ];
  static override properties = { ...EditorElement.properties, trigger: { attribute: false }, said: { state: true } };
  declare trigger: Trigger | undefined;
  /** What the last structural edit did, for screen readers. */
  protected said = '';
  /** What each part was before its kind changed, by place and kind, so that changing back restores it. */
  readonly #earlier = new Map<string, unknown>();

  get #combination(): Combination {
    const trigger: unknown = this.trigger;
    if (trigger === undefined) return 'none';
    return combinatorOf(trigger) ?? 'one';
  }

  override render() {
    const { problems } = this;
    const combination = this.#combination;
    return html`<fieldset aria-describedby=${groupDescribedBy({ path: ['trigger'], problems })}>
      <legend>When it shows (journey points)</legend>
      ${selectField({
        path: ['trigger', 'combination'],
        label: 'Show the survey',
        problems,
        value: combination,
        choices: [
          ['none', 'only when asked for (show(), or its Feedback tab)'],
          ['one', 'at one journey point'],
          ['all', 'when all of these have happened'],
          ['any', 'when any of these happens'],
        ],
        onChange: (value) => this.#combine(value as Combination),
      })}
      ${groupError({ path: ['trigger'], problems })}
      ${combination === 'one' ? this.#renderKindAndFields(this.trigger, ['trigger'], '1') : nothing}
      ${combination === 'all' || combination === 'any' ? this.#renderParts(['trigger'], '') : nothing}
      <p class="said" role="status">${this.said}</p>
    </fieldset>`;
  }

  /** The parts of the group at `group`, and the buttons that add to it. `number`: the group's own ("2.1"), empty for the trigger. */
  #renderParts(group: Path, number: string): TemplateResult {
    const { problems } = this;
    const combinator = combinatorOf(getIn(this, group))!;
    const parts = partsOf(getIn(this, group));
    const whose = number ? ` to group ${number}` : '';
    const deepest = depthOf(group) >= MAX_TRIGGER_NESTING;
    return html`${groupError({ path: [...group, combinator], problems })}
      ${parts.map((part, index) => this.#renderPart(part, [...group, combinator, index], number ? `${number}.${index + 1}` : `${index + 1}`, index, parts.length))}
      <div class="actions" data-add=${pathText(group)}>
        <button type="button" @click=${() => this.#apply(addPart(this.#root, group, { event: '' }), 'kind', 'Added journey point')}>Add a journey point${whose}</button>
        ${
          deepest
            ? html`<p class="hint">Groups go ${MAX_TRIGGER_NESTING} levels deep at most.</p>`
            : html`<button type="button" @click=${() => this.#addGroup(group, combinator === 'all' ? 'any' : 'all')}>
                Add a group${whose}
              </button>`
        }
      </div>`;
  }

  /** One part of a group: a journey point or a group, with its kind and the buttons that move and remove it. */
  #renderPart(part: unknown, path: Path, number: string, index: number, count: number): TemplateResult {
    const combinator = combinatorOf(part);
    const name = combinator ? `group ${number}` : `journey point ${number}`;
    return html`<fieldset class="part ${combinator ? 'group' : ''}" data-path=${pathText(path)}>
      <legend>${combinator ? `Group ${number}: ${combinator === 'all' ? 'all of these' : 'any of these'}` : `Journey point ${number}`}</legend>
      ${this.#renderKindAndFields(part, path, number)}
      <div class="actions">
        <button type="button" data-control="up" ?disabled=${index === 0} @click=${() => this.#apply(movePart(this.#root, path, -1), 'up', `Moved ${name} up`)}>Move ${name} up</button>
        <button type="button" data-control="down" ?disabled=${index === count - 1} @click=${() => this.#apply(movePart(this.#root, path, 1), 'down', `Moved ${name} down`)}>
          Move ${name} down
        </button>
        ${
          canMoveOut(path)
            ? html`<button type="button" data-control="out" @click=${() => this.#apply(moveOut(this.#root, path), 'kind', `Moved ${name} out of its group`)}>
                Move ${name} out of group ${number.split('.').slice(0, -1).join('.')}
              </button>`
            : nothing
        }
        <button type="button" data-control="remove" @click=${() => this.#remove(path, name)}>Remove ${name}</button>
      </div>
    </fieldset>`;
  }

  /** The kind of a part; a group's is its combinator. Offered only where a group may go. */
  #kindPicker(part: unknown, path: Path, number: string): TemplateResult {
    const kind = kindOf(part);
    const groups = path.length > 1 && depthOf(path) <= MAX_TRIGGER_NESTING;
    const kinds: PartKind[] = [...LEAF_KINDS, ...(groups || combinatorOf(part) ? (['all', 'any'] as const) : [])];
    return selectField({
      path: [...path, 'kind'],
      alsoAt: [path],
      label: `Journey point ${number}`,
      problems: this.problems,
      value: kind ?? '',
      choices: [...(kind ? [] : [['', 'Not a journey point Earshot knows: pick one'] as const]), ...kinds.map((name) => [name, KIND_LABELS[name]] as const)],
      onChange: (value) => this.#changeKind(part, path, value as PartKind),
    });
  }

  /**
   * A part: its kind, then its fields (or, for a group, its parts). The kind picker stays the same
   * element whatever kind is picked, so that focus and a keyboard's type-ahead stay in it.
   */
  #renderKindAndFields(point: unknown, path: Path, number: string): TemplateResult {
    return html`${this.#kindPicker(point, path, number)} ${combinatorOf(point) ? this.#renderParts(path, number) : this.#pointFields(point, path, number)}`;
  }

  /** The fields of a journey point of the kind it is. */
  #pointFields(point: unknown, path: Path, number: string): TemplateResult | typeof nothing {
    const { problems } = this;
    const record = (isRecord(point) ? point : {}) as Record<string, unknown>;
    const at = (name: string): Path => [...path, name];
    switch (kindOf(point)) {
      case 'event':
        return html`${textField({ path: at('event'), label: `Event name (journey point ${number})`, hint: 'As tracked with earshot.track(name) or data-earshot-event.', problems, value: String(record.event ?? ''), onInput: (value) => this.edit(at('event'), value) })}
          <builder-conditions-editor
            .problems=${problems}
            .path=${at('where')}
            .conditions=${record.where as Conditions | undefined}
            .legend=${`Only when its properties match (journey point ${number})`}
            name-label="Property"
            @builder-conditions=${(event: CustomEvent<Conditions | undefined>) => this.edit(at('where'), event.detail)}
          ></builder-conditions-editor>`;
      case 'url':
        return this.#renderUrl(record.url, at('url'), number);
      case 'selector':
        return html`${textField({ path: at('selector'), label: `CSS selector of the element (journey point ${number})`, placeholder: '#buy, .help-link', problems, value: String(record.selector ?? ''), onInput: (value) => this.edit(at('selector'), value) })}`;
      case 'scroll':
        return html`${this.#numberField(at('scroll'), `Percent of the page scrolled (journey point ${number})`, record.scroll)}`;
      case 'delay':
        return html`${this.#numberField(at('delay'), `Seconds on the page (journey point ${number})`, record.delay)}`;
      case 'exitIntent':
        return html`<p class="hint">The pointer leaves through the top of the window, or a fast scroll up on a touch screen.</p>`;
      default:
        return nothing;
    }
  }

  /** A number typed as text, so that what is being typed (`1.`, `2e`) stays in the field until it is a number. */
  #numberField(path: Path, label: string, value: unknown): TemplateResult {
    return textField({
      path,
      label,
      inputMode: 'decimal',
      problems: this.problems,
      value: value === undefined ? '' : String(value),
      standsFor: (typed) => (parseNumber(typed) ?? '') === value,
      onInput: (typed) => this.edit(path, parseNumber(typed) ?? ''),
    });
  }

  #renderUrl(rule: unknown, path: Path, number: string): TemplateResult {
    const { problems } = this;
    const operator = isRecord(rule) ? (Object.keys(rule)[0] ?? 'glob') : 'glob';
    const pattern = isRecord(rule) ? String(rule[operator] ?? '') : String(rule ?? '');
    // A plain string is a glob; an object says its operator. A plain glob stays a string.
    const ruleOf = (how: string, text: string) => (how === 'glob' && !isRecord(rule) ? text : { [how]: text });
    return html`<div class="row">
        ${selectField({
          path: [...path, 'operator'],
          label: `The page path (journey point ${number})`,
          problems,
          value: operator,
          choices: URL_OPERATORS.map((name) => [name, URL_LABELS[name] ?? name] as const),
          onChange: (how) => this.edit(path, how === 'glob' ? pattern : { [how]: pattern }),
        })}
        ${textField({ path: [...path, 'pattern'], alsoAt: [path, [...path, operator]], label: `Page path pattern (journey point ${number})`, placeholder: '/checkout/*', problems, value: pattern, onInput: (text) => this.edit(path, ruleOf(operator, text)) })}
      </div>`;
  }

  /** The survey as far as this editor knows it: the trigger is all it edits. */
  get #root(): { trigger: Trigger | undefined } {
    return { trigger: this.trigger };
  }

  #combine(combination: Combination): void {
    const current = this.trigger;
    const list = partsOf(current) as Trigger[];
    this.#earlier.set(`trigger|${this.#combination}`, current);
    const kept = this.#earlier.get(`trigger|${combination}`) as Trigger | undefined;
    if (combination === 'none') return this.edit(['trigger'], undefined);
    if (combination === 'one') return this.edit(['trigger'], kept ?? list[0] ?? { event: '' });
    const points = list.length ? list : current ? [current] : [{ event: '' }];
    this.edit(['trigger'], { [combination]: points });
  }

  /** A new kind for a part: what it was before under that kind comes back, and a point turned into a group becomes its first part. */
  #changeKind(part: unknown, path: Path, kind: PartKind): void {
    const key = pathText(path);
    const was = kindOf(part);
    if (was) this.#earlier.set(`${key}|${was}`, part);
    const kept = this.#earlier.get(`${key}|${kind}`);
    if ((kind === 'all' || kind === 'any') && combinatorOf(part)) return this.edit(['trigger'], combineAs(this.#root, path, kind).trigger);
    if (kind === 'all' || kind === 'any') return this.edit(path, kept ?? { [kind]: [part] });
    this.edit(path, kept ?? STARTING[kind]);
  }

  /** A group of one new journey point, combined the other way than the group it goes in; focus goes to that point, whose kind is picked next. */
  #addGroup(group: Path, combinator: Combinator): void {
    const { definition, at } = addPart(this.#root, group, (combinator === 'all' ? { all: [{ event: '' }] } : { any: [{ event: '' }] }) as Trigger);
    const number = at.filter((part) => typeof part === 'number').map((index) => Number(index) + 1);
    void this.#apply({ definition, at: [...at, combinator, 0] }, 'kind', `Added group ${number.join('.')}`);
  }

  #remove(path: Path, name: string): void {
    const { definition, at } = removePart(this.#root, path);
    const left = (getIn(definition, at) as unknown[]).length;
    const index = path[path.length - 1] as number;
    // Focus goes to the part that took its place, the one before, or the button that adds to the group.
    const next = left ? [...at, Math.min(index, left - 1)] : at.slice(0, -1);
    void this.#apply({ definition, at: next }, left ? 'kind' : 'add', `Removed ${name}`);
  }

  async #apply({ definition, at }: TreeEdit<{ trigger: Trigger | undefined }>, control: Control, what: string): Promise<void> {
    this.edit(['trigger'], definition.trigger);
    await afterRender(this);
    const number = at.filter((part) => typeof part === 'number').map((index) => Number(index) + 1);
    const placed = control === 'add' ? '' : `: now ${combinatorOf(getIn(definition, at)) ? 'group' : 'journey point'} ${number.join('.')}`;
    this.said = `${what}${placed}.`;
    this.#focus(at, control);
  }

  /** Puts focus on a control of the part at `at` (or, for `add`, on the first button adding to the group at `at`). */
  #focus(at: Path, control: Control): void {
    const root = this.renderRoot;
    if (control === 'add') return root.querySelector<HTMLElement>(`[data-add="${pathText(at)}"] button`)?.focus();
    const part = root.querySelector<HTMLElement>(`[data-path="${pathText(at)}"]`);
    const wanted =
      control === 'kind'
        ? part?.querySelector<HTMLElement>(`#${fieldId([...at, 'kind'])}`)
        : (part?.querySelector<HTMLElement>(`:scope > .actions [data-control="${control}"]:not(:disabled)`) ??
          part?.querySelector<HTMLElement>(':scope > .actions button:not(:disabled)'));
    wanted?.focus();
  }
}
