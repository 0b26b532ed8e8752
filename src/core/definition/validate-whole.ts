// Every check at once, as the builder and the JSON schema's tests want them (authoring time): a
// survey's identity and targeting (validate.ts, what `init` runs) and what it asks
// (check-content.ts, which the SDK loads on demand).
import { checkContent } from './check-content.js';
import type { Report } from './checks.js';
import { checkSurvey, validateConfig, validateSurvey, type SurveyValidation, type ValidationResult } from './validate.js';

/** Checks one survey definition whole; `seen` holds the survey ids already taken, and gets this one's. */
export function checkWholeSurvey(value: unknown, path: string, report: Report, seen: Set<unknown>): void {
  const before = report.problems.length;
  checkSurvey(value, path, report, seen);
  // A definition that is no object, or whose questions are no list, has nothing more to check.
  const shaped =
    typeof value === 'object' &&
    value !== null &&
    !report.problems.slice(before).some((problem) => problem.startsWith(`${path ? `${path}.` : ''}questions:`) || problem.startsWith(`${path || 'config'}: expected an object`));
  if (shaped) checkContent(value as Record<string, unknown>, path, report);
}

/** `validateConfig` with each survey's content checked too. */
export const validateWholeConfig = (input: unknown): ValidationResult => validateConfig(input, checkWholeSurvey);

/** `validateSurvey` with its content checked too. */
export const validateWholeSurvey = (input: unknown, path: string): SurveyValidation => validateSurvey(input, path, checkWholeSurvey);
