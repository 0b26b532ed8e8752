// Property: whatever batches strangers post (random dates, locales, ids, unicode, numbers,
// nesting, shaped like real batches or bent out of shape), the collector never answers 5xx, the
// results, scores and CSV still answer 200 afterwards, and a well-formed response sent in the same
// run is stored exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo({ postsPerMinute: 0 });

const QUESTION_TYPES = ['nps', 'rating', 'csat', 'ces', 'thumbs', 'choice', 'text'];
const SURVEYS = ['post-checkout-nps', 'help-article', 'onboarding'];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '=1+1', 'ok;=1+1', '\n', '\u202e', '𝔘𝔫𝔦'),
);
const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/), text, fc.constantFrom('constructor', '__proto__', 'a'.repeat(65)));
const questionId = fc.oneof(fc.constantFrom('score', 'reason', 'stars', 'found'), fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), id);

const isoDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const date = fc.oneof(
  isoDate,
  fc.constantFrom('2026-06-30T23:59:60Z', '2026-11-27T10:00:00+01', '2026-11-27 10:00:00.123456789z', '2026-02-30T00:00:00Z', '2026-11-27', 'yesterday', ''),
  fc.tuple(isoDate, fc.integer({ min: -23, max: 23 })).map(([iso, hours]) => `${iso.slice(0, 19)}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:30`),
  text,
);
const locale = fc.oneof(fc.constantFrom('en', 'en_US', 'pt-BR', 'zh-hant-tw', 'und', 'x-klingon', 'EN-gb', 'i-default', 'en-', ''), text);

const number = fc.oneof(fc.integer({ min: -5, max: 15 }), fc.double({ noNaN: true }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308));
const answer = fc.oneof(
  number,
  text,
  fc.array(
    fc.oneof(
      text,
      text.map((other) => ({ other })),
    ),
    { maxLength: 40 },
  ),
  text.map((other) => ({ other })),
  fc.jsonValue({ maxDepth: 4 }),
);
const question = fc.record(
  { id: questionId, type: fc.oneof(fc.constantFrom(...QUESTION_TYPES), text), text, scale: fc.constantFrom(3, 5, 7, 10, 11), style: fc.constantFrom('stars', 'emoji', 'numbers') },
  { requiredKeys: ['id', 'type', 'text'] },
);
const leafTrigger = fc.oneof(
  fc.record({ event: text }),
  fc.record({ url: fc.oneof(text, fc.record({ regex: text })) }),
  fc.record({ scroll: fc.integer({ min: -10, max: 150 }) }),
  fc.constant({ manual: true }),
  fc.constant({ exitIntent: true }),
);
const { trigger } = fc.letrec((tie) => ({
  trigger: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafTrigger,
    fc.record({ all: fc.array(tie('trigger'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('trigger'), { minLength: 1, maxLength: 3 }) }),
  ),
}));

