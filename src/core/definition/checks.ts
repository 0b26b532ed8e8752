/** Collects every problem of a definition at once, each with the path where it was found. */
export interface Report {
  problems: string[];
  /** Probably mistakes that do no harm (unknown keys); shown in debug mode. */
  warnings: string[];
}

/** Checks one value found at `path`, adding what is wrong to the report. */
export type Check = (value: unknown, path: string, report: Report) => void;

/** Checks for the fields of an object; a field that is absent is not checked (see `required`). */
export type Fields = Record<string, Check>;

export function fail(report: Report, path: string, message: string, got?: unknown): void {
  report.problems.push(`${path}: ${message}${got === undefined ? '' : ` (got ${describe(got)})`}`);
}

/** A short rendering of a wrong value for an error message. */
export function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Keys that could reach an object's prototype when a copy is made; definitions never need them. */
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * A copy of `value` that is plain JSON data, without `__proto__`, `constructor` or `prototype` keys
 * at any depth. Throws on what JSON cannot copy (a cycle, a BigInt, a getter that throws).
 */
export function toData<T>(value: T): T {
  const json = JSON.stringify(value);
  return json === undefined ? (json as T) : JSON.parse(json, (key, item) => (UNSAFE_KEYS.includes(key) ? undefined : item));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A check that passes when `test` holds and otherwise reports `message`. */
export const expect =
  (test: (value: unknown) => boolean, message: string): Check =>
  (value, path, report) => {
    if (!test(value)) fail(report, path, message, value);
  };

/** Checks an object's fields, reports missing `required` ones, and warns of unknown ones. */
export function checkObject(value: unknown, path: string, report: Report, fields: Fields, required: string[] = []): value is Record<string, unknown> {
  if (!isRecord(value)) {
    fail(report, path || 'config', 'expected an object', value);
    return false;
  }
  const pathOf = (name: string) => (path ? `${path}.${name}` : name);
  for (const name of required) if (value[name] === undefined) fail(report, pathOf(name), 'is required');
  for (const [name, field] of Object.entries(value)) {
    const at = pathOf(name);
    if (!Object.hasOwn(fields, name)) report.warnings.push(`${at}: unknown key, ignored`);
    else if (field !== undefined) fields[name](field, at, report);
  }
  return true;
}

export const text = (max: number): Check =>
  expect((value) => typeof value === 'string' && value.trim() !== '' && value.length <= max, `expected a non-empty string of at most ${max} characters`);

export const boolean: Check = expect((value) => typeof value === 'boolean', 'expected true or false');

export const integer = (min: number, max: number): Check =>
  expect((value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max, `expected a whole number from ${min} to ${max}`);

export const number = (min: number, max: number): Check => expect((value) => typeof value === 'number' && value >= min && value <= max, `expected a number from ${min} to ${max}`);

/** A URL, absolute or relative to the page; none when blank (that would be the page itself) or invalid. */
export function parseUrl(value: unknown): URL | undefined {
  try {
    return typeof value === 'string' && value.trim() ? new URL(value, location.href) : undefined;
  } catch {
    return undefined;
  }
}

/** A link the visitor follows: an http(s) URL, absolute or relative to the page. */
export const httpUrl: Check = (value, path, report) => {
  if (!/^https?:$/.test(parseUrl(value)?.protocol ?? '')) fail(report, path, 'expected an http(s) URL, absolute or relative to the page', value);
};

// Marked free of side effects: the question kinds' table calls it, and a bundle that takes only a
// few names from that module (the UI's) can then drop the calls with the table.
export const oneOf = /* @__NO_SIDE_EFFECTS__ */ (allowed: readonly unknown[]): Check => expect((value) => allowed.includes(value), `expected one of ${allowed.join(', ')}`);

/** The rule for ids that survey.schema.json, batch.schema.json and the reference collector share. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Ids of surveys, questions and options: short, and safe in URLs, CSV headers and selectors. */
export const identifier: Check = (value, path, report) => {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) fail(report, path, 'expected 1–64 letters, digits or _ . : - starting with a letter or digit', value);
  // Every object has these (`answers.constructor`), so a question with such an id would seem answered.
  else if (value in Object.prototype) fail(report, path, 'is a name JavaScript reserves; choose another id', value);
};

/** A BCP 47 language tag such as `fr` or `pt-BR`. */
export const LOCALE_TAG = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;

/** A text the visitor reads: passes `check` as one string, or as an object of such strings by locale tag. */
export const localized =
  (check: Check): Check =>
  (value, path, report) => {
    if (!isRecord(value)) return check(value, path, report);
    if (Object.keys(value).length === 0) return fail(report, path, 'expected a text, or texts by locale like { "en": "…", "fr": "…" }', value);
    for (const [tag, text] of Object.entries(value)) {
      if (LOCALE_TAG.test(tag)) check(text, `${path}.${tag}`, report);
      else fail(report, `${path}.${tag}`, 'expected a locale tag such as "fr" or "pt-BR" as the key');
    }
  };
