// EARSHOT_WEBHOOK_FILTER: which newly completed responses are sent to EARSHOT_WEBHOOK_URL.
//
//   filter    = condition *( "," condition )        every condition must hold
//   condition = key operator value                  spaces around each part are ignored
//   key       = "nps" | "csat" | "ces" | "rating" | "thumbs"   the answer to the response's first
//                                                   question of that kind (thumbs: 1 up, 0 down)
//             | "answers." question-id              the answer to that question
//             | "survey"                            the survey id
//   operator  = "<=" | ">=" | "<" | ">" | "=" | "!="  (< <= > >= need a number)
//
// Examples: `nps<=6` (detractors), `csat<=2,survey=post-checkout`, `answers.plan=pro`. A response
// without the key's answer does not match. A filter that does not parse stops the collector at
// start with one line saying why.
import { ID_PATTERN } from './limits.mjs';

export const SCORE_KINDS = ['nps', 'csat', 'ces', 'rating', 'thumbs'];
const OPERATORS = ['<=', '>=', '!=', '<', '>', '='];
const ORDERING = new Set(['<=', '>=', '<', '>']);
const CONDITION = /^\s*([A-Za-z][\w.:-]*)\s*(<=|>=|!=|<|>|=)\s*(.*?)\s*$/;
const GRAMMAR = 'conditions like nps<=6, joined by commas; keys nps, csat, ces, rating, thumbs, survey or answers.<question id>; operators = != < <= > >=';

const COMPARE = {
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** The value a condition's key reads from a stored version (stored-version.mjs), or undefined. */
function readerOf(key) {
  if (key === 'survey') return (version) => version.surveyId;
  if (SCORE_KINDS.includes(key)) return (version) => version.answers.find((row) => row.kind === key && row.num !== null)?.num ?? undefined;
  const questionId = key.slice('answers.'.length);
  return (version) => JSON.parse(version.body).answers?.[questionId];
}

function parseCondition(text, filter) {
  const match = CONDITION.exec(text);
  const fail = (why) => {
    throw new Error(`EARSHOT_WEBHOOK_FILTER: ${JSON.stringify(text.trim())} ${why} (in ${JSON.stringify(filter)}; expected ${GRAMMAR})`);
  };
  if (!match) return fail('is not a condition');
  const [, key, operator, valueText] = match;
  const known = key === 'survey' || SCORE_KINDS.includes(key) || (key.startsWith('answers.') && ID_PATTERN.test(key.slice('answers.'.length)));
  if (!known) return fail(`has an unknown key, ${JSON.stringify(key)}`);
  if (valueText === '') return fail('has no value after its operator');
  if (OPERATORS.some((op) => valueText.startsWith(op))) return fail('has two operators');
  const number = /^-?\d+(\.\d+)?$/.test(valueText) ? Number(valueText) : null;
  if (ORDERING.has(operator) && (number === null || key === 'survey')) return fail(`compares with ${operator}, which needs a number and a key that has one`);
  if (SCORE_KINDS.includes(key) && number === null) return fail(`compares ${key} with a text; ${key} answers are numbers`);
  const read = readerOf(key);
  const expected = number ?? valueText;
  return (version) => {
    const actual = read(version);
    if (actual === undefined || actual === null) return false;
    // A choice answer matches `=` when it holds the value, `!=` when it does not.
    if (Array.isArray(actual) && (operator === '=' || operator === '!=')) return actual.includes(valueText) === (operator === '=');
    if (typeof actual === 'number' && number !== null) return COMPARE[operator](actual, number);
    if (typeof actual === 'string' && !ORDERING.has(operator)) return COMPARE[operator](actual, String(expected));
    if (typeof actual === 'boolean' && !ORDERING.has(operator)) return COMPARE[operator](String(actual), valueText);
    return false;
  };
}

/**
 * Parses EARSHOT_WEBHOOK_FILTER; `matches(version)` tells whether a stored version passes. An
 * empty or absent filter passes every response. Throws one line naming what is wrong.
 */
export function parseWebhookFilter(text) {
  const filter = (text ?? '').trim();
  if (filter === '') return { text: null, matches: () => true };
  const conditions = filter.split(',').map((part) => parseCondition(part, filter));
  return { text: filter, matches: (version) => conditions.every((condition) => condition(version)) };
}

/** Checks EARSHOT_WEBHOOK_URL: an http(s) address, said in one line when it is not. */
export function parseWebhookUrl(text) {
  const value = (text ?? '').trim();
  if (value === '') return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`EARSHOT_WEBHOOK_URL: expected an http:// or https:// address (got ${JSON.stringify(value.slice(0, 60))})`);
  return url.href;
}
