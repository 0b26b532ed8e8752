// What the collector accepts: every field it reads is checked before it is stored, past a cap the
// batch is a 400 naming the field (never a 5xx, which the SDK would retry for ever), and what it
// can use it keeps: dates JavaScript cannot parse, language tags that are not BCP 47.
import { describe, expect, it } from 'vitest';
import {
  MAX_ANSWERS_PER_RESPONSE,
  MAX_CHOICES_PER_ANSWER,
  MAX_JSON_DEPTH,
  MAX_QUESTIONS_PER_RESPONSE,
  MAX_RESPONSES_PER_BATCH,
  MAX_STRING_LENGTH,
  MAX_TEXT_ANSWER_LENGTH,
} from '../../examples/collector/limits.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();
const stored = () => demo.server.collector.storedResponses();

const questionsOf = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `q${i}`, type: 'rating', text: `Question ${i}` }));
const answersOf = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`q${i}`, 3]));

async function expectRefused(body: unknown, problem: string) {
  const res = await demo.post(body);
  expect(res.status).toBe(400);
  const json = await res.json();
  expect(json.problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
  expect(await stored()).toEqual([]);
}

describe('ids', () => {
  it.each([
    ['a newline, which would forge a log line', 'a\nb'],
    ['a space', 'a b'],
    ['a leading dash', '-abc'],
    ['65 characters', 'a'.repeat(65)],
    ['200 KB', 'a'.repeat(200_000)],
  ])('refuses a response id with %s, naming it', async (_case, id) => {
    await expectRefused(batchOf(makeResponse({ id })), 'responses[0].id: must be 1–64 letters, digits or _ . : - starting with a letter or digit');
  });

  it('accepts the ids the SDK makes (UUIDs) and 64-character ones', async () => {
    const ids = [crypto.randomUUID(), 'A'.repeat(64), 'a_b.c:d-e'];
    expect((await demo.post(batchOf(...ids.map((id) => makeResponse({ id }))))).status).toBe(200);
    expect((await stored()).map((r) => r.id)).toEqual(ids);
  });

  it('refuses survey and question ids outside the same rule, and names JavaScript reserves', async () => {
    await expectRefused(batchOf(makeResponse({ surveyId: 's'.repeat(65) })), 'responses[0].surveyId: must be 1–64 letters');
    await expectRefused(
      batchOf(makeResponse({ answers: { constructor: 3 }, questions: [{ id: 'constructor', type: 'rating', text: 'Rate' }] })),
      'responses[0].questions[0].id: "constructor" is a name JavaScript reserves',
    );
  });
});

describe('caps, each a 400 naming the field', () => {
  it.each([
    [
      'responses per batch',
      () => batchOf(...Array.from({ length: MAX_RESPONSES_PER_BATCH + 1 }, () => makeResponse())),
      `responses: must hold at most ${MAX_RESPONSES_PER_BATCH} responses`,
    ],
    [
      'questions per response',
      () => batchOf(makeResponse({ questions: questionsOf(MAX_QUESTIONS_PER_RESPONSE + 1), answers: {} })),
      `responses[0].questions: must describe at most ${MAX_QUESTIONS_PER_RESPONSE} questions (got ${MAX_QUESTIONS_PER_RESPONSE + 1})`,
    ],
    [
      'the 5,000 questions that made /results take 21 s',
      () => batchOf(makeResponse({ questions: Array.from({ length: 5000 }, (_, i) => ({ id: `q${i}`, type: 'nps', text: '' })), answers: {} })),
      'responses[0].questions: must describe at most',
    ],
    [
      'answers per response',
      () => batchOf(makeResponse({ questions: [], answers: answersOf(MAX_ANSWERS_PER_RESPONSE + 1) })),
      `responses[0].answers: must hold at most ${MAX_ANSWERS_PER_RESPONSE} answers`,
    ],
    [
      'choices in one answer',
      () => batchOf(makeResponse({ answers: { found: Array.from({ length: MAX_CHOICES_PER_ANSWER + 1 }, (_, i) => `o${i}`) } })),
      `responses[0].answers.found: must hold at most ${MAX_CHOICES_PER_ANSWER} choices`,
    ],
    [
      'a text answer',
      () => batchOf(makeResponse({ answers: { why: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) } })),
      `responses[0].answers.why: must be at most ${MAX_TEXT_ANSWER_LENGTH} characters`,
    ],
    [
      'an "Other" text',
      () => batchOf(makeResponse({ answers: { found: ['Ad', { other: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) }] } })),
      'responses[0].answers.found[1].other: must be at most',
    ],
    [
      'any other text',
      () => batchOf(makeResponse({ page: { url: `https://shop.example/${'x'.repeat(MAX_STRING_LENGTH)}`, referrer: '' } })),
      `responses[0].page.url: must be at most ${MAX_STRING_LENGTH} characters`,
    ],
  ])('%s', async (_case, body, problem) => {
    await expectRefused(body(), problem);
  });

  it('stores a response at every cap', async () => {
    const atCaps = makeResponse({
      id: 'a'.repeat(64),
      questions: questionsOf(MAX_QUESTIONS_PER_RESPONSE),
      answers: { ...answersOf(MAX_ANSWERS_PER_RESPONSE - 1), why: 'é'.repeat(MAX_TEXT_ANSWER_LENGTH) },
    });
    expect((await demo.post(batchOf(atCaps))).status).toBe(200);
    expect(await stored()).toEqual([atCaps]);
  });
});

