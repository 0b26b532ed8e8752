import { describe } from '../definition/checks.js';
import type { EligibilityReason, Survey, SurveyEligibility, Trigger, UrlRule, UserTraits } from '../types.js';
import { audienceMisses } from './audience.js';
import { heldBack } from './frequency.js';
import type { Page } from './page.js';
import { inSample } from './sampling.js';
import { mayFireOn, pendingParts } from './triggers.js';
import type { Visitor } from './visitor.js';

/** What is known of the visitor and the page when a survey's chances are judged. */
export interface EligibilityFacts {
  /** The current page's path (see `currentPath`). */
  path: string;
  /** What happened on the page; unknown before Earshot runs (consent not granted). */
  page?: Page;
  /** The visitor's state; unknown before consent. */
  visitor?: Visitor;
  traits?: UserTraits;
  now: number;
  cooldownDays: number;
  /** The survey on the page now, if any. */
  open?: string;
  /** The survey previewed in simulate mode: only its trigger and audience are judged. */
  simulated?: string;
}

const iso = (time: number) => new Date(time).toISOString();

/** A `url` rule as its definition reads: `"/checkout/*"`, `startsWith "/checkout"`. */
const describeUrl = (rule: UrlRule) => (typeof rule === 'string' ? describe(rule) : Object.entries(rule).map(([operator, pattern]) => `${operator} ${describe(pattern)}`)[0]);

/** A journey point as a sentence part: what it waits for. */
export function describePart(part: Trigger): string {
  if ('event' in part) return `the event "${part.event}"${part.where ? ` with ${describe(part.where)}` : ''}`;
  if ('url' in part) return `a page whose URL matches ${describeUrl(part.url)}`;
  if ('selector' in part) return `a click on ${part.selector}`;
  if ('scroll' in part) return `scrolling to ${part.scroll}% of the page`;
  if ('delay' in part) return `${part.delay} s on the page`;
  return 'exit intent';
}

/**
 * What the trigger still waits for on this page, as a sentence keeping its `and`s and `or`s
 * (`20 s on the page or exit intent`); nothing when it holds. A `url` part the page does not
 * match is left out: it is a reason of its own.
 */
export function describeWaiting(trigger: Trigger, page: Page): string | undefined {
  return waitingParts(trigger, page)?.join('');
}

/** The sentence's words, with a group of several parts inside a group of several in brackets. */
function waitingParts(trigger: Trigger, page: Page): string[] | undefined {
  if (!('all' in trigger || 'any' in trigger)) return 'url' in trigger || !pendingParts(trigger, page).length ? undefined : [describePart(trigger)];
  const any = 'any' in trigger;
  const parts = (any ? trigger.any : trigger.all).map((part) => [part, waitingParts(part, page)] as const);
  // An `any` that holds through one part waits for nothing.
  if (any && parts.some(([part, waiting]) => !waiting && !('url' in part && !mayFireOn(part, page.path)))) return undefined;
  const pending = parts.flatMap(([, waiting]) => (waiting ? [waiting] : []));
  if (pending.length < 2) return pending[0];
  return pending.flatMap((words, index) => [...(index ? [any ? ' or ' : ' and '] : []), words.length > 1 ? `(${words.join('')})` : words[0]]);
}

/**
 * What the survey's dates, audience, sample and frequency rules say against it now (nothing: they
 * let it through). `popping`: it would appear on its own (a Feedback tab only minds completion).
 * `simulated`: previewed in simulate mode, where only the audience counts.
 */
