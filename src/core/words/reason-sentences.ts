// The sentences of explain()'s reasons (docs/architecture.md §7): loaded on demand, as explain()
// is asynchronous; the core finds the codes and their details (targeting/eligibility.ts).
import { describe } from '../definition/checks.js';
import { waitingOn, type ReasonFacts, type SentenceFacts, type Waiting } from '../targeting/eligibility.js';
import type { Page } from '../targeting/page.js';
import type { Trigger, UrlRule } from '../types.js';

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

/** What a trigger waits for as words, a group of several parts inside a group of several in brackets. */
const say = (waiting: Waiting): string => waiting.map((item) => (typeof item === 'string' ? item : Array.isArray(item) ? `(${say(item)})` : describePart(item))).join('');

/**
 * What the trigger still waits for on this page, as a sentence keeping its `and`s and `or`s
 * (`20 s on the page or exit intent`); nothing when it holds. A `url` part the page does not
 * match is left out: it is a reason of its own.
 */
export function describeWaiting(trigger: Trigger, page: Page): string | undefined {
  const waiting = waitingOn(trigger, page);
  return waiting && say(waiting);
}

/** The sentence of one of explain()'s reasons, from its code and details, and what the core found beside them (`sentenceFactsOf`). */
export function reasonSentence(reason: ReasonFacts, { waiting, since }: SentenceFacts = {}): string {
  switch (reason.code) {
    case 'notStarted':
      return 'earshot.init() was not called (or destroy() ran): no survey can show';
    case 'consent':
      return reason.consent === 'denied' ? 'consent was denied: nothing is shown, stored or sent' : 'consent is pending: nothing is shown until earshot.consent("granted")';
    case 'invalid':
      return reason.problems.join('; ');
    case 'noTrigger':
      return 'it has no trigger: it shows only through earshot.show()';
    case 'trigger':
      return `trigger not reached: waiting for ${(waiting && say(waiting)) || reason.pending.map(describePart).join(', ')}`;
    case 'url':
      return `the page URL ${reason.path} does not match trigger.url ${describeUrl(reason.url)}`;
    case 'dates':
      return reason.startsAt ? `it starts at ${reason.startsAt}` : `it ended at ${reason.endsAt}`;
    case 'audience':
      return `audience rule ${reason.rule} ${describe(reason.condition)} failed: the visitor's value is ${describe(reason.actual)}`;
    case 'sample':
      return `the visitor was sampled out (sample ${reason.sample}: ${reason.sample * 100}% of visitors are asked)`;
    case 'completed':
      return `completed on ${reason.completedAt}; ${reason.until ? `may show again from ${reason.until} (recontactDays)` : 'never shown again (no recontactDays)'}`;
    case 'dismissed':
      return `shown on ${reason.shownAt} and not completed; may show again from ${reason.until}`;
    case 'cooldown':
      return `site-wide pause after ${reason.surveyId === undefined ? 'a survey' : `survey "${reason.surveyId}"`} was shown on ${since}, until ${reason.until} (cooldownDays)`;
    case 'busy':
      return `another survey ("${reason.surveyId}") is on the page`;
  }
}
