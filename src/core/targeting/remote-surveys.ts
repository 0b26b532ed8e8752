import { toData, type Report } from '../definition/checks.js';
import type { Survey } from '../types.js';
import { expandTemplate } from '../definition/templates.js';
import { checkSurvey } from '../definition/validate.js';

/** Fetches a list of survey definitions: a JSON list, or an object whose `surveys` is one. */
export async function fetchSurveys(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Without `__proto__`, `constructor` or `prototype` keys, as for the config's own surveys.
  const body = toData(await response.json());
  const list = Array.isArray(body) ? body : body?.surveys;
  if (!Array.isArray(list)) throw new Error('expected a list of surveys');
  return list;
}

/**
 * The definitions of a fetched list that pass validation; each one that does not is left out and
 * its problems reported, with paths like `surveysUrl[2].trigger.url`. `taken` holds the ids of
 * the surveys already defined, which a fetched one may not reuse.
 */
export function usableSurveys(list: unknown[], taken: Survey[], onInvalid: (problems: string) => void): Survey[] {
  const seen = new Set<unknown>(taken.map((survey) => survey.id));
  return list
    .filter((survey, index) => {
      const report: Report = { problems: [], warnings: [] };
      checkSurvey(survey, `surveysUrl[${index}]`, report, seen);
      if (report.problems.length) onInvalid(report.problems.join('; '));
      return !report.problems.length;
    })
    .map((survey) => expandTemplate(survey as Survey));
}