export function ruleReasons(
  survey: Survey,
  visitor: Visitor | undefined,
  traits: UserTraits | undefined,
  now: number,
  cooldownDays: number,
  popping: boolean,
  simulated = false,
): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const { startsAt, endsAt } = survey;
  if (!simulated && now < Date.parse(startsAt!)) reasons.push({ code: 'dates', message: `it starts at ${startsAt}`, startsAt });
  if (!simulated && now >= Date.parse(endsAt!)) reasons.push({ code: 'dates', message: `it ended at ${endsAt}`, endsAt });
  for (const { rule, condition, actual } of audienceMisses(survey.audience, traits)) {
    reasons.push({ code: 'audience', message: `audience rule ${rule} ${describe(condition)} failed: the visitor's value is ${describe(actual)}`, rule, condition, actual });
  }
  if (!visitor || simulated) return reasons;
  if (!inSample(visitor.id, survey)) {
    reasons.push({ code: 'sample', message: `the visitor was sampled out (sample ${survey.sample}: ${survey.sample! * 100}% of visitors are asked)`, sample: survey.sample! });
  }
  const hold = heldBack(survey, visitor, now, cooldownDays, popping);
  if (hold?.rule === 'completed') {
    const until = hold.until === undefined ? undefined : iso(hold.until);
    reasons.push({
      code: 'completed',
      message: `completed on ${iso(hold.since)}; ${until ? `may show again from ${until} (recontactDays)` : 'never shown again (no recontactDays)'}`,
      completedAt: iso(hold.since),
      ...(until && { until }),
    });
  } else if (hold?.rule === 'dismissed') {
    reasons.push({
      code: 'dismissed',
      message: `shown on ${iso(hold.since)} and not completed; may show again from ${iso(hold.until)}`,
      shownAt: iso(hold.since),
      until: iso(hold.until),
    });
  } else if (hold) {
    const after = hold.by === undefined ? 'a survey' : `survey "${hold.by}"`;
    reasons.push({
      code: 'cooldown',
      message: `site-wide pause after ${after} was shown on ${iso(hold.since)}, until ${iso(hold.until)} (cooldownDays)`,
      until: iso(hold.until),
      ...(hold.by !== undefined && { surveyId: hold.by }),
    });
  }
  return reasons;
}

/** Whether a survey can show on this page now, with every reason it cannot; the same rules targeting applies. */
export function explainSurvey(survey: Survey, facts: EligibilityFacts): SurveyEligibility {
  const { trigger } = survey;
  const simulated = facts.simulated === survey.id;
  const marked = simulated ? { simulated: true as const } : {};
  if (facts.open === survey.id) return { surveyId: survey.id, eligible: true, showing: true, reasons: [], ...marked };
  const reasons: EligibilityReason[] = [];
  const isTab = survey.display === 'tab';
  if (!trigger) {
    if (!isTab) reasons.push({ code: 'noTrigger', message: 'it has no trigger: it shows only through earshot.show()' });
  } else {
    // Before Earshot runs nothing on the page is watched: only the URL can be judged.
    const pending = facts.page ? pendingParts(trigger, facts.page) : [];
    const offPage = !mayFireOn(trigger, facts.path);
    const urls: Trigger[] = [];
    if (offPage) collectUrls(trigger, facts.path, urls);
    for (const part of urls as { url: UrlRule }[]) {
      reasons.push({ code: 'url', message: `the page URL ${facts.path} does not match trigger.url ${describeUrl(part.url)}`, path: facts.path, url: part.url });
    }
    const waiting = pending.filter((part) => !urls.includes(part));
    const sentence = facts.page && describeWaiting(trigger, facts.page);
    if (waiting.length) reasons.push({ code: 'trigger', message: `trigger not reached: waiting for ${sentence || waiting.map(describePart).join(', ')}`, pending: waiting });
  }
  reasons.push(...ruleReasons(survey, facts.visitor, facts.traits, facts.now, facts.cooldownDays, !isTab, simulated));
  if (facts.open && !isTab) reasons.push({ code: 'busy', message: `another survey ("${facts.open}") is on the page`, surveyId: facts.open });
  return { surveyId: survey.id, eligible: reasons.length === 0, showing: false, reasons, ...marked };
}

/** The `url` parts of a trigger that this path does not match. */
function collectUrls(trigger: Trigger, path: string, into: Trigger[]): void {
  if ('all' in trigger || 'any' in trigger) for (const part of 'all' in trigger ? trigger.all : trigger.any) collectUrls(part, path, into);
  else if ('url' in trigger && !mayFireOn(trigger, path)) into.push(trigger);
}
