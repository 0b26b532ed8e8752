import { describe } from '../../core/definition/checks.js';
import { audienceMisses } from '../../core/targeting/audience.js';
import { describePart, describeWaiting } from '../../core/words/reason-sentences.js';
import type { Page, Signal } from '../../core/targeting/page.js';
import { fired, mayFireOn, partsOf, type Firing } from '../../core/targeting/triggers.js';
import type { Audience, Trigger, UserTraits } from '../../core/types.js';
import { urlRulesOf } from './page-tester.js';

/**
 * The builder's simulate mode: a visit to one page, driven by the person building the survey
 * (time passes by itself; events, clicks, scrolling and exit intent are buttons), judged by the
 * SDK's own trigger and audience code. Sample, dates and frequency are ignored, as in
 * `?earshot_preview=<id>&simulate=1`.
 */
export interface SimulatedVisit {
  page: Page;
  /** Seconds on the page so far. */
  seconds: number;
  /** Why the survey showed, once its trigger fired: as the collector would be told (`firedBy`, `label`). */
  shown?: Firing;
}

/** Who the simulated visitor is, for the audience. */
export interface SimulatedVisitor {
  traits: UserTraits;
  device: string;
  language: string;
  referrer: string;
}

/** What the person can make the visitor do: one per event, selector, scroll depth and exit intent in the trigger. */
export type VisitorAction = { event: string } | { click: string } | { scroll: number } | { exit: true };

export function startVisit(path: string): SimulatedVisit {
  return { page: { path, events: [], clicked: new Set(), scroll: 0, exit: false, delays: new Set() }, seconds: 0 };
}

/** The actions the trigger waits for, each once, in the trigger's order. */
export function actionsOf(trigger: Trigger | undefined): VisitorAction[] {
  const actions = new Map<string, VisitorAction>();
  const walk = (part: Trigger) => {
    if ('all' in part || 'any' in part) return ('all' in part ? part.all : part.any).forEach(walk);
    if ('event' in part) actions.set(`e${part.event}`, { event: part.event });
    if ('selector' in part) actions.set(`c${part.selector}`, { click: part.selector });
    if ('scroll' in part) actions.set(`s${part.scroll}`, { scroll: part.scroll });
    if ('exitIntent' in part) actions.set('x', { exit: true });
  };
  if (trigger) walk(trigger);
  return [...actions.values()];
}

/** The button's words for an action. */
export const actionLabel = (action: VisitorAction) =>
  'event' in action
    ? `Track the event “${action.event}”`
    : 'click' in action
      ? `Click ${action.click}`
      : 'scroll' in action
        ? `Scroll to ${action.scroll} %`
        : 'Move to leave the page';

/** What the action changes on the page, and the signal it sends (as page-watch.ts does on a real page). */
function apply(page: Page, action: VisitorAction): Signal {
  if ('event' in action) {
    const event = { name: action.event, props: {} };
    page.events.push(event);
    return { event };
  }
  if ('click' in action) {
    page.clicked.add(action.click);
    // Stands for the element clicked: it matches the selector clicked, and nothing else.
    return { click: { closest: (selector: string) => (selector === action.click ? {} : null) } as unknown as Element };
  }
  if ('scroll' in action) {
    const from = page.scroll;
    page.scroll = Math.max(from, action.scroll);
    return { scroll: [from, page.scroll] };
  }
  page.exit = true;
  return { exit: true };
}

/** The visit after the visitor did something; it shows the survey when the trigger fires on it. */
export function act(visit: SimulatedVisit, trigger: Trigger, action: VisitorAction): SimulatedVisit {
  if (visit.shown) return visit;
  const page = { ...visit.page, events: [...visit.page.events], clicked: new Set(visit.page.clicked), delays: new Set(visit.page.delays) };
  const shown = fired(trigger, page, apply(page, action));
  return { ...visit, page, ...(shown && { shown }) };
}

/** The visit after time passed: each `delay` reached fires, as on a real page. */
export function tick(visit: SimulatedVisit, trigger: Trigger, seconds: number): SimulatedVisit {
  let next: SimulatedVisit = { ...visit, seconds, page: { ...visit.page, delays: new Set(visit.page.delays) } };
  for (const delay of partsOf(trigger, 'delay')) {
    if (next.shown || delay > seconds || next.page.delays.has(delay)) continue;
    next.page.delays.add(delay);
    const shown = fired(trigger, next.page, { delay });
    if (shown) next = { ...next, shown };
  }
  return next;
}

/** What the simulation says: the survey shows, waits (and for what), or never shows on this page or to this visitor. */
export type SimulationState = { state: 'shown' | 'waiting' | 'never'; sentence: string };

export function simulationState(trigger: Trigger | undefined, audience: Audience | undefined, visit: SimulatedVisit, visitor: SimulatedVisitor): SimulationState {
  if (!trigger) return { state: 'never', sentence: 'It has no trigger: it shows only when asked for (show(), or its Feedback tab).' };
  const misses = audienceMisses(audience, visitor.traits, { device: visitor.device, language: visitor.language, referrer: visitor.referrer });
  if (misses.length) {
    const [{ rule, condition, actual }] = misses;
    return { state: 'never', sentence: `Not shown to this visitor: audience rule ${rule} ${describe(condition)} fails on their value ${describe(actual)}.` };
  }
  if (!mayFireOn(trigger, visit.page.path)) {
    const rules = urlRulesOf(trigger).map(({ rule }) => describe(rule));
    return { state: 'never', sentence: `Never shown on ${visit.page.path}: its page rule (${rules.join(', ')}) does not match it. Change the address in the page tester.` };
  }
  if (visit.shown) return { state: 'shown', sentence: `Shown after ${visit.seconds} s on the page: ${firedByWords(visit.shown)}.` };
  return { state: 'waiting', sentence: `Waiting for ${describeWaiting(trigger, visit.page) ?? 'its trigger'}.` };
}

/** Which journey point completed the trigger, in the words of the debug panel, and the label results will show for it. */
function firedByWords({ trigger, firedBy, label }: Firing): string {
  const point = firedBy ?? ('manual' in trigger ? undefined : trigger);
  const by = point && !('all' in point || 'any' in point) ? `${describePart(point)} fired its trigger` : 'its trigger fired';
  return label ? `${by} (results say “${label}”)` : by;
}
