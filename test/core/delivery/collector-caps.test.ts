// What the SDK sends stays within what the reference collector accepts (its ingestion rules: ids,
// and caps on responses per batch, questions, choices, string lengths and nesting). Past any one,
// the collector refuses the whole batch for good with a 400, and every answer in it is lost.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../../src/core/definition/checks.js';
import { MAX_TRIGGER_NESTING, validateSurvey } from '../../../src/core/definition/validate.js';
import { MAX_OPTIONS } from '../../../src/core/definition/question-kinds.js';
import { MAX_CONTEXT_KEYS, MAX_CONTEXT_VALUE_LENGTH, mergeContext } from '../../../src/core/context.js';
import { toBatches } from '../../../src/core/delivery/delivery.js';
import { createResponse } from '../../../src/core/delivery/response.js';
import type { Answers, Batch, ImpressionEvent, Question, Survey, Trigger, User } from '../../../src/core/types.js';
import batchSchema from '../../../src/schema/batch.schema.json' with { type: 'json' };

/** The collector's caps (examples/collector/limits.mjs). */
const CAPS = { responsesPerBatch: 50, questionsPerResponse: 50, choicesPerAnswer: MAX_OPTIONS + 1, textAnswer: 10_000, string: 20_000, depth: 32 };

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date-time']);
const schemaAccepts = ajv.compile(batchSchema);

/** Objects and arrays inside each other, the batch itself being 1. */
const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);

/** Every string in `value` with the keys that lead to it. */
function* stringsIn(value: unknown, keys: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') yield [value, keys];
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...keys, key]);
}

/** Why the collector would refuse `batch`: one line per rule broken (none: it stores it). */
function collectorProblems(batch: Batch): string[] {
  const problems: string[] = [];
  const json = JSON.parse(JSON.stringify(batch));
  if (!schemaAccepts(json)) problems.push(`schema: ${JSON.stringify(schemaAccepts.errors?.slice(0, 3))}`);
  if (depthOf(json) > CAPS.depth) problems.push(`nested ${depthOf(json)} deep`);
  if (batch.responses.length > CAPS.responsesPerBatch) problems.push(`${batch.responses.length} responses`);
  for (const response of batch.responses) {
    const ids = [response.surveyId, ...response.questions.map((question) => question.id), ...Object.keys(response.answers)];
    for (const id of ids) if (!ID_PATTERN.test(id) || id in Object.prototype) problems.push(`id ${id}`);
    if (response.questions.length > CAPS.questionsPerResponse) problems.push(`${response.questions.length} questions`);
    for (const answer of Object.values(response.answers)) if (Array.isArray(answer) && answer.length > CAPS.choicesPerAnswer) problems.push(`${answer.length} choices`);
    if (Intl.getCanonicalLocales(response.locale)[0] !== response.locale) problems.push(`locale ${response.locale}`);
  }
  for (const [text, keys] of stringsIn(json)) {
    const cap = keys[2] === 'answers' ? CAPS.textAnswer : CAPS.string;
    if (text.length > cap) problems.push(`${keys.join('.')}: ${text.length} characters`);
  }
  return problems;
}

/** The biggest survey validation lets through: 50 questions, 30 options and Other, 10,000-character answers, triggers nested as deep as allowed. */
function largestSurvey(): Survey {
  let trigger: Trigger = { selector: `#${'s'.repeat(499)}` };
  for (let level = 0; level < MAX_TRIGGER_NESTING; level++) trigger = { all: [{ url: { glob: `/${'*'.repeat(499)}` } }, { event: 'e'.repeat(200) }, trigger] };
  const questions: Question[] = [
    { id: 'pick', type: 'choice', text: 'x'.repeat(2000), multiple: true, other: true, options: Array.from({ length: MAX_OPTIONS }, (_, i) => `${i}`.padEnd(200, 'o')) },
    { id: 'essay', type: 'text', text: 'x'.repeat(2000), maxLength: 10_000 },
    ...Array.from({ length: 48 }, (_, i): Question => ({ id: `q${i}`.padEnd(64, '.'), type: 'nps', text: 'x'.repeat(2000) })),
  ];
  const { survey, problems } = validateSurvey({ id: 'S'.repeat(64), trigger, questions }, 'survey');
  expect(problems).toEqual([]);
  return survey!;
}

/** Everything answered with the most a visitor (or a script on the page) can put in. */
function largestAnswers(survey: Survey): Answers {
  const [pick] = survey.questions as [Extract<Question, { type: 'choice' }>];
  return {
    ...Object.fromEntries(survey.questions.map((question) => [question.id, 10])),
    pick: [...pick.options.map(String), { other: 'o'.repeat(50_000) }],
    essay: 'e'.repeat(50_000),
  };
}

/** What `identify()` may be given by a page that passes its own objects. */
const pageUser = {
  id: 'u'.repeat(30_000),
  traits: { plan: 'pro', seats: 3, beta: true, gone: null, bio: 'b'.repeat(30_000), profile: { nested: { deeper: [1] } }, big: 10n, at: new Date(0) },
} as unknown as User;

