import type { Survey } from '../types.js';
import type { Visitor } from './visitor.js';

/** Days between two surveys shown without being asked for. */
export const DEFAULT_COOLDOWN_DAYS = 3;
/** Days before a survey shown and not completed may show again. */
export const DEFAULT_DISMISSED_RECONTACT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Why the frequency rules hold a survey back now, or undefined when they let it show. A survey
 * that pops up on its own (`popping`) also waits after being shown, and for the global cooldown;
 * a Feedback tab only stays away once its survey was completed.
 */
export function heldBack(survey: Survey, visitor: Visitor, now: number, cooldownDays: number, popping: boolean): string | undefined {
  const { shown = 0, completed = 0 } = visitor.surveys[survey.id] ?? {};
  const daysSince = (time: number) => (now - time) / DAY_MS;
  if (completed >= shown && completed && !(daysSince(completed) >= (survey.recontactDays ?? Infinity))) return 'completed';
  if (!popping) return;
  if (shown > completed && daysSince(shown) < (survey.dismissedRecontactDays ?? DEFAULT_DISMISSED_RECONTACT_DAYS)) return 'shown recently, not completed';
  if (daysSince(visitor.lastShown ?? -Infinity) < cooldownDays) return 'cooldown after another survey';
}
