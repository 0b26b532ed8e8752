import { isRecord } from '../definition/checks.js';
import type { Trigger, TriggerRecord } from '../types.js';
import { satisfiesAll } from './conditions.js';
import type { Page, Signal, TrackedEvent } from './page.js';
import { urlMatches } from './url-match.js';

export const TRIGGER_KINDS = ['event', 'url', 'selector', 'scroll', 'exitIntent', 'delay', 'all', 'any'] as const;

/** Why a survey shows, as its response and events record it. */
export interface Firing {
  /** The whole trigger, without `where` and labels; `manual` for `show()`, the tab and embeds. */
  trigger: TriggerRecord;
  /** The journey point whose signal completed a combined trigger. */
  firedBy?: Trigger;
  /** The label nearest to that point on the way up to the whole trigger. */
  label?: string;
  /** The `track()` call that fired it. */
  event?: TrackedEvent;
}

/** false: the trigger does not hold; true: it holds, but not because of this signal; an object: it fires now, by this point. */
type Outcome = boolean | { leaf: Trigger; label?: string };

/**
 * What fires on this signal, or undefined. A trigger fires when it holds on the page and this
 * signal completed it: for `any`, one part fired; for `all`, the last part to hold did.
 */
export function fired(trigger: Trigger, page: Page, signal: Signal): Firing | undefined {
  const outcome = evaluate(trigger, page, signal);
  if (!isRecord(outcome)) return undefined;
  const { leaf, label } = outcome;
  return { trigger: record(trigger), ...(leaf !== trigger && { firedBy: record(leaf) }), ...(label && { label }) };
}

function evaluate(trigger: Trigger, page: Page, signal: Signal): Outcome {
  let outcome: Outcome;
  if ('all' in trigger || 'any' in trigger) {
    const parts = ('all' in trigger ? trigger.all : trigger.any).map((part) => evaluate(part, page, signal));
    const firing = parts.find(isRecord);
    outcome = 'any' in trigger ? (firing ?? parts.includes(true)) : !parts.includes(false) && (firing ?? true);
  } else {
    const [holds, now] = leaf(trigger, page, signal);
    outcome = holds && (now ? { leaf: trigger } : true);
  }
  return isRecord(outcome) ? { leaf: outcome.leaf, label: outcome.label ?? trigger.label } : outcome;
}

/** Whether a single journey point holds on this page, and whether this signal is what made it hold. */
function leaf(trigger: Trigger, page: Page, signal: Signal): [boolean, boolean] {
  if ('event' in trigger) {
    const matches = ({ name, props }: TrackedEvent) => name === trigger.event && satisfiesAll(props, trigger.where);
    return [page.events.some(matches), 'event' in signal && matches(signal.event)];
  }
  if ('url' in trigger) return [urlMatches(trigger.url, page.path), 'page' in signal];
  if ('selector' in trigger) return [page.clicked.has(trigger.selector), 'click' in signal && !!signal.click.closest(trigger.selector)];
  if ('scroll' in trigger) return [page.scroll >= trigger.scroll, 'scroll' in signal && signal.scroll[0] < trigger.scroll];
  if ('delay' in trigger) return [page.delays.has(trigger.delay), 'delay' in signal && signal.delay === trigger.delay];
  return [page.exit, 'exit' in signal];
}

/**
 * A trigger as a collector receives it: `where` is a detail of the definition, and a `label` goes
 * on the response (`label`) rather than in the rule, which keeps the one key collectors expect.
 */
function record(trigger: Trigger): Trigger {
  const [kind, value] = Object.entries(trigger).find(([key]) => TRIGGER_KINDS.includes(key as never))!;
  return { [kind]: kind == 'all' || kind == 'any' ? (value as Trigger[]).map(record) : value } as Trigger;
}

/** Every value of one kind of journey point in a trigger: the `delay`s it waits for, the `selector`s it watches. */
export function partsOf<K extends 'delay' | 'selector' | 'scroll'>(trigger: Trigger | undefined, kind: K): Extract<Trigger, Record<K, unknown>>[K][] {
  if (!trigger) return [];
  if ('all' in trigger || 'any' in trigger) return ('all' in trigger ? trigger.all : trigger.any).flatMap((part) => partsOf(part, kind));
  return kind in trigger ? [(trigger as unknown as Record<K, never>)[kind]] : [];
}

/** Whether a trigger can still fire on a page with this path (only `url` parts rule a page out). */
export function mayFireOn(trigger: Trigger | undefined, path: string): boolean {
  if (!trigger) return false;
  if ('all' in trigger) return trigger.all.every((part) => mayFireOn(part, path));
  if ('any' in trigger) return trigger.any.some((part) => mayFireOn(part, path));
  return 'url' in trigger ? urlMatches(trigger.url, path) : true;
}

/** The journey points of a trigger that do not hold on this page yet (none: it holds). */
export function pendingParts(trigger: Trigger, page: Page): Trigger[] {
  if ('all' in trigger) return trigger.all.flatMap((part) => pendingParts(part, page));
  if ('any' in trigger) {
    const each = trigger.any.map((part) => pendingParts(part, page));
    return each.some((pending) => pending.length === 0) ? [] : each.flat();
  }
  return leaf(trigger, page, { page: true })[0] ? [] : [trigger];
}
