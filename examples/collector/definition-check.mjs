// How the surveys registry checks a definition before publishing it: by the SDK's own validator
// (the rollup build dist/earshot-definition-check.js, so exactly the rules `init` applies) and by
// the JSON Schema shipped with the package (src/schema/survey.schema.json). Every problem is
// named with its path: `questions[0].type: …`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fieldPath } from './field-path.mjs';

export const SURVEY_SCHEMA_URL = new URL('../../src/schema/survey.schema.json', import.meta.url);

let schemaAccepts;
/** The schema's check of one survey, compiled on first use (Ajv too is loaded then): it costs a collector's start nothing. */
function compiledSchema() {
  if (!schemaAccepts) {
    const require = createRequire(import.meta.url);
    const Ajv2020 = require('ajv/dist/2020.js');
    const addFormats = require('ajv-formats');
    const surveySchema = JSON.parse(readFileSync(SURVEY_SCHEMA_URL, 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
    addFormats(ajv, ['regex']);
    schemaAccepts = ajv.compile({ ...surveySchema, anyOf: undefined, $ref: '#/$defs/survey' });
  }
  return schemaAccepts;
}

/** Thrown when the SDK's validator has not been built: the registry cannot check definitions. */
export class MissingValidatorError extends Error {}

let sdkChecks;
/** The SDK's checks, loaded on first use: a collector that never publishes never needs the build. */
async function loadSdkChecks() {
  sdkChecks ??= import('../../dist/earshot-definition-check.js').catch((error) => {
    sdkChecks = undefined;
    throw new MissingValidatorError(`the SDK's validator (dist/earshot-definition-check.js) could not be loaded; run npm run build (${error.message})`);
  });
  return sdkChecks;
}

/** `/questions/0/type` → `questions[0].type`. */
const pathOf = (pointer, extraKey) => {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extraKey !== undefined) keys.push(extraKey);
  return keys.length === 0 ? 'body' : fieldPath(keys);
};

/** The schema's findings, one line each; alternatives (a question's kinds) make several per field. */
function schemaProblems(definition) {
  const accepts = compiledSchema();
  if (accepts(definition)) return [];
  return accepts.errors.map((error) => {
    if (error.keyword === 'additionalProperties') return `${pathOf(error.instancePath, error.params.additionalProperty)}: unknown key`;
    if (error.keyword === 'required') return `${pathOf(error.instancePath, error.params.missingProperty)}: is required`;
    return `${pathOf(error.instancePath)}: ${error.message}`;
  });
}

/**
 * Every problem with `definition`: the SDK's, each with its path; then what only the schema
 * finds, for fields the SDK found nothing wrong with (the two agree on the test corpus, so this
 * is a safety net, and the SDK's messages are the more precise). Empty when it may be published.
 */
export async function problemsWithDefinition(definition) {
  const { problemsWithDefinition: sdkProblems } = await loadSdkChecks();
  const problems = sdkProblems(definition);
  const named = problems.map((problem) => problem.slice(0, problem.indexOf(':')));
  const covered = (path) => named.some((seen) => path === seen || path.startsWith(`${seen}.`) || path.startsWith(`${seen}[`) || seen.startsWith(path));
  const extra = schemaProblems(definition).filter((problem) => !covered(problem.slice(0, problem.indexOf(':'))));
  return [...problems, ...new Set(extra)];
}