describe('nesting', () => {
  const nested = (depth: number) => JSON.stringify(batchOf(makeResponse({ id: 'deep', extra: 'HERE' }))).replace('"HERE"', `${'['.repeat(depth)}1${']'.repeat(depth)}`);

  it.each([100, 100_000])('answers 400 naming the path, never 500 or 503, for arrays %i deep', async (depth) => {
    const res = await demo.post(nested(depth));
    expect(res.status).toBe(400);
    expect(res.headers.get('retry-after')).toBeNull();
    expect((await res.json()).error).toMatch(/^responses\[0\]\.extra(\[0\])+: nested deeper than 32 levels of objects and arrays$/);
  });

  it('refuses a journey point nested past the cap, and keeps one nested deep within it', async () => {
    let trigger: Record<string, unknown> = { event: 'e' };
    for (let level = 0; level < MAX_JSON_DEPTH; level++) trigger = { all: [trigger] };
    expect((await demo.post(batchOf(makeResponse({ trigger })))).status).toBe(400);
    let within: Record<string, unknown> = { event: 'e' };
    for (let level = 0; level < 10; level++) within = { any: [within] };
    expect((await demo.post(batchOf(makeResponse({ id: 'within', trigger: within })))).status).toBe(200);
    expect((await fetch(demo.url('/results'))).status).toBe(200);
  });
});

describe('dates', () => {
  it('stores RFC 3339 dates that JavaScript cannot parse (a leap second, an offset without minutes), and results still answer', async () => {
    const leap = makeResponse({ id: 'leap', createdAt: '2026-06-30T23:59:60Z', updatedAt: '2026-06-30T23:59:60Z' });
    const shortOffset = makeResponse({ id: 'offset', createdAt: '2026-11-27T10:00:00+01', updatedAt: '2026-11-27T10:00:05+0100' });
    expect((await demo.post({ sentAt: '2026-06-30T23:59:60Z', responses: [leap, shortOffset] })).status).toBe(200);
    expect((await stored()).map((r) => r.id)).toEqual(['leap', 'offset']);
    for (const path of ['/results', '/api/earshot/export.csv', '/api/earshot/scores?survey=post-checkout-nps']) {
      expect((await fetch(demo.url(path))).status, path).toBe(200);
    }
  });

  it('replaces a version with a leap-second updatedAt by a later one (no comparison with NaN pins it)', async () => {
    const first = makeResponse({ id: 'pinned', completed: false, updatedAt: '2026-06-30T23:59:60Z', answers: { score: 1 } });
    const later = makeResponse({ id: 'pinned', completed: false, updatedAt: '2026-07-01T00:00:01Z', answers: { score: 9 } });
    await demo.post({ sentAt: '2026-07-01T00:00:02Z', responses: [first] });
    const res = await demo.post({ sentAt: '2026-07-01T00:00:02Z', responses: [later] });
    expect(await res.json()).toEqual({ ok: true, stored: 1, kept: 0 });
    expect((await stored()).map((r) => r.answers.score)).toEqual([9]);
  });

  it.each([
    ['a date without a time', '2026-11-27'],
    ['30 February', '2026-02-30T10:00:00Z'],
    ['hour 24', '2026-11-27T24:00:00Z'],
  ])('refuses %s with 400 naming the field', async (_case, updatedAt) => {
    const res = await demo.post(batchOf(makeResponse({ updatedAt })));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain('responses[0].updatedAt: must be');
  });
});

describe('locales', () => {
  const withText = (id: string, locale: string) =>
    makeResponse({
      id,
      locale,
      answers: { score: 3, reason: 'Delivery was slow' },
      questions: [
        { id: 'score', type: 'nps', text: 'Recommend?' },
        { id: 'reason', type: 'text', text: 'Why?' },
      ],
    });

  it('keeps answers from a page with <html lang="en_US">, stores the tag as en-US, and results still answer 200', async () => {
    expect((await demo.post(batchOf(withText('underscore', 'en_US')))).status).toBe(200);
    expect((await stored())[0].locale).toBe('en-US');
    const page = await fetch(demo.url('/results'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('slow');
  });

  it.each([
    ['EN-gb', 'en-GB'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['en US', 'und'],
    ['en-', 'und'],
    ['x'.repeat(200), 'und'],
  ])('stores %j as %j', async (locale, canonical) => {
    expect((await demo.post(batchOf(withText('tagged', locale)))).status).toBe(200);
    expect((await stored())[0].locale).toBe(canonical);
    expect((await fetch(demo.url('/results'))).status).toBe(200);
  });
});
