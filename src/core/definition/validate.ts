import { colorScheme, theme } from './appearance.js';
import {
  LOCALE_TAG,
  boolean,
  checkObject,
  expect,
  fail,
  identifier as id,
  integer,
  isRecord,
  number,
  oneOf,
  parseUrl,
  text,
  toData,
  type Check,
  type Fields,
  type Report,
} from './checks.js';
import { checkOperand, type ComparedValues, type Comparison } from './operators.js';
import { LABEL_MAX_LENGTH } from './question-kinds.js';
import { CONSENT_STATES } from '../consent.js';
import { CONTEXT_KEY } from '../context.js';
import { parsesAsSelector } from './selector-syntax.js';
import { UNDETERMINED_LOCALE, canonicalLocale } from '../locale-tag.js';
import { DEVICE_TYPES } from '../targeting/audience.js';
import { TEMPLATE_NAMES } from './template-names.js';
import { awaitingContentCheck } from './unchecked.js';
import { CONDITION_OPERATORS } from '../targeting/conditions.js';
import { DEFAULT_COOLDOWN_DAYS } from '../targeting/frequency.js';
import { TRIGGER_KINDS } from '../targeting/triggers.js';
import { URL_OPERATORS } from '../targeting/url-match.js';
import { URL_REGEX_MAX_LENGTH, URL_REGEX_SUBSET } from '../targeting/url-regex.js';
import type { DisplayMode, EarshotConfig, PopoverPosition, Survey } from '../types.js';

export { MAX_QUESTIONS, TEXT_MAX_LENGTH } from './question-kinds.js';
export const DEFAULT_TTL_DAYS = 7;
export const DEFAULT_OUTBOX_LIMIT = 1000;
export const PREVIEW_HANDLING = ['send', 'discard'] as const;
/** Preview answers reach the collector, flagged `preview: true`. */
export const DEFAULT_PREVIEWS = 'send';
const DISPLAY_MODES: readonly DisplayMode[] = ['popover', 'modal', 'inline', 'tab'];
const POSITIONS: readonly PopoverPosition[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'center'];
/** Longer delays would overflow browser timers (about 24.8 days), and no visit lasts a day anyway. */
export const MAX_DELAY_SECONDS = 86_400;
const MAX_DAYS = 3650;
/** `all` and `any` inside each other; real journeys need two or three. */
export const MAX_TRIGGER_NESTING = 4;
/** A selector is sent with each response it showed (`trigger`); longer ones are not hand-written. */
const SELECTOR_MAX_LENGTH = 500;
/** Hosts that may take answers over plain http: the developer's own machine. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The config after validation, with defaults filled in; private to the SDK. */
export interface ResolvedConfig extends EarshotConfig {
  surveys: Survey[];
  locale: string;
  debug: boolean;
  cooldownDays: number;
  ttlDays: number;
  outboxLimit: number;
  credentials: RequestCredentials;
  previews: (typeof PREVIEW_HANDLING)[number];
}

export interface ValidationResult extends Report {
  /** Present only when there are no problems. */
  config?: ResolvedConfig;
}

const localeTag = expect((value) => typeof value === 'string' && LOCALE_TAG.test(value), 'expected a locale tag such as "en" or "pt-BR"');
const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * Where answers go and definitions come from: the page's own origin (a relative path), https:, or
 * http: on the developer's machine, so nothing crosses the network in clear text; no user:password@
 * (fetch refuses such URLs, so nothing would ever be delivered).
 */
const secureUrl: Check = (value, path, report) => {
  const url = parseUrl(value);
  const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && (url.origin === location.origin || LOCAL_HOSTS.includes(url.hostname)));
  if (!secure || url.username || url.password) fail(report, path, 'expected a relative path, an https: URL, or http: on localhost', value);
};

const user: Check = (value, path, report) =>
  checkObject(value, path, report, {
    id: text(200),
    traits: (traits, at) => {
      if (!isRecord(traits)) return fail(report, at, 'expected an object', traits);
      for (const [name, trait] of Object.entries(traits)) {
        if (trait !== null && !isScalar(trait)) fail(report, `${at}.${name}`, 'expected a string, number, boolean or null', trait);
      }
    },
  });

