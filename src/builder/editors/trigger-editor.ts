import { html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../../core/definition/checks.js';
import { URL_OPERATORS } from '../../core/targeting/url-match.js';
import type { Conditions, Trigger } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { groupDescribedBy, groupError, selectField, textArea, textField } from '../form/field.js';
import type { Path } from '../model/paths.js';
import { parseNumber } from '../model/values.js';

/** The journey points one row can be; `group` is a nested `all`/`any`, edited as JSON. */
const KINDS = ['event', 'url', 'selector', 'scroll', 'exitIntent', 'delay', 'group'] as const;
type Kind = (typeof KINDS)[number];

const KIND_LABELS: Record<Kind, string> = {
  event: 'An event is tracked',
  url: 'The page address matches',
  selector: 'An element is clicked',
  scroll: 'The page is scrolled to',
  exitIntent: 'The visitor is about to leave',
  delay: 'Time on the page',
  group: 'A nested group (JSON)',
};

/** What a row becomes when its kind is picked. */
const STARTING: Record<Kind, Trigger> = {
  event: { event: '' },
  url: { url: '' },
  selector: { selector: '' },
  scroll: { scroll: 50 },
  exitIntent: { exitIntent: true },
  delay: { delay: 10 },
  group: { any: [{ event: '' }] },
};

const URL_LABELS: Record<string, string> = {
  glob: 'matches (* for anything)',
  equals: 'equals',
  startsWith: 'starts with',
  contains: 'contains',
  regex: 'matches the regular expression',
};

const kindOf = (trigger: unknown): Kind => {
  const kind = KINDS.find((name) => isRecord(trigger) && name in trigger);
  return kind ?? (isRecord(trigger) && ('all' in trigger || 'any' in trigger) ? 'group' : 'event');
};

/** How the journey points combine: none, one, all of several, or any of several. */
type Combination = 'none' | 'one' | 'all' | 'any';

/** When the survey shows: one journey point, or several combined with `all` or `any`. */
export class TriggerEditorElement extends EditorElement {
  static override properties = { ...EditorElement.properties, trigger: { attribute: false } };
  declare trigger: Trigger | undefined;

  get #combination(): Combination {
    const trigger: unknown = this.trigger;
    if (trigger === undefined) return 'none';
    if (isRecord(trigger) && Array.isArray(trigger.all)) return 'all';
    if (isRecord(trigger) && Array.isArray(trigger.any)) return 'any';
    return 'one';
  }

  override render() {
    const { problems } = this;
    const combination = this.#combination;
    const list = combination === 'all' || combination === 'any' ? ((this.trigger as unknown as Record<string, Trigger[]>)[combination] ?? []) : [];
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
        onChange: (value) => this.#combine(value as Combination, list),
      })}
      ${groupError({ path: ['trigger'], problems })}
      ${combination === 'one' ? this.#renderPoint(this.trigger, ['trigger'], 1) : nothing}
      ${
        combination === 'all' || combination === 'any'
          ? html`${groupError({ path: ['trigger', combination], problems })}
            ${list.map(
              (point, index) => html`<fieldset>
                <legend>Journey point ${index + 1}</legend>
                ${this.#renderPoint(point, ['trigger', combination, index], index + 1)}
                <div class="actions">
                  <button type="button" @click=${() =>
                    this.edit(
                      ['trigger', combination],
                      list.filter((_, other) => other !== index),
                    )}>Remove journey point ${index + 1}</button>
                </div>
              </fieldset>`,
            )}
            <div class="actions"><button type="button" @click=${() => this.edit(['trigger', combination], [...list, { event: '' }])}>Add a journey point</button></div>`
          : nothing
      }
    </fieldset>`;
  }

  #combine(combination: Combination, list: Trigger[]): void {
    const current = this.trigger;
    if (combination === 'none') return this.edit(['trigger'], undefined);
    if (combination === 'one') return this.edit(['trigger'], list[0] ?? { event: '' });
    const points = list.length ? list : current ? [current] : [{ event: '' }];
    this.edit(['trigger'], { [combination]: points });
  }

  #renderPoint(point: unknown, path: Path, number: number): TemplateResult {
    const { problems } = this;
    const kind = kindOf(point);
    const record = (isRecord(point) ? point : {}) as Record<string, unknown>;
    const at = (name: string): Path => [...path, name];
    const picker = selectField({
      path: [...path, 'kind'],
      alsoAt: [path],
      label: `Journey point ${number}`,
      problems,
      value: kind,
      choices: KINDS.map((name) => [name, KIND_LABELS[name]] as const),
      onChange: (value) => this.edit(path, STARTING[value as Kind]),
    });
    switch (kind) {
      case 'event':
        return html`${picker}
          ${textField({ path: at('event'), label: `Event name (journey point ${number})`, hint: 'As tracked with earshot.track(name) or data-earshot-event.', problems, value: String(record.event ?? ''), onInput: (value) => this.edit(at('event'), value) })}
          <builder-conditions-editor
            .problems=${problems}
            .path=${at('where')}
            .conditions=${record.where as Conditions | undefined}
            .legend=${`Only when its properties match (journey point ${number})`}
            name-label="Property"
            @builder-conditions=${(event: CustomEvent<Conditions | undefined>) => this.edit(at('where'), event.detail)}
          ></builder-conditions-editor>`;
      case 'url':
        return this.#renderUrl(picker, record.url, at('url'), number);
      case 'selector':
        return html`${picker}
          ${textField({ path: at('selector'), label: `CSS selector of the element (journey point ${number})`, placeholder: '#buy, .help-link', problems, value: String(record.selector ?? ''), onInput: (value) => this.edit(at('selector'), value) })}`;
      case 'scroll':
        return html`${picker}
          ${textField({ path: at('scroll'), label: `Percent of the page scrolled (journey point ${number})`, type: 'number', problems, value: String(record.scroll ?? ''), onInput: (value) => this.edit(at('scroll'), parseNumber(value) ?? '') })}`;
      case 'delay':
        return html`${picker}
          ${textField({ path: at('delay'), label: `Seconds on the page (journey point ${number})`, type: 'number', problems, value: String(record.delay ?? ''), onInput: (value) => this.edit(at('delay'), parseNumber(value) ?? '') })}`;
      case 'exitIntent':
        return html`${picker}
          <p class="hint">The pointer leaves through the top of the window, or a fast scroll up on a touch screen.</p>`;
      case 'group':
        return html`${picker}
          ${textArea({
            path,
            label: `Nested group as JSON (journey point ${number})`,
            hint: 'An object with "all" or "any" and a list of journey points.',
            deep: true,
            problems,
            value: JSON.stringify(point, null, 2),
            rows: 5,
            onInput: (value) => {
              try {
                this.edit(path, JSON.parse(value));
              } catch {
                // Keeps the text until it is JSON again: the validator then says what is wrong with it.
                this.edit(path, value);
              }
            },
          })}`;
    }
  }

  #renderUrl(picker: TemplateResult, rule: unknown, path: Path, number: number): TemplateResult {
    const { problems } = this;
    const operator = isRecord(rule) ? (Object.keys(rule)[0] ?? 'glob') : 'glob';
    const pattern = isRecord(rule) ? String(rule[operator] ?? '') : String(rule ?? '');
    // A plain string is a glob; an object says its operator. A plain glob stays a string.
    const ruleOf = (how: string, text: string) => (how === 'glob' && !isRecord(rule) ? text : { [how]: text });
    return html`${picker}
      <div class="row">
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
}
