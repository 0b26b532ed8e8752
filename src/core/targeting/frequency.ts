import type { Survey } from '../types.js';
import type { Visitor } from './visitor.js';

/** Days between two surveys shown without being asked for. */
export const DEFAULT_COOLDOWN_DAYS = 3;
/** Days before a survey shown and not completed may show again. */
export const DEFAULT_DISMISSED_RECONTACT_DAYS = 30;
export const DAY_MS = 86_400_000;

/** Which frequency rule holds a survey back, and since or until when (ms since the epoch; `until` is absent for "never again"). */
export type Hold =
  | { rule: 'completed'; since: number; until?: number }
  | { rule: 'dismissed'; since: number; until: number }
  /** `by`: the survey whose showing started the pause, when known. */
  | { rule: 'cooldown'; since: number; until: number; by?: string };

/**
 * What in the frequency rules holds a survey back now, or undefined when they let it show. A
 * survey that pops up on its own (`popping`) also waits after being shown, and for the global
 * cooldown (unless `cooldown: false`); a Feedback tab only stays away once its survey was completed.
 */
export function heldBack(survey: Survey, visitor: Visitor, now: number, cooldownDays: number, popping: boolean): Hold | undefined {
  const { shown = 0, completed = 0 } = visitor.surveys[survey.id] ?? {};
  const after = (since: number, days: number) => since + days * DAY_MS;
  const recontact = survey.recontactDays;
  if (completed >= shown && completed && !(recontact !== undefined && now >= after(completed, recontact))) {
    return { rule: 'completed', since: completed, ...(recontact !== undefined && { until: after(completed, recontact) }) };
  }
  if (!popping) return;
  const dismissedUntil = after(shown, survey.dismissedRecontactDays ?? DEFAULT_DISMISSED_RECONTACT_DAYS);
  if (shown > completed && now < dismissedUntil) return { rule: 'dismissed', since: shown, until: dismissedUntil };
  const { lastShown, lastShownSurvey } = visitor;
  // `cooldown: false` exempts a survey from the site-wide pause (it starts none either: see applyChange).
  if (survey.cooldown !== false && lastShown !== undefined && now < after(lastShown, cooldownDays)) {
    return { rule: 'cooldown', since: lastShown, until: after(lastShown, cooldownDays), ...(lastShownSurvey !== undefined && { by: lastShownSurvey }) };
  }
}
