import { isRecord } from '../../core/definition/checks.js';
import { describePart } from '../../core/words/reason-sentences.js';
import { mayFireOn } from '../../core/targeting/triggers.js';
import type { Survey, Trigger, UrlRule } from '../../core/types.js';
import { pathOfAddress, urlRulesOf } from './page-tester.js';

/** Another survey of the site, as it stands against the one being built. */
export interface Competitor {
  surveyId: string;
  /** Journey points both surveys wait for, as sentence parts (`the event "checkout_completed"`). */
  shared: string[];
  /** A page address where both can show; none when none of the pages tried lets both show. */
  samePage?: string;
  /** Some `url` rule is a regular expression, so other pages may let both show too. */
  uncertain: boolean;
  /** Which shows when both are due at the same moment: the higher `priority`, else the one listed first on the site. */
  first: 'this' | 'other' | 'listed first';
  /**
   * The site-wide pause after either one shows keeps the other away from that visitor for
   * `cooldownDays`; never when either has `cooldown: false` (it neither waits nor starts one).
   */
  pause: boolean;
}

/** What the surveys of the site do to each other, from the one being built's side. */
export interface Competition {
  competitors: Competitor[];
  /** Surveys that never compete: no trigger (only `show()` shows them) or a Feedback tab, which waits for the visitor. */
  bystanders: string[];
}

/** A journey point's identity for comparison: the same event, selector, scroll depth, delay, or exit intent. */
function momentOf(part: Trigger): string | undefined {
  if ('event' in part) return `event ${part.event}`;
  if ('selector' in part) return `selector ${part.selector}`;
  if ('scroll' in part) return `scroll ${part.scroll}`;
  if ('delay' in part) return `delay ${part.delay}`;
  if ('exitIntent' in part) return 'exit';
  return undefined;
}

/** Every journey point of a trigger other than `url` (pages are compared apart). */
function momentsOf(trigger: unknown): Trigger[] {
  if (!isRecord(trigger)) return [];
  for (const group of ['all', 'any'] as const) if (Array.isArray(trigger[group])) return (trigger[group] as unknown[]).flatMap(momentsOf);
  return 'url' in trigger || !momentOf(trigger as Trigger) ? [] : [trigger as Trigger];
}

/** Paths a `url` rule matches, to try the other survey's rules on: its own text, with `*` read as nothing and as something. */
function examplePaths(rule: UrlRule): string[] {
  const [operator, pattern] = typeof rule === 'string' ? ['glob', rule] : (Object.entries(rule)[0] ?? []);
  if (typeof pattern !== 'string') return [];
  if (operator === 'glob') return [pattern.replaceAll('*', ''), pattern.replaceAll('*', 'x'), pattern.replaceAll('*', 'x.html')];
  if (operator === 'equals') return [pattern];
  if (operator === 'startsWith') return [pattern, `${pattern}x`, `${pattern}/x`];
  if (operator === 'contains') return [pattern.startsWith('/') ? pattern : `/${pattern}`, `/x/${pattern}/x`];
  return [];
}

const fires = (trigger: unknown, path: string) => {
  try {
    return isRecord(trigger) && mayFireOn(trigger as Trigger, path);
  } catch {
    return false;
  }
};

const isRegex = (rule: UrlRule) => isRecord(rule) && 'regex' in rule;

/**
 * Which of `others` can compete with `draft` at the same journey points, and what the site-wide
 * pause between surveys does between them. Pages are compared by trying each survey's `url`
 * rules on examples of the other's (and on `pageAddress`, the page tester's), with the SDK's own
 * matcher; journey points by kind and value.
 */
export function competition(draft: Partial<Survey>, others: readonly unknown[], pageAddress = ''): Competition {
  const result: Competition = { competitors: [], bystanders: [] };
  const mine = urlRulesOf(draft.trigger).map(({ rule }) => rule);
  const myMoments = momentsOf(draft.trigger);
  for (const other of others) {
    if (!isRecord(other) || typeof other.id !== 'string' || other.id === draft.id) continue;
    if (!isRecord(other.trigger) || other.display === 'tab') {
      result.bystanders.push(other.id);
      continue;
    }
    const theirs = urlRulesOf(other.trigger).map(({ rule }) => rule);
    const tested = pathOfAddress(pageAddress);
    const candidates = [...(tested ? [tested] : []), ...[...mine, ...theirs].flatMap(examplePaths), '/'];
    const samePage = candidates.find((path) => fires(draft.trigger, path) && fires(other.trigger, path));
    const theirMoments = new Set(momentsOf(other.trigger).map(momentOf));
    const shared = [...new Map(myMoments.filter((part) => theirMoments.has(momentOf(part))).map((part) => [momentOf(part), describePart(part)])).values()];
    const [mineFirst, theirsFirst] = [Number(draft.priority ?? 0), Number(other.priority ?? 0)];
    result.competitors.push({
      surveyId: other.id,
      shared: samePage === undefined ? [] : shared,
      ...(samePage !== undefined && { samePage }),
      uncertain: [...mine, ...theirs].some(isRegex),
      first: mineFirst > theirsFirst ? 'this' : mineFirst < theirsFirst ? 'other' : 'listed first',
      pause: draft.cooldown !== false && other.cooldown !== false,
    });
  }
  return result;
}
