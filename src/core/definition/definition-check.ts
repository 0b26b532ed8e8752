// The SDK's checks of one survey definition, as `init` and the check before a survey first shows
// run them (validate-whole.ts), for a program without a
// DOM: the reference collector's surveys registry imports its build, dist/earshot-definition-check.js
// (rollup.config.mjs), so a published definition is refused for the same reasons a page would.
import { fail, isRecord, toData, type Report } from './checks.js';
import { checkWholeSurvey } from './validate-whole.js';

/**
 * Every problem with `definition`, each with its path (`questions[0].type: …`), as `init` reports
 * them; an unknown key, which `init` ignores with a warning, is a problem here, as it is for the
 * JSON Schema (but `$schema`, which the schema allows): what is published should hold no typo.
 */
export function problemsWithDefinition(definition: unknown): string[] {
  const report: Report = { problems: [], warnings: [] };
  let given: unknown;
  try {
    given = toData(definition);
  } catch (error) {
    fail(report, 'body', `expected plain data that JSON can copy (${String((error as Error)?.message ?? error)})`);
    return report.problems;
  }
  if (!isRecord(given)) {
    fail(report, 'body', 'expected one survey definition, an object', given);
    return report.problems;
  }
  checkWholeSurvey(given, '', report, new Set());
  // `$schema` points an editor at the JSON Schema, which allows it (the builder's files have it).
  const unknownKeys = report.warnings.filter((warning) => !warning.startsWith('$schema:')).map((warning) => warning.replace(/unknown key, ignored$/, 'unknown key'));
  return [...report.problems, ...unknownKeys];
}
