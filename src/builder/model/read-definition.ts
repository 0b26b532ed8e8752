import { isRecord } from '../../core/definition/checks.js';
import { surveysIn } from '../../core/targeting/remote-surveys.js';
import type { SurveyDefinition } from '../../core/types.js';
import { checkDraft } from './problems.js';

/** What reading a pasted or loaded file gave: a survey to edit, or why not, in words a person can act on. */
export type ReadResult = { definition: SurveyDefinition } | { error: string; problems: string[] };

/**
 * Reads one survey definition from JSON text: the survey itself, or a list (or `{ "surveys": [...] }`)
 * holding exactly one. A definition `init` would refuse is not loaded; its problems are listed.
 */
export function readDefinition(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `This is not valid JSON (${(error as Error).message}).`, problems: [] };
  }
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.surveys) ? data.surveys : undefined;
  if (list && list.length !== 1) {
    return { error: `This file holds ${list.length} surveys; the builder edits one at a time. Load a file with one survey.`, problems: [] };
  }
  const definition: unknown = list ? list[0] : data;
  if (!isRecord(definition)) return { error: 'This is not a survey definition: expected an object with "id" and "questions".', problems: [] };
  const { problems } = checkDraft(definition);
  if (problems.length) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    return { error: `This survey has ${count}; nothing was loaded.`, problems: problems.map(({ path, message }) => (path ? `${path}: ${message}` : message)) };
  }
  return { definition: definition as unknown as SurveyDefinition };
}

/** The surveys of a file as `surveysUrl` takes it (one survey, a list, or `{ "surveys": [...] }`), or why it is none. */
export function readSurveyList(text: string): { surveys: unknown[] } | { error: string } {
  try {
    return { surveys: surveysIn(JSON.parse(text)).list };
  } catch (error) {
    return { error: `This file holds no surveys (${(error as Error).message}).` };
  }
}
