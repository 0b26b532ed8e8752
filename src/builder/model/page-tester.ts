import { isRecord } from '../../core/definition/checks.js';
import { describeWaiting } from '../../core/words/reason-sentences.js';
import type { Page } from '../../core/targeting/page.js';
import { pathOf } from '../../core/targeting/route-changes.js';
import { mayFireOn } from '../../core/targeting/triggers.js';
import { urlMatches } from '../../core/targeting/url-match.js';
import type { Trigger, UrlRule } from '../../core/types.js';
import type { Path } from './paths.js';

/** One `url` rule of the trigger, tried on the tested page. */
export interface UrlRuleResult {
  /** Where the rule sits in the definition (`trigger.all[0].url`). */
  path: Path;
  rule: UrlRule;
  matches: boolean;
  /** What to change when it does not match for a reason people often miss (no `*`, no extension). */
  hint?: string;
}

export interface PageTest {
  /** The path the SDK matches on that page (path, plus a `#/…` hash route); none when the address cannot be read. */
  path?: string;
  rules: UrlRuleResult[];
  /** The trigger's `url` parts let it show on this page (true without any). */
  mayShow: boolean;
  /** What else the trigger waits for on this page, once it may show there. */
  waiting?: string;
}

/** The part of an address the SDK matches, from what a person types: a full address, a host and path, or a path. */
export function pathOfAddress(address: string): string | undefined {
  const typed = address.trim();
  if (!typed) return undefined;
  // "shop.example/cart.html" is a host and a path, as people copy it without its scheme.
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(typed) || typed.startsWith('/') ? typed : `https://${typed}`;
  try {
    return pathOf(new URL(absolute, 'https://page.invalid'));
  } catch {
    return undefined;
  }
}

/** Every `url` journey point of a trigger, with its path in the definition. */
export function urlRulesOf(trigger: unknown, path: Path = ['trigger']): { path: Path; rule: UrlRule }[] {
  if (!isRecord(trigger)) return [];
  for (const group of ['all', 'any'] as const) {
    const list = trigger[group];
    if (Array.isArray(list)) return list.flatMap((part, index) => urlRulesOf(part, [...path, group, index]));
  }
  return 'url' in trigger ? [{ path: [...path, 'url'], rule: trigger.url as UrlRule }] : [];
}

/** Whether a rule matches, as the SDK decides; a rule the SDK would refuse matches nothing. */
function matches(rule: UrlRule, path: string): boolean {
  try {
    return urlMatches(rule, path);
  } catch {
    return false;
  }
}

/** Why a rule without `*` (or an `equals`) misses a page it was probably meant for, and what would match it. */
function hintFor(rule: UrlRule, path: string): string | undefined {
  const [operator, pattern] = typeof rule === 'string' ? ['glob', rule] : (Object.entries(rule)[0] ?? []);
  if (typeof pattern !== 'string' || !['glob', 'equals'].includes(operator) || pattern.includes('*')) return undefined;
  const lastPart = pattern.split('/').pop() ?? '';
  const missing = lastPart.includes('.') ? 'no *' : 'no * and no extension';
  const extension = /\.[^./]+$/.exec(path)?.[0];
  const withExtension = extension && !lastPart.includes('.') && `${pattern}${extension}` === path ? `${pattern}${extension}` : undefined;
  const withStar = matches(`${pattern}*`, path) ? `${pattern}*` : undefined;
  const fix = [withExtension, withStar].filter(Boolean).join(' or ');
  return `"${pattern}" has ${missing}: it matches the address ${pattern} exactly, not ${path}.${fix ? ` For this page write ${fix}.` : ''}`;
}

/** Tries the trigger's `url` rules on one address, with the SDK's own matcher. */
export function testPage(trigger: unknown, address: string): PageTest {
  const path = pathOfAddress(address);
  const found = urlRulesOf(trigger);
  if (path === undefined) return { rules: [], mayShow: false };
  const rules = found.map(({ path: at, rule }) => {
    const hit = matches(rule, path);
    const hint = hit ? undefined : hintFor(rule, path);
    return { path: at, rule, matches: hit, ...(hint && { hint }) };
  });
  let mayShow = false;
  let waiting: string | undefined;
  try {
    mayShow = isRecord(trigger) && mayFireOn(trigger as Trigger, path);
    const page: Page = { path, events: [], clicked: new Set(), scroll: 0, exit: false, delays: new Set() };
    // A page that fits the window counts as scrolled to 100 %; the tester cannot know, so scroll waits.
    if (mayShow) waiting = describeWaiting(trigger as Trigger, page);
  } catch {
    // A trigger with mistakes: its problems are listed next to its fields.
  }
  return { path, rules, mayShow, ...(waiting && { waiting }) };
}
