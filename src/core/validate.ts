import { boolean, checkObject, fail, identifier as id, integer, isRecord, oneOf, text, type Check, type Fields, type Report } from './checks.js';
import { END_OF_SURVEY, RULE_OPERATORS } from './flow.js';
import { LABEL_MAX_LENGTH, QUESTION_KINDS, QUESTION_TYPES, REQUIRED_FIELDS, checkQuestionKind } from './question-kinds.js';
import type { DisplayMode, EarshotConfig, PopoverPosition, Question, QuestionType, Survey } from './types.js';

export const MAX_QUESTIONS = 50;
export const TEXT_MAX_LENGTH = 2000;
export const DEFAULT_TTL_DAYS = 7;
export const DEFAULT_OUTBOX_LIMIT = 1000;
const DISPLAY_MODES: readonly DisplayMode[] = ['popover', 'modal', 'inline', 'tab'];
const POSITIONS: readonly PopoverPosition[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'center'];


/** The config after validation, with defaults filled in; private to the SDK. */
export interface ResolvedConfig extends EarshotConfig {
  surveys: Survey[];
  locale: string;
  debug: boolean;
  ttlDays: number;
  outboxLimit: number;
  credentials: RequestCredentials;
}

export interface ValidationResult extends Report {
  /** Present only when there are no problems. */
  config?: ResolvedConfig;
}

const longText = text(TEXT_MAX_LENGTH);
const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** An http(s) URL, absolute or relative to the page (a blank one would resolve to the page itself). */
const httpUrl: Check = (value, path, report) => {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' && value.trim() ? new URL(value, location.href) : undefined;
  } catch {
    // reported below
  }
  if (!/^https?:$/.test(url?.protocol ?? '')) fail(report, path, 'expected an http(s) URL, absolute or relative to the page', value);
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

const trigger: Check = (value, path, report) => {
  if (!isRecord(value) || !('event' in value)) return fail(report, path, 'expected { "event": "name" }', value);
  checkObject(value, path, report, { event: text(200) });
};

/** Answer rules refer to questions by id: `earlier` holds the ids asked before this one. */
function rule(earlier: Set<string>): Check {
  return (value, path, report) => {
    if (!isRecord(value)) return fail(report, path, 'expected a rule like { "question": "score", "lte": 6 }', value);
    if (!earlier.has(value.question as string)) fail(report, `${path}.question`, 'expected the id of an earlier question in this survey', value.question);
    const operators = Object.keys(value).filter((key) => key !== 'question');
    const operator = operators[0] as (typeof RULE_OPERATORS)[number];
    if (operators.length !== 1 || !RULE_OPERATORS.includes(operator)) {
      return fail(report, path, `expected "question" and one of ${RULE_OPERATORS.join(', ')}`);
    }
    const operand = value[operator];
    const comparison = ['lt', 'lte', 'gt', 'gte'].includes(operator);
    if (operator === 'answered') boolean(operand, `${path}.answered`, report);
    else if (operator === 'in') {
      if (!Array.isArray(operand) || operand.length === 0 || !operand.every(isScalar)) fail(report, `${path}.in`, 'expected a non-empty list of values', operand);
    } else if (comparison ? !Number.isFinite(operand) : !isScalar(operand)) {
      fail(report, `${path}.${operator}`, comparison ? 'expected a number' : 'expected a string, number or boolean', operand);
    }
  };
}

