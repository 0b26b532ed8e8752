// Mounting one question element alone, and the three ways a visitor changes an option.
import type { Answer, Question } from '../../../src/core/types.js';
import '../../../src/ui/define.js';
import { defineKinds } from '../../../src/ui/questions/registry.js';
import type { QuestionChange } from '../../../src/ui/questions/question-change.js';
import type { LocaleStrings as Strings } from '../../../src/i18n/strings.js';
import { rendered } from '../../support/dom.js';

export interface Mounted<E extends HTMLElement> {
  element: E;
  root: ShadowRoot;
  /** Every earshot-change the element fired, in order. */
  changes: QuestionChange[];
}

let mounted: HTMLElement[] = [];

/** Puts `<earshot-{type}-question>` on the page with this question (and answer, and strings). */
export async function mountQuestion<E extends HTMLElement>(question: Question, value?: Answer, strings?: Strings): Promise<Mounted<E>> {
  await defineKinds([question.type]);
  const element = document.createElement(`earshot-${question.type}-question`) as unknown as E & { question: Question; value?: Answer; strings: Strings };
  element.question = question;
  if (value !== undefined) element.value = value;
  if (strings) element.strings = strings;
  const changes: QuestionChange[] = [];
  element.addEventListener('earshot-change', (event) => changes.push((event as CustomEvent<QuestionChange>).detail));
  document.body.append(element);
  mounted.push(element);
  await rendered(element);
  return { element, root: element.shadowRoot!, changes };
}

/** Removes what `mountQuestion` put on the page (call in `afterEach`). */
export function unmountQuestions(): void {
  for (const element of mounted) element.remove();
  mounted = [];
}

/** A mouse or touch click: browsers count the clicks in `detail`. */
export function pointerClick(target: HTMLElement): void {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
}

/** The click that Space, or an arrow key moving through a radiogroup, fires: no click count. */
export function keyboardClick(target: HTMLElement): void {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 0 }));
}

/** A change with no click before it, as a browser whose arrow keys fire no click would send. */
export function changeWithoutClick(input: HTMLElement, checked = true): void {
  (input as HTMLInputElement).checked = checked;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
