import type { Report } from '../../core/definition/checks.js';
import { checkWholeSurvey } from '../../core/definition/validate-whole.js';

/** One thing the validator found wrong, split into where and what. */
export interface Problem {
  /** As the validator writes it, relative to the survey: `questions[1].text`, or `theme.accent`. */
  path: string;
  message: string;
}

/** Splits a validator line (`questions[1].text: expected …`) at its path. */
export function parseProblem(line: string): Problem {
  const at = line.indexOf(': ');
  // Checks run on a survey at path '' write some paths with a leading dot (`.target`).
  return at === -1 ? { path: '', message: line } : { path: line.slice(0, at).replace(/^\./, ''), message: line.slice(at + 2) };
}

export interface DraftReport {
  problems: Problem[];
  /** Unknown keys, ignored by the SDK (an imported file may have them). */
  warnings: Problem[];
}

/** Everything `init` would say about this survey (its own look included), with the same paths. */
export function checkDraft(definition: unknown): DraftReport {
  const report: Report = { problems: [], warnings: [] };
  checkWholeSurvey(definition, '', report, new Set());
  return {
    problems: report.problems.map(parseProblem),
    // `$schema` points an editor at the JSON Schema; the schema allows it.
    warnings: report.warnings.map(parseProblem).filter(({ path }) => path !== '$schema'),
  };
}

/**
 * The messages a field shows: those found at its own path and, for a field that stands for a
 * whole part (`deep`, such as a list edited in one box), those found inside it.
 */
export function problemsAt(problems: readonly Problem[], path: string, deep = false): string[] {
  const inside = (found: string) => found === path || (deep && (found.startsWith(`${path}.`) || found.startsWith(`${path}[`)));
  return problems.filter((problem) => inside(problem.path)).map(({ message }) => message);
}
