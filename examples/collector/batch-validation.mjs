// Checks a delivery batch against the payload's JSON Schema (src/schema/batch.schema.json, shipped
// with the package) and turns the validator's findings into one line per problem, each starting
// with the path of the field at fault: `responses[0].completed: must be boolean`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fieldPath } from './field-path.mjs';

export const BATCH_SCHEMA_URL = new URL('../../src/schema/batch.schema.json', import.meta.url);

/** A batch with hundreds of bad responses would make an unreadable error; the rest is summarised. */
export const MAX_PROBLEMS_LISTED = 20;

let checkBatch;
/**
 * The schema's check, compiled at the first batch: Ajv and the compiled check hold about 14 MB,
 * which a collector process that only serves results or exports never needs (measured at start).
 */
function compiledCheck() {
  if (!checkBatch) {
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020.js');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date-time']);
    checkBatch = ajv.compile(JSON.parse(readFileSync(BATCH_SCHEMA_URL, 'utf8')));
  }
  return checkBatch;
}

/** Returns every problem with `batch` (empty when it is a valid batch). */
export function validateBatch(batch) {
  const checkBatch = compiledCheck();
  if (checkBatch(batch)) return [];
  // An invalid answer key is reported once, by its propertyNames error, not again by the rule inside.
  const problems = checkBatch.errors.filter((error) => error.propertyName === undefined);
  const lines = [...new Set(problems.map(describeProblem))];
  if (lines.length <= MAX_PROBLEMS_LISTED) return lines;
  return [...lines.slice(0, MAX_PROBLEMS_LISTED), `…and ${lines.length - MAX_PROBLEMS_LISTED} more problems`];
}

/** `/responses/0/answers/my key` → `responses[0].answers["my key"]`; the root is `body`. */
function toFieldPath(pointer, extraKey) {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extraKey !== undefined) keys.push(extraKey);
  return fieldPath(keys);
}

const listOf = (values) => values.map((v) => JSON.stringify(v)).join(', ');

function describeProblem(error) {
  const { keyword, params } = error;
  switch (keyword) {
    case 'required':
      return `${toFieldPath(error.instancePath, params.missingProperty)}: is required`;
    case 'additionalProperties':
      return `${toFieldPath(error.instancePath, params.additionalProperty)}: is not a known field here`;
    case 'propertyNames':
      return `${toFieldPath(error.instancePath, params.propertyName)}: is not a valid question id`;
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      const wanted = types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1)}` : types[0];
      return `${toFieldPath(error.instancePath)}: must be ${wanted}`;
    }
    case 'format':
      return `${toFieldPath(error.instancePath)}: must be an ISO 8601 date-time with a time zone, e.g. 2026-11-27T10:00:00.000Z`;
    case 'enum':
      return `${toFieldPath(error.instancePath)}: must be one of ${listOf(params.allowedValues)}`;
    case 'const':
      return `${toFieldPath(error.instancePath)}: must be ${JSON.stringify(params.allowedValue)}`;
    case 'minLength':
      return `${toFieldPath(error.instancePath)}: must not be empty`;
    case 'minItems':
      return `${toFieldPath(error.instancePath)}: must hold at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'minProperties':
    case 'maxProperties':
      return `${toFieldPath(error.instancePath)}: must have exactly one key`;
    case 'pattern':
      return `${toFieldPath(error.instancePath)}: must be 1–64 letters, digits or _ . : - starting with a letter or digit`;
    default:
      return `${toFieldPath(error.instancePath)}: ${error.message}`;
  }
}
