// The response fields DESIGN.md §3 adds for context: `context` (the values of init({ context }),
// setContext() and a survey's hiddenFields) and `event` ({ name, properties } of the track() call
// that showed the survey). The batch schema leaves unknown response fields open, so the collector
// checks these two itself before storing them as queryable columns: flat objects of strings,
// numbers, booleans or null, with capped keys, counts and lengths (limits.mjs).
import { fieldPath } from './field-path.mjs';
import { CONTEXT_KEY_PATTERN, MAX_CONTEXT_KEYS, MAX_CONTEXT_VALUE_LENGTH, MAX_EVENT_NAME_LENGTH, RESERVED_IDS } from './limits.mjs';

const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with a flat map of values (`context`, `event.properties`) at `path` (keys). */
function valuesProblems(values, path) {
  const at = (...keys) => fieldPath([...path, ...keys]);
  if (!isPlainObject(values)) return [`${at()}: must be an object of strings, numbers, booleans or null`];
  const entries = Object.entries(values);
  if (entries.length > MAX_CONTEXT_KEYS) return [`${at()}: must hold at most ${MAX_CONTEXT_KEYS} keys (got ${entries.length})`];
  const problems = [];
  for (const [key, value] of entries) {
    if (!CONTEXT_KEY_PATTERN.test(key) || RESERVED_IDS.has(key)) problems.push(`${at(key)}: the key must be 1–64 letters, digits or _ . : - starting with a letter, digit or _`);
    else if (typeof value === 'string') {
      if (value.length > MAX_CONTEXT_VALUE_LENGTH) problems.push(`${at(key)}: must be at most ${MAX_CONTEXT_VALUE_LENGTH} characters (got ${value.length})`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) problems.push(`${at(key)}: must be a finite number`);
    } else if (typeof value !== 'boolean' && value !== null) problems.push(`${at(key)}: must be a string, number, boolean or null`);
  }
  return problems;
}

/** Every problem with the `context` and `event` of the response at `responses[index]`. */
export function contextProblems(response, index) {
  const problems = [];
  if (response.context !== undefined) problems.push(...valuesProblems(response.context, ['responses', index, 'context']));
  if (response.event !== undefined) {
    const at = (...keys) => fieldPath(['responses', index, 'event', ...keys]);
    const { event } = response;
    if (!isPlainObject(event)) return [...problems, `${at()}: must be an object { name, properties }`];
    for (const key of Object.keys(event)) if (key !== 'name' && key !== 'properties') problems.push(`${at(key)}: is not a known field here`);
    if (typeof event.name !== 'string' || event.name === '') problems.push(`${at('name')}: must be the event's name`);
    else if (event.name.length > MAX_EVENT_NAME_LENGTH) problems.push(`${at('name')}: must be at most ${MAX_EVENT_NAME_LENGTH} characters (got ${event.name.length})`);
    if (event.properties !== undefined) problems.push(...valuesProblems(event.properties, ['responses', index, 'event', 'properties']));
  }
  return problems;
}
