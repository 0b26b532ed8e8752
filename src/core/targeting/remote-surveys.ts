import { isRecord, toData, type Report } from '../definition/checks.js';
import type { Survey, SurveyEligibility } from '../types.js';
import { checkSurvey } from '../definition/validate.js';
import { awaitingContentCheck } from '../definition/unchecked.js';

/** The definitions a file holds, as `surveysUrl` and `<earshot-survey src>` take them: a list, `{ "surveys": [...] }`, or one survey. */
export interface SurveyFile {
  list: unknown[];
  /** The file is one survey (as the builder exports it): paths name it `surveysUrl`, not `surveysUrl[0]`. */
  single: boolean;
}

export function surveysIn(body: unknown): SurveyFile {
  if (Array.isArray(body)) return { list: body, single: false };
  if (isRecord(body) && Array.isArray(body.surveys)) return { list: body.surveys, single: false };
  if (isRecord(body) && !('surveys' in body)) return { list: [body], single: true };
  throw new Error('expected a survey, a list of surveys, or { "surveys": [...] }');
}

/** Fetches survey definitions: a JSON list, an object whose `surveys` is one, or a single survey. */
export async function fetchSurveys(url: string): Promise<SurveyFile> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Without `__proto__`, `constructor` or `prototype` keys, as for the config's own surveys.
  return surveysIn(toData(await response.json()));
}

/** A list's definitions sorted by validation: those to use (as written, templates not expanded), and why the others are refused. */
export interface CheckedList {
  valid: Survey[];
  /** For `explain()`: each refused definition, with every problem and its path. */
  refused: SurveyEligibility[];
}

/**
 * Validates a fetched list, or the copy kept from an earlier visit (which an older version may
 * have accepted), with paths like `surveysUrl[2].trigger.url.regex` (`surveysUrl.trigger…` for a
 * file of one survey). `taken` holds the ids of the surveys already defined, which a listed one
 * may not reuse.
 */
export function checkList(list: unknown[], taken: Survey[], single = false): CheckedList {
  const seen = new Set<unknown>(taken.map((survey) => survey.id));
  const checked: CheckedList = { valid: [], refused: [] };
  list.forEach((survey, index) => {
    const report: Report = { problems: [], warnings: [] };
    const path = single ? 'surveysUrl' : `surveysUrl[${index}]`;
    checkSurvey(survey, path, report, seen);
    const { problems } = report;
    // What it asks is checked before it first shows (unchecked.ts).
    if (!problems.length) checked.valid.push(awaitingContentCheck(survey as Survey, path));
    else {
      const surveyId = isRecord(survey) && typeof survey.id == 'string' ? survey.id : path;
      checked.refused.push({ surveyId, eligible: false, showing: false, reasons: [{ code: 'invalid', message: problems.join('; '), problems }] });
    }
  });
  return checked;
}