const validId = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/));
const unicode = fc.string({ unit: 'grapheme', maxLength: 60 });
const validDate = fc.oneof(
  isoDate,
  fc.constantFrom('2026-06-30T23:59:60Z', '2016-12-31T18:59:60-05:00', '2026-11-27T10:00:00+01', '2026-11-27t10:00:00.5z', '2026-11-27 10:00:00+0530'),
);
const validAnswer = fc.oneof(
  number,
  unicode,
  fc.array(
    fc.oneof(
      unicode,
      unicode.map((other) => ({ other })),
    ),
    { maxLength: 6 },
  ),
  unicode.map((other) => ({ other })),
);
const validQuestion = fc.record(
  {
    id: fc.constantFrom('score', 'reason', 'stars', 'found', 'sus1', 'nps', 'csat'),
    type: fc.constantFrom(...QUESTION_TYPES),
    text: unicode,
    scale: fc.constantFrom(3, 5, 7, 10),
    style: fc.constantFrom('stars', 'emoji', 'numbers'),
  },
  { requiredKeys: ['id', 'type', 'text'] },
);
const validLeafTrigger = fc.oneof(
  fc.record({ event: unicode.filter((t) => t.length > 0) }),
  fc.record({ url: fc.oneof(fc.constantFrom('/checkout/*', '/'), fc.record({ startsWith: unicode })) }),
  fc.record({ scroll: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ delay: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
);
const { validTrigger } = fc.letrec((tie) => ({
  validTrigger: fc.oneof({ depthSize: 'small' }, validLeafTrigger, fc.record({ all: fc.array(tie('validTrigger'), { minLength: 1, maxLength: 3 }) })),
}));

/** A response as the SDK makes one, with strange but allowed values: stored when its id is new. */
const realResponse = fc.record(
  {
    id: validId,
    surveyId: fc.oneof(fc.constantFrom(...SURVEYS), validId),
    completed: fc.boolean(),
    answers: fc.dictionary(fc.constantFrom('score', 'reason', 'stars', 'found', 'sus1', 'nps', 'csat'), validAnswer, { maxKeys: 7 }),
    questions: fc.array(validQuestion, { maxLength: 7 }),
    createdAt: validDate,
    updatedAt: validDate,
    page: fc.record({
      url: fc.oneof(
        fc.webUrl({ withQueryParameters: true }),
        unicode.filter((t) => t.length > 0),
      ),
      referrer: fc.oneof(fc.webUrl(), fc.constant('')),
    }),
    trigger: fc.oneof(validTrigger, fc.constant({ manual: true })),
    user: fc.record({ id: unicode, traits: fc.dictionary(unicode, fc.oneof(unicode, number, fc.boolean(), fc.constant(null)), { maxKeys: 3 }) }, { requiredKeys: [] }),
    locale: fc.oneof(locale, unicode).filter((t) => t.length > 0),
    sdk: fc.constant({ name: 'earshot', version: '0.1.0' }),
    template: fc.constantFrom('nps', 'csat', 'sus', 'pmf', 'umux-lite', 'unknown'),
    preview: fc.constant(true),
    viewport: fc.jsonValue({ maxDepth: 4 }),
  },
  { requiredKeys: ['id', 'surveyId', 'completed', 'answers', 'questions', 'createdAt', 'updatedAt', 'page', 'trigger', 'locale', 'sdk'] },
);

/** A response shaped like the SDK's, any of whose fields may be bent, missing or extra. */
const bentResponse = fc.record(
  {
    id,
    surveyId: fc.oneof(fc.constantFrom(...SURVEYS), id),
    completed: fc.oneof(fc.boolean(), fc.constant('yes')),
    answers: fc.dictionary(questionId, answer, { maxKeys: 8 }),
    questions: fc.array(question, { maxLength: 8 }),
    createdAt: date,
    updatedAt: date,
    page: fc.record({ url: fc.oneof(fc.webUrl(), text), referrer: fc.oneof(fc.webUrl(), fc.constant('')) }),
    trigger: fc.oneof(trigger, fc.jsonValue({ maxDepth: 3 })),
    user: fc.record({ id: text, traits: fc.dictionary(text, fc.oneof(text, number, fc.boolean(), fc.constant(null)), { maxKeys: 3 }) }, { requiredKeys: [] }),
    locale,
    sdk: fc.constant({ name: 'earshot', version: '0.1.0' }),
    template: fc.constantFrom('nps', 'csat', 'sus', 'pmf', 'unknown'),
    preview: fc.constantFrom(true, false),
    extra: fc.jsonValue({ maxDepth: 6 }),
  },
  { requiredKeys: ['id', 'surveyId', 'completed', 'answers', 'questions', 'createdAt', 'updatedAt', 'page', 'trigger', 'locale', 'sdk'] },
);

const batch = fc.oneof(
  { weight: 3, arbitrary: fc.record({ sentAt: validDate, responses: fc.array(realResponse, { minLength: 1, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ sentAt: date, responses: fc.array(fc.oneof(realResponse, bentResponse), { minLength: 1, maxLength: 5 }) }) },
);
/** Sometimes a body that is not even a batch: deep nesting, truncated JSON, another shape. */
const body = fc.oneof(
  { weight: 8, arbitrary: batch.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 50_000 }).map((depth) => `{"sentAt":"2026-11-27T10:00:00Z","responses":[${'['.repeat(depth)}${']'.repeat(depth)}]}`) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value).slice(0, -1)) },
);

let run = 0;

describe('random batches', () => {
  it('never get a 5xx, never break the results, and never cost a well-formed response', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 3 }), async (bodies) => {
        const sentinel = makeResponse({
          id: `sentinel-${++run}`,
          surveyId: 'sentinel',
          answers: { score: 9, reason: 'Works' },
          questions: [
            { id: 'score', type: 'nps', text: 'Recommend?' },
            { id: 'reason', type: 'text', text: 'Why?' },
          ],
        });
        const statuses: number[] = [];
        for (const text of bodies.slice(0, 1)) statuses.push((await demo.post(text)).status);
        statuses.push((await demo.post(batchOf(sentinel))).status);
        for (const text of bodies.slice(1)) statuses.push((await demo.post(text)).status);
        expect(statuses.filter((status) => status >= 500)).toEqual([]);
        expect(statuses[1]).toBe(200);

        for (const path of [
          '/results',
          '/results?survey=post-checkout-nps',
          '/api/earshot/scores?survey=post-checkout-nps',
          '/api/earshot/scores?survey=sentinel',
          '/api/earshot/export.csv',
        ]) {
          const res = await fetch(demo.url(path));
          expect(res.status, path).toBe(200);
          await res.arrayBuffer();
        }
        const listed = await demo.getJson(`/api/earshot/responses?survey=sentinel&limit=${1000}`);
        expect(listed.responses.filter((r: { id: string }) => r.id === sentinel.id)).toEqual([sentinel]);
        const csv = await (await fetch(demo.url('/api/earshot/export.csv?survey=sentinel'))).text();
        expect(csv.split('\r\n').filter((line) => line.startsWith(`${sentinel.id},`))).toHaveLength(1);
      }),
      // Bounded in time for a 2-core machine; FC_NUM_RUNS=1000 runs it longer.
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 100), interruptAfterTimeLimit: process.env.FC_NUM_RUNS ? undefined : 20_000 },
    );
  }, 600_000);
});