const questions: Check = (value, path, report) => {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_QUESTIONS) {
    return fail(report, path, `expected a list of 1 to ${MAX_QUESTIONS} questions`, value);
  }
  const earlier = new Set<string>();
  value.forEach((question, index) => {
    const at = `${path}[${index}]`;
    const type = isRecord(question) ? (question.type as QuestionType) : undefined;
    const kind = type && QUESTION_KINDS[type];
    const common: Fields = { id, type: oneOf(QUESTION_TYPES), text: longText, optional: boolean, if: rule(new Set(earlier)), next: text(64) };
    const before = report.problems.length;
    if (!checkObject(question, at, report, { ...common, ...kind }, ['id', 'type', 'text', ...((type && REQUIRED_FIELDS[type]) ?? [])])) return;
    if (report.problems.length === before) checkQuestionKind(question as unknown as Question, at, report);
    if (earlier.has(question.id as string)) fail(report, `${at}.id`, `duplicate question id "${question.id}"`);
    earlier.add(question.id as string);
  });
  // Jumps go forward only, so no definition can make the visitor go round in a loop.
  value.forEach((question, index) => {
    const target = isRecord(question) ? question.next : undefined;
    if (typeof target !== 'string' || target === END_OF_SURVEY) return;
    if (!value.slice(index + 1).some((later) => isRecord(later) && later.id === target)) {
      fail(report, `${path}[${index}].next`, `expected "${END_OF_SURVEY}" or the id of a later question in this survey`, target);
    }
  });
};

const selector: Check = (value, path, report) => {
  try {
    if (typeof value !== 'string' || !value.trim()) throw new TypeError();
    // Parses the selector without needing the element to exist yet.
    document.createDocumentFragment().querySelector(value);
  } catch {
    fail(report, path, 'expected a CSS selector', value);
  }
};

const thanks: Check = (value, path, report) => {
  if (typeof value === 'string') return longText(value, path, report);
  if (!isRecord(value)) return fail(report, path, 'expected a text, or { "text", "link": { "label", "url" } }', value);
  checkObject(value, path, report, {
    text: longText,
    link: (link, at) => checkObject(link, at, report, { label: text(LABEL_MAX_LENGTH), url: httpUrl }, ['label', 'url']),
  });
};

const SURVEY_FIELDS: Fields = {
  id,
  questions,
  trigger,
  display: oneOf(DISPLAY_MODES),
  position: oneOf(POSITIONS),
  target: selector,
  closeButton: boolean,
  autoAdvance: boolean,
  thanks,
};

const surveys: Check = (value, path, report) => {
  if (!Array.isArray(value)) return fail(report, path, 'expected a list of surveys', value);
  const seen = new Set<unknown>();
  value.forEach((survey, index) => {
    const at = `${path}[${index}]`;
    if (!checkObject(survey, at, report, SURVEY_FIELDS, ['id', 'questions'])) return;
    if (seen.has(survey.id)) fail(report, `${at}.id`, `duplicate survey id "${survey.id}"`);
    seen.add(survey.id);
    if (survey.display === 'inline' && survey.target === undefined) fail(report, `${at}.target`, 'is required for "display": "inline"');
  });
};

const CONFIG_FIELDS: Fields = {
  endpoint: httpUrl,
  surveys,
  user,
  locale: text(35),
  debug: boolean,
  ttlDays: integer(1, 365),
  outboxLimit: integer(1, 100_000),
  credentials: oneOf(['omit', 'same-origin', 'include']),
};

/** Checks a whole `init` config and reports every problem at once, each with its path. */
export function validateConfig(input: unknown): ValidationResult {
  const report: Report = { problems: [], warnings: [] };
  if (!checkObject(input, '', report, CONFIG_FIELDS, ['endpoint']) || report.problems.length) return report;
  const given = input as unknown as EarshotConfig;
  const config: ResolvedConfig = {
    ...given,
    // Copies, so that later changes to the host's objects cannot alter a running survey
    // (through JSON, which also drops anything that is not data, such as functions in unknown keys).
    surveys: JSON.parse(JSON.stringify(given.surveys ?? [])),
    user: given.user && JSON.parse(JSON.stringify(given.user)),
    locale: given.locale || navigator.language || 'en',
    debug: given.debug ?? false,
    ttlDays: given.ttlDays ?? DEFAULT_TTL_DAYS,
    outboxLimit: given.outboxLimit ?? DEFAULT_OUTBOX_LIMIT,
    credentials: given.credentials ?? 'omit',
  };
  return { ...report, config };
}