const days = number(0, MAX_DAYS);

const date: Check = expect((value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)), 'expected a date such as "2026-12-01" or "2026-12-01T09:00:00Z"');

const isValue = (value: unknown) => value === null || isScalar(value);

/** A condition compares traits and properties, which may be null (an answer rule: check-content.ts). */
const CONDITION_VALUES: ComparedValues = { is: isValue, named: 'a string, number, boolean or null' };

/** A value (meaning `eq`) or an object of operators, all of which must hold. */
const condition: Check = (value, path, report) => {
  if (isValue(value)) return;
  if (!isRecord(value) || Object.keys(value).length === 0) return fail(report, path, `expected a value, or an object with ${CONDITION_OPERATORS.join(', ')}`, value);
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${path}.${operator}`;
    if (!CONDITION_OPERATORS.includes(operator as never)) fail(report, at, `is not an operator; expected one of ${CONDITION_OPERATORS.join(', ')}`);
    else if (operator === 'exists') boolean(operand, at, report);
    else checkOperand(operator as Comparison, operand, at, report, CONDITION_VALUES);
  }
};

const conditions: Check = (value, path, report) => {
  if (!isRecord(value)) return fail(report, path, 'expected an object of conditions by name', value);
  for (const [name, one] of Object.entries(value)) condition(one, `${path}.${name}`, report);
};

/** A condition on the device type that names only known types. */
const device: Check = (value, path, report) => {
  condition(value, path, report);
  const named = isRecord(value) ? [value.eq, value.neq, ...(Array.isArray(value.in) ? value.in : [])] : [value];
  if (named.some((one) => one !== undefined && !DEVICE_TYPES.includes(one as never))) fail(report, path, `expected devices among ${DEVICE_TYPES.join(', ')}`, value);
};

const audience: Check = (value, path, report) => checkObject(value, path, report, { traits: conditions, device, language: condition, referrer: condition });

/** Whether `source` is a regular expression a `url` trigger can match in linear time (see url-regex.ts). */
function isUrlRegex(source: string): boolean {
  try {
    return source.length <= URL_REGEX_MAX_LENGTH && URL_REGEX_SUBSET.test(source) && !!new RegExp(source);
  } catch {
    return false;
  }
}

const urlRule: Check = (value, path, report) => {
  if (typeof value === 'string') return text(500)(value, path, report);
  const [operator, pattern] = isRecord(value) && Object.keys(value).length === 1 ? Object.entries(value)[0] : [];
  if (!URL_OPERATORS.includes(operator as never)) return fail(report, path, `expected a glob, or an object with one of ${URL_OPERATORS.join(', ')}`, value);
  const at = `${path}.${operator}`;
  const before = report.problems.length;
  text(500)(pattern, at, report);
  if (operator === 'regex' && report.problems.length === before && !isUrlRegex(pattern as string)) {
    fail(report, at, `expected a regular expression of at most ${URL_REGEX_MAX_LENGTH} characters, without {n}, lookaround or back-references`, pattern);
  }
};

const triggers: Check = (value, path, report) => {
  if (!Array.isArray(value) || value.length === 0) return fail(report, path, 'expected a non-empty list of triggers', value);
  // The path counts the lists this one is inside. A response carries its trigger, so this also
  // keeps it well inside the collector's depth limit (32 levels of objects and arrays).
  if (path.split(/\.a(?:ll|ny)\[/).length > MAX_TRIGGER_NESTING) return fail(report, path, `expected "all" and "any" at most ${MAX_TRIGGER_NESTING} levels deep`);
  value.forEach((one, index) => trigger(one, `${path}[${index}]`, report));
};

/** One kind per trigger object: several journey points are combined explicitly, with `all` or `any`. */
const trigger: Check = (value, path, report) => {
  const kinds = isRecord(value) ? TRIGGER_KINDS.filter((kind) => kind in value) : [];
  if (kinds.length !== 1) return fail(report, path, `expected one of ${TRIGGER_KINDS.join(', ')} (combine several with "all" or "any")`, value);
  const [kind] = kinds;
  checkObject(value, path, report, { [kind]: TRIGGER_FIELDS[kind], label: journeyLabel, ...(kind === 'event' && { where: conditions }) });
};

const selector: Check = (value, path, report) => {
  if (typeof value !== 'string' || !value.trim() || value.length > SELECTOR_MAX_LENGTH || !parsesAsSelector(value)) {
    fail(report, path, `expected a CSS selector of at most ${SELECTOR_MAX_LENGTH} characters`, value);
  }
};

const TRIGGER_FIELDS: Fields = {
  event: text(200),
  url: urlRule,
  selector,
  scroll: expect((value) => typeof value === 'number' && value > 0 && value <= 100, 'expected a percentage above 0, at most 100'),
  exitIntent: expect((value) => value === true, 'expected true'),
  delay: number(0, MAX_DELAY_SECONDS),
  all: triggers,
  any: triggers,
};

// Context (docs/architecture.md §2, §3): what results show for a journey point, and the URL query
// parameters a survey copies into its responses.
/** Names a journey point in results ("Cart, waited 20 s"). */
const journeyLabel = text(LABEL_MAX_LENGTH);
/** Most query parameters one survey copies, so that a response's `context` stays within its 30 keys. */
export const MAX_HIDDEN_FIELDS = 10;
/** The largest `maxResponses` quota: far above any survey's, small enough for any database's integers. */
export const MAX_RESPONSES_QUOTA = 1_000_000_000;
const hiddenFields: Check = (value, path, report) => {
  if (!Array.isArray(value) || value.length > MAX_HIDDEN_FIELDS) return fail(report, path, `expected a list of at most ${MAX_HIDDEN_FIELDS} query parameter names`, value);
  value.forEach((name, index) => CONTEXT_KEY.test(name) || fail(report, `${path}[${index}]`, 'expected 1–64 letters, digits, _ or - starting with a letter or digit', name));
};

const SURVEY_FIELDS: Fields = {
  id,
  label: journeyLabel,
  hiddenFields,
  // What a survey asks is checked just before it first shows (check-content.ts), the template's
  // words with it; here only what the core reads before then: a list of objects, the template's name.
  questions: expect((value) => Array.isArray(value) && value.every(isRecord), 'expected a list of questions'),
  template: oneOf(TEMPLATE_NAMES),
  product: text(200),
  templateText: () => {},
  layout: oneOf(['steps', 'matrix']),
  trigger,
  display: oneOf(DISPLAY_MODES),
  position: oneOf(POSITIONS),
  target: selector,
  closeButton: boolean,
  autoAdvance: boolean,
  thanks: () => {},
  language: localeTag,
  audience,
  sample: number(0, 1),
  startsAt: date,
  endsAt: date,
  // Quotas: the collector's registry stops serving the survey once either is reached (docs/collector.md).
  maxResponses: integer(1, MAX_RESPONSES_QUOTA),
  closesAt: date,
  recontactDays: days,
  dismissedRecontactDays: days,
  priority: expect(Number.isFinite, 'expected a number'),
  // How it lives beside the site's other surveys (issue #26).
  cooldown: boolean,
  theme,
  colorScheme,
};

/**
 * Checks one survey definition's identity, targeting and display, and the shape of its content
 * (check-content.ts checks the content itself); `seen` holds the survey ids already taken, and gets this one's.
 */
export function checkSurvey(value: unknown, path: string, report: Report, seen: Set<unknown>): void {
  // With a template named, even a wrong one, `questions` are optional: the name is what to fix.
  if (!checkObject(value, path, report, SURVEY_FIELDS, isRecord(value) && value.template !== undefined ? ['id'] : ['id', 'questions'])) return;
  if (seen.has(value.id)) fail(report, `${path}.id`, `duplicate survey id "${value.id}"`);
  seen.add(value.id);
  if (value.display === 'inline' && value.target === undefined) fail(report, `${path}.target`, 'is required for "display": "inline"');
  if (Date.parse(value.endsAt as string) <= Date.parse(value.startsAt as string)) fail(report, `${path}.endsAt`, 'expected a date after startsAt', value.endsAt);
}

/** How one survey of a list is checked: `checkSurvey` at init, with its content too when authoring (validate-whole.ts). */
export type SurveyCheck = typeof checkSurvey;

const surveysBy =
  (checkOne: SurveyCheck): Check =>
  (value, path, report) => {
    if (!Array.isArray(value)) return fail(report, path, 'expected a list of surveys', value);
    const seen = new Set<unknown>();
    value.forEach((survey, index) => checkOne(survey, `${path}[${index}]`, report, seen));
  };

/** The config's fields, less `surveys` (checked as `validateConfig` is told). */
const CONFIG_FIELDS: Fields = {
  endpoint: secureUrl,
  surveysUrl: secureUrl,
  cooldownDays: days,
  user,
  // `en_US` is taken as `en-US`; what no language tag can be is a mistake to fix.
  locale: expect((value) => !!canonicalLocale(value), 'expected a locale tag such as "en" or "pt-BR"'),
  debug: boolean,
  ttlDays: integer(1, 365),
  outboxLimit: integer(1, 100_000),
  credentials: oneOf(['omit', 'same-origin', 'include']),
  styleNonce: text(200),
  consent: oneOf(CONSENT_STATES),
  respectGlobalPrivacyControl: boolean,
  previews: oneOf(PREVIEW_HANDLING),
  theme,
  colorScheme,
  debugParam: boolean,
  // Its values are fitted as setContext()'s are: what a collector could not take is dropped with an error event, not thrown.
  context: expect(isRecord, 'expected an object of values by key'),
  pageUrl: oneOf(['stripped', 'full']),
};

/**
 * Checks an `init` config and reports every problem at once, each with its path; what each survey
 * asks is left to check-content.ts (validate-whole.ts runs both).
 */
export function validateConfig(input: unknown, checkOne: SurveyCheck = checkSurvey): ValidationResult {
  const report: Report = { problems: [], warnings: [] };
  let given: EarshotConfig;
  try {
    // Checks a copy, and keeps it: later changes to the host's objects cannot alter a running
    // survey, and what is not data (functions, `__proto__` keys) is gone before anything reads it.
    given = toData(input as EarshotConfig);
  } catch (error) {
    fail(report, 'config', `expected plain data that JSON can copy (${String((error as Error)?.message ?? error)})`);
    return report;
  }
  if (!checkObject(given, '', report, { ...CONFIG_FIELDS, surveys: surveysBy(checkOne) }, ['endpoint']) || report.problems.length) return report;
  const config: ResolvedConfig = {
    ...given,
    surveys: (given.surveys ?? []).map((survey, index) => awaitingContentCheck(survey as Survey, `surveys[${index}]`)),
    // The page's own language may be no tag at all (`<html lang="english!">`): then the browser's.
    locale: [given.locale, document.documentElement.lang, navigator.language].map(canonicalLocale).find(Boolean) ?? UNDETERMINED_LOCALE,
    debug: given.debug ?? false,
    cooldownDays: given.cooldownDays ?? DEFAULT_COOLDOWN_DAYS,
    ttlDays: given.ttlDays ?? DEFAULT_TTL_DAYS,
    outboxLimit: given.outboxLimit ?? DEFAULT_OUTBOX_LIMIT,
    credentials: given.credentials ?? 'omit',
    previews: given.previews ?? DEFAULT_PREVIEWS,
  };
  return { ...report, config };
}

export interface SurveyValidation extends Report {
  /** Present only when there are no problems. */
  survey?: Survey;
}

/** Checks one survey definition on its own (as `preview()` gets it), each problem with its path under `path`; its content as `validateConfig` does. */
export function validateSurvey(input: unknown, path: string, check: SurveyCheck = checkSurvey): SurveyValidation {
  const report: Report = { problems: [], warnings: [] };
  let given: unknown;
  try {
    given = toData(input);
  } catch (error) {
    fail(report, path, `expected plain data that JSON can copy (${String((error as Error)?.message ?? error)})`);
    return report;
  }
  check(given, path, report, new Set());
  return report.problems.length ? report : { ...report, survey: awaitingContentCheck(given as Survey, path) };
}
