// The caps of limits.mjs applied to a parsed batch, each problem starting with the path of the field
// at fault. `findTooDeep` runs before the schema check (a validator, like JSON.stringify, recurses
// and would overflow the stack on deep nesting); the rest runs after it, on a batch of the right
// shape.
import { parseDateTime } from './client-time.mjs';
import { contextProblems } from './context-fields.mjs';
import { fieldPath } from './field-path.mjs';
import {
  ID_PATTERN,
  MAX_ANSWERS_PER_RESPONSE,
  MAX_CHOICES_PER_ANSWER,
  MAX_EVENTS_PER_BATCH,
  MAX_JSON_DEPTH,
  MAX_QUESTIONS_PER_RESPONSE,
  MAX_RESPONSES_PER_BATCH,
  MAX_STRING_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
  RESERVED_IDS,
} from './limits.mjs';

const isContainer = (value) => typeof value === 'object' && value !== null;

/** The keys from the root to a node of the walk below. */
function keysTo(node) {
  const keys = [];
  for (let at = node; at.parent; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/**
 * Walks `value` without recursion, calling `visit(value, node)` for every value; stops at the
 * first node where `visit` returns a message and answers `path: message`, else null.
 */
function walk(value, visit) {
  const stack = [{ value, depth: isContainer(value) ? 1 : 0, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop();
    const message = visit(node.value, node);
    if (message) return `${fieldPath(keysTo(node))}: ${message}`;
    if (!isContainer(node.value)) continue;
    for (const [key, child] of Object.entries(node.value)) {
      stack.push({ value: child, depth: node.depth + (isContainer(child) ? 1 : 0), parent: node, key: Array.isArray(node.value) ? Number(key) : key });
    }
  }
  return null;
}

/** `path: nested deeper than …` for the first value nested deeper than MAX_JSON_DEPTH, or null. */
export function findTooDeep(body) {
  return walk(body, (_value, node) => (node.depth > MAX_JSON_DEPTH ? `nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays` : null));
}

const ID_RULE = `must be 1–64 letters, digits or _ . : - starting with a letter or digit`;

function idProblem(id) {
  if (!ID_PATTERN.test(id)) return ID_RULE;
  if (RESERVED_IDS.has(id)) return `"${id}" is a name JavaScript reserves and cannot be an id`;
  return null;
}

/** Problems with one answer: too many choices, or a text past its cap. */
function answerProblems(answer, path) {
  const problems = [];
  const textProblem = (text, at) => {
    if (typeof text === 'string' && text.length > MAX_TEXT_ANSWER_LENGTH) problems.push(`${at}: must be at most ${MAX_TEXT_ANSWER_LENGTH} characters (got ${text.length})`);
  };
  if (Array.isArray(answer)) {
    if (answer.length > MAX_CHOICES_PER_ANSWER) problems.push(`${path}: must hold at most ${MAX_CHOICES_PER_ANSWER} choices (got ${answer.length})`);
    answer.forEach((item, i) => textProblem(typeof item === 'string' ? item : item.other, `${path}[${i}]${typeof item === 'string' ? '' : '.other'}`));
  } else textProblem(typeof answer === 'object' ? answer.other : answer, `${path}${typeof answer === 'object' ? '.other' : ''}`);
  return problems;
}

function responseProblems(response, index) {
  const at = (...keys) => fieldPath(['responses', index, ...keys]);
  const problems = [];
  for (const key of ['id', 'surveyId']) {
    const problem = idProblem(response[key]);
    if (problem) problems.push(`${at(key)}: ${problem}`);
  }
  for (const key of ['createdAt', 'updatedAt']) {
    if (parseDateTime(response[key]) === null) problems.push(`${at(key)}: must be an RFC 3339 date-time, e.g. 2026-11-27T10:00:00.000Z`);
  }
  if (response.questions.length > MAX_QUESTIONS_PER_RESPONSE) {
    problems.push(`${at('questions')}: must describe at most ${MAX_QUESTIONS_PER_RESPONSE} questions (got ${response.questions.length})`);
  } else {
    response.questions.forEach((question, i) => {
      const problem = idProblem(question.id);
      if (problem) problems.push(`${at('questions', i, 'id')}: ${problem}`);
    });
  }
  problems.push(...contextProblems(response, index));
  const answers = Object.entries(response.answers);
  if (answers.length > MAX_ANSWERS_PER_RESPONSE) {
    problems.push(`${at('answers')}: must hold at most ${MAX_ANSWERS_PER_RESPONSE} answers (got ${answers.length})`);
  } else {
    for (const [questionId, answer] of answers) {
      const problem = idProblem(questionId);
      if (problem) problems.push(`${at('answers', questionId)}: the question id ${problem}`);
      problems.push(...answerProblems(answer, at('answers', questionId)));
    }
  }
  return problems;
}

/** Problems with one impression (`events[index]`): its ids and its time, as for a response. */
function eventProblems(event, index) {
  const at = (...keys) => fieldPath(['events', index, ...keys]);
  const problems = [];
  for (const key of ['id', 'surveyId', 'responseId']) {
    if (event[key] === undefined) continue;
    const problem = idProblem(event[key]);
    if (problem) problems.push(`${at(key)}: ${problem}`);
  }
  if (parseDateTime(event.at) === null) problems.push(`${at('at')}: must be an RFC 3339 date-time, e.g. 2026-11-27T10:00:00.000Z`);
  return problems;
}

/**
 * Every problem of a schema-valid batch with the caps of limits.mjs and the collector's own
 * parsing of its dates (empty when it may be stored).
 */
export function checkBatchLimits(batch) {
  if (batch.responses.length > MAX_RESPONSES_PER_BATCH) {
    return [`responses: must hold at most ${MAX_RESPONSES_PER_BATCH} responses (got ${batch.responses.length})`];
  }
  const events = batch.events ?? [];
  if (events.length > MAX_EVENTS_PER_BATCH) return [`events: must hold at most ${MAX_EVENTS_PER_BATCH} events (got ${events.length})`];
  const problems = [...batch.responses.flatMap(responseProblems), ...events.flatMap(eventProblems)];
  if (parseDateTime(batch.sentAt) === null) problems.push('sentAt: must be an RFC 3339 date-time, e.g. 2026-11-27T10:00:00.000Z');
  // Answer texts have their own, lower cap (above); this bounds every other string.
  const isAnswer = (keys) => keys[0] === 'responses' && keys[2] === 'answers';
  const longString = walk(batch, (value, node) =>
    typeof value === 'string' && value.length > MAX_STRING_LENGTH && !isAnswer(keysTo(node)) ? `must be at most ${MAX_STRING_LENGTH} characters (got ${value.length})` : null,
  );
  if (longString) problems.push(longString);
  return problems;
}