describe('what the SDK sends, at its largest, the collector accepts', () => {
  afterEach(() => {
    history.replaceState(null, '', '/');
  });

  it('a response with every question answered to the limit, from a page with a very long URL, a strange language and an odd user', () => {
    history.replaceState(null, '', `/checkout?${'utm=x&'.repeat(6000)}`);
    const survey = largestSurvey();
    // The most `setContext()`, hidden fields and `track()` properties can add (src/core/context.ts).
    const [context] = mergeContext({}, Object.fromEntries(Array.from({ length: MAX_CONTEXT_KEYS }, (_, i) => [`k${i}${'k'.repeat(61)}`, 'v'.repeat(MAX_CONTEXT_VALUE_LENGTH)])));
    expect(Object.keys(context)).toHaveLength(MAX_CONTEXT_KEYS);
    const event = { name: 'e'.repeat(200), properties: context };
    const response = createResponse({ survey, trigger: survey.trigger!, locale: 'en_US', user: pageUser, context, event, fullUrls: true }, largestAnswers(survey), true);
    expect(collectorProblems({ sentAt: new Date().toISOString(), responses: [response] })).toEqual([]);
    // What was cut, and what the collector still learns.
    expect(response.locale).toBe('en-US');
    expect(response.page.url).toHaveLength(20_000);
    expect(response.user).toEqual({ id: 'u'.repeat(20_000), traits: { plan: 'pro', seats: 3, beta: true, gone: null, bio: 'b'.repeat(20_000) } });
    expect((response.answers.essay as string).length).toBe(10_000);
    expect(response.questions).toHaveLength(50);
  });

  it('a response answering the kinds of issue #22 at their largest: a matrix of 20 rows, a ranking of 10, a slider, a call to action, every text format', () => {
    const label = (n: number) => `${n}`.padEnd(200, 'l');
    const questions: Question[] = [
      {
        id: 'grid',
        type: 'matrix',
        text: 'x'.repeat(2000),
        rows: Array.from({ length: 20 }, (_, i) => ({ id: `row${i}`.padEnd(64, '.'), label: label(i) })),
        columns: Array.from({ length: 11 }, (_, i) => ({ value: i - 5, label: label(i) })),
      },
      { id: 'order', type: 'ranking', text: 'x'.repeat(2000), options: Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`.padEnd(64, '.'), label: label(i) })) },
      { id: 'budget', type: 'slider', text: 'x', min: -1e9, max: 1e9, step: 0.5 },
      { id: 'book', type: 'cta', text: 'x', button: { label: 'Book', url: 'https://example.com/book' } },
      ...(['email', 'url', 'phone', 'number', 'date'] as const).map((format): Question => ({ id: format, type: 'text', text: 'x', format })),
    ];
    const { survey, problems } = validateSurvey({ id: 'kinds', questions }, 'survey');
    expect(problems).toEqual([]);
    const answers: Answers = {
      grid: Object.fromEntries(questions[0].type === 'matrix' ? questions[0].rows.map((row, i) => [row.id, (i % 11) - 5]) : []),
      order: Array.from({ length: 10 }, (_, i) => `o${9 - i}`.padEnd(64, '.')),
      budget: -999_999_999.5,
      book: { clicked: true },
      email: 'someone@example.com',
      url: 'https://example.com',
      phone: '+33 1 23 45 67 89',
      number: 42.5,
      date: '2026-12-01',
    };
    const response = createResponse({ survey: survey!, trigger: { manual: true }, locale: 'en' }, answers, true);
    expect(collectorProblems({ sentAt: new Date().toISOString(), responses: [response] })).toEqual([]);
    // Delivered as given: a matrix's and a call to action's objects are no "Other" answers to cut.
    expect(response.answers).toEqual(answers);
  });

  it('batches of at most 50 responses, however many are queued', () => {
    const survey: Survey = { id: 'thumbs', questions: [{ id: 'up', type: 'thumbs', text: 'Helpful?' }] };
    const responses = Array.from({ length: 120 }, () => createResponse({ survey, trigger: { manual: true }, locale: 'en', user: { id: 'u_42' } }, { up: 1 }, true));
    const batches = toBatches(responses);
    expect(batches.map((batch) => batch.responses.length)).toEqual([50, 50, 20]);
    for (const { responses: batch } of batches) expect(collectorProblems({ sentAt: new Date().toISOString(), responses: batch })).toEqual([]);
  });

  it('events beside responses, and events alone, as the SDK batches them, with the deepest trigger', () => {
    const survey = largestSurvey();
    const responses = [createResponse({ survey, trigger: survey.trigger!, locale: 'en' }, { [survey.questions[1].id]: 10 }, false)];
    const event = (type: ImpressionEvent['type'], i: number): ImpressionEvent => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type,
      surveyId: survey.id,
      at: new Date().toISOString(),
      trigger: survey.trigger!,
      firedBy: { delay: 20 },
      label: 'l'.repeat(200),
      ...(type == 'dismissed' && { responseId: responses[0].id }),
    });
    const events = Array.from({ length: 150 }, (_, i) => event(i % 2 ? 'dismissed' : 'shown', i));
    const batches = toBatches(responses, events);
    // The answer first; the events after it, in batches of about 32 KB (each trigger here is 4 KB).
    expect(batches[0].responses).toEqual(responses);
    expect(batches.slice(1).every((batch) => batch.responses.length == 0)).toBe(true);
    expect(batches.flatMap((batch) => batch.events)).toEqual(events);
    for (const batch of batches) {
      expect(new TextEncoder().encode(JSON.stringify(batch)).length).toBeLessThanOrEqual(33_000);
      expect(collectorProblems({ sentAt: new Date().toISOString(), ...batch })).toEqual([]);
    }
  });

  it('a trigger nested as deep as validation allows stays well inside the depth limit: 13 levels of 32', () => {
    const survey = largestSurvey();
    const response = createResponse({ survey, trigger: survey.trigger!, locale: 'en' }, largestAnswers(survey), false);
    expect(depthOf({ sentAt: '', responses: [response] })).toBe(13);
  });
});
