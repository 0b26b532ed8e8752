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

/** A reason as the core knows it: its code and details. Its sentence comes with the words (src/core/words/), loaded on demand. */
export type ReasonFacts = EligibilityReason extends infer R ? (R extends EligibilityReason ? Omit<R, 'message'> : never) : never;

/**
 * What the trigger still waits for, keeping its `and`s and `or`s: its parts and the words between
 * them, a group of several parts inside a group of several nested (said in brackets).
 */
export type Waiting = (Trigger | ' and ' | ' or ' | Waiting)[];

/** What a reason's sentence says beyond its public details. */
export interface SentenceFacts {
  /** `trigger`: what it waits for, as a whole. */
  waiting?: Waiting;
  /** `cooldown`: when the survey that started the pause was shown. */
  since?: string;
}

const sentenceFacts = new WeakMap<ReasonFacts, SentenceFacts>();

/** What the sentence of a reason found by this module says beyond its details. */
export const sentenceFactsOf = (reason: ReasonFacts): SentenceFacts | undefined => sentenceFacts.get(reason);

/**
 * What the trigger still waits for on this page, keeping its `and`s and `or`s (`20 s on the page or
 * exit intent`); nothing when it holds. A `url` part the page does not match is left out: it is a reason of its own.
 */
export function waitingOn(trigger: Trigger, page: Page): Waiting | undefined {
  if (!('all' in trigger || 'any' in trigger)) return 'url' in trigger || !pendingParts(trigger, page).length ? undefined : [trigger];
  const any = 'any' in trigger;
  const parts = (any ? trigger.any : trigger.all).map((part) => [part, waitingOn(part, page)] as const);
  // An `any` that holds through one part waits for nothing.
  if (any && parts.some(([part, waiting]) => !waiting && !('url' in part && !mayFireOn(part, page.path)))) return undefined;
  const pending = parts.flatMap(([, waiting]) => (waiting ? [waiting] : []));
  if (pending.length < 2) return pending[0];
  return pending.flatMap((waiting, index) => [...(index ? [any ? (' or ' as const) : (' and ' as const)] : []), waiting.length > 1 ? waiting : waiting[0]]);
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
): ReasonFacts[] {
  const reasons: ReasonFacts[] = [];
  const { startsAt, endsAt } = survey;
  if (!simulated && now < Date.parse(startsAt!)) reasons.push({ code: 'dates', startsAt });
  if (!simulated && now >= Date.parse(endsAt!)) reasons.push({ code: 'dates', endsAt });
  for (const { rule, condition, actual } of audienceMisses(survey.audience, traits)) {
    reasons.push({ code: 'audience', rule, condition, actual });
  }
  if (!visitor || simulated) return reasons;
  if (!inSample(visitor.id, survey)) {
    reasons.push({ code: 'sample', sample: survey.sample! });
  }
  const hold = heldBack(survey, visitor, now, cooldownDays, popping);
  if (hold?.rule === 'completed') {
    const until = hold.until === undefined ? undefined : iso(hold.until);
    reasons.push({
      code: 'completed',
      completedAt: iso(hold.since),
      ...(until && { until }),
    });
  } else if (hold?.rule === 'dismissed') {
    reasons.push({
      code: 'dismissed',
      shownAt: iso(hold.since),
      until: iso(hold.until),
    });
  } else if (hold) {
    const cooldown: ReasonFacts = { code: 'cooldown', until: iso(hold.until), ...(hold.by !== undefined && { surveyId: hold.by }) };
    sentenceFacts.set(cooldown, { since: iso(hold.since) });
    reasons.push(cooldown);
  }
  return reasons;
}

/** `explain()`'s answer for one survey as the core finds it: its reasons without their sentences. */
export type EligibilityFound = Omit<SurveyEligibility, 'reasons'> & { reasons: ReasonFacts[] };

/** Whether a survey can show on this page now, with every reason it cannot; the same rules targeting applies. */
export function explainSurvey(survey: Survey, facts: EligibilityFacts): EligibilityFound {
  const { trigger } = survey;
  const simulated = facts.simulated === survey.id;
  const marked = simulated ? { simulated: true as const } : {};
  if (facts.open === survey.id) return { surveyId: survey.id, eligible: true, showing: true, reasons: [], ...marked };
  const reasons: ReasonFacts[] = [];
  const isTab = survey.display === 'tab';
  if (!trigger) {
    if (!isTab) reasons.push({ code: 'noTrigger' });
  } else {
    // Before Earshot runs nothing on the page is watched: only the URL can be judged.
    const pending = facts.page ? pendingParts(trigger, facts.page) : [];
    const offPage = !mayFireOn(trigger, facts.path);
    const urls: Trigger[] = [];
    if (offPage) collectUrls(trigger, facts.path, urls);
    for (const part of urls as { url: UrlRule }[]) {
      reasons.push({ code: 'url', path: facts.path, url: part.url });
    }
    const waiting = pending.filter((part) => !urls.includes(part));
    if (waiting.length) {
      const reason: ReasonFacts = { code: 'trigger', pending: waiting };
      sentenceFacts.set(reason, { waiting: facts.page && waitingOn(trigger, facts.page) });
      reasons.push(reason);
    }
  }
  reasons.push(...ruleReasons(survey, facts.visitor, facts.traits, facts.now, facts.cooldownDays, !isTab, simulated));
  if (facts.open && !isTab) reasons.push({ code: 'busy', surveyId: facts.open });
  return { surveyId: survey.id, eligible: reasons.length === 0, showing: false, reasons, ...marked };
}

/** The `url` parts of a trigger that this path does not match. */
function collectUrls(trigger: Trigger, path: string, into: Trigger[]): void {
  if ('all' in trigger || 'any' in trigger) for (const part of 'all' in trigger ? trigger.all : trigger.any) collectUrls(part, path, into);
  else if ('url' in trigger && !mayFireOn(trigger, path)) into.push(trigger);
}
