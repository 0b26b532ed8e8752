import { describe, expect, it, vi } from 'vitest';
import { createResponse, reviseResponse, type ResponseContext } from '../../../src/core/delivery/response.js';
import type { Survey } from '../../../src/core/types.js';
import { SDK_VERSION } from '../../../src/core/version.js';
import pkg from '../../../package.json' with { type: 'json' };

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const survey: Survey = {
  id: 'post-checkout-nps',
  trigger: { event: 'checkout_completed' },
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
    { id: 'reason', type: 'text', text: 'What is the main reason for your score?', optional: true, maxLength: 500 },
  ],
};

const context: ResponseContext = { survey, trigger: { event: 'checkout_completed' }, locale: 'en' };
const at = (iso: string) => new Date(iso);

describe('createResponse', () => {
  it('has the shape of docs/architecture.md §3', () => {
    const now = at('2026-11-27T09:59:41.120Z');
    const response = createResponse({ ...context, user: { id: 'u_42', traits: { plan: 'pro' } } }, { score: 9, reason: 'Fast delivery' }, true, now);
    expect(response).toEqual({
      id: expect.stringMatching(UUID_V4),
      surveyId: 'post-checkout-nps',
      completed: true,
      answers: { score: 9, reason: 'Fast delivery' },
      questions: [
        { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
        { id: 'reason', type: 'text', text: 'What is the main reason for your score?' },
      ],
      createdAt: '2026-11-27T09:59:41.120Z',
      updatedAt: '2026-11-27T09:59:41.120Z',
      page: { url: location.href, referrer: document.referrer },
      trigger: { event: 'checkout_completed' },
      user: { id: 'u_42', traits: { plan: 'pro' } },
      locale: 'en',
      sdk: { name: 'earshot', version: pkg.version },
    });
  });

  it('gives every response a different UUID', () => {
    const ids = new Set(Array.from({ length: 20 }, () => createResponse(context, { score: 1 }, false).id));
    expect(ids.size).toBe(20);
  });

  it('gives each response a distinct UUID also where crypto.randomUUID is missing (a page served over plain http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array<ArrayBuffer>) => real.getRandomValues(array) });
    try {
      const ids = Array.from({ length: 20 }, () => createResponse(context, { score: 1 }, false).id);
      for (const id of ids) expect(id).toMatch(UUID_V4);
      expect(new Set(ids).size).toBe(20);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('describes only the questions that were answered', () => {
    const response = createResponse(context, { score: 4 }, false);
    expect(response.questions).toEqual([{ id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' }]);
    expect(response.completed).toBe(false);
  });

  it('says a survey shown by show() was shown manually', () => {
    expect(createResponse({ ...context, trigger: { manual: true } }, { score: 4 }, false).trigger).toEqual({ manual: true });
  });

  it('has no user when none is known', () => {
    expect(createResponse(context, { score: 4 }, false)).not.toHaveProperty('user');
  });

  it('is not changed by later changes to the answers object', () => {
    const answers: Record<string, number | string> = { score: 4 };
    const response = createResponse(context, answers, false);
    answers.score = 10;
    answers.reason = 'later';
    expect(response.answers).toEqual({ score: 4 });
  });

  it('survives a JSON round trip unchanged (it is what the collector receives)', () => {
    const response = createResponse({ ...context, user: { id: 'u_1' } }, { score: 0, reason: 'ü "quoted"' }, true);
    expect(JSON.parse(JSON.stringify(response))).toEqual(response);
  });
});

it("reports the package's version to collectors (SDK_VERSION equals package.json's version)", () => {
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(SDK_VERSION).toBe(pkg.version);
  expect(createResponse(context, { score: 1 }, false).sdk).toEqual({ name: 'earshot', version: pkg.version });
});

describe('reviseResponse', () => {
  const first = createResponse(context, { score: 9 }, false, at('2026-11-27T09:59:41.120Z'));

  it('keeps the id and createdAt and takes the new answers', () => {
    const next = reviseResponse(first, survey, { score: 9, reason: 'Fast delivery' }, true, at('2026-11-27T09:59:52.300Z'));
    expect(next.id).toBe(first.id);
    expect(next.createdAt).toBe(first.createdAt);
    expect(next.updatedAt).toBe('2026-11-27T09:59:52.300Z');
    expect(next.completed).toBe(true);
    expect(next.answers).toEqual({ score: 9, reason: 'Fast delivery' });
    expect(next.questions.map((question) => question.id)).toEqual(['score', 'reason']);
  });

  it('strictly increases updatedAt within the same millisecond', () => {
    const now = at('2026-11-27T09:59:41.120Z');
    const second = reviseResponse(first, survey, { score: 8 }, false, now);
    const third = reviseResponse(second, survey, { score: 7 }, false, now);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    expect(Date.parse(third.updatedAt)).toBeGreaterThan(Date.parse(second.updatedAt));
  });

  it('strictly increases updatedAt when the clock goes back', () => {
    const next = reviseResponse(first, survey, { score: 8 }, false, at('2026-11-27T09:00:00.000Z'));
    expect(Date.parse(next.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
  });

  it('never turns a completed response back into a partial one', () => {
    const done = reviseResponse(first, survey, { score: 9 }, true);
    expect(reviseResponse(done, survey, { score: 9, reason: 'late edit' }, false).completed).toBe(true);
  });

  it('does not change the previous version', () => {
    const before = structuredClone(first);
    reviseResponse(first, survey, { score: 1, reason: 'x' }, true);
    expect(first).toEqual(before);
  });
});

describe('text on the wire', () => {
  const limited: Survey = {
    id: 'limits',
    questions: [
      { id: 'short', type: 'text', text: 'In a word?', maxLength: 10 },
      { id: 'long', type: 'text', text: 'Tell us more' },
      { id: 'pick', type: 'choice', text: 'Which?', options: ['a', 'b'], other: true },
      { id: 'picks', type: 'choice', text: 'Which ones?', options: ['a', 'b'], other: true, multiple: true },
    ],
  };

  it("never exceeds a question's maxLength, whatever a script put in the field", () => {
    const other = { other: 'o'.repeat(5000) };
    const response = createResponse({ ...context, survey: limited }, { short: 'x'.repeat(50), long: 'y'.repeat(5000), pick: other, picks: ['a', other] }, true);
    expect(response.answers).toEqual({ short: 'x'.repeat(10), long: 'y'.repeat(1000), pick: { other: 'o'.repeat(1000) }, picks: ['a', { other: 'o'.repeat(1000) }] });
  });
});

describe('the kinds of issue #22 in a response', () => {
  const kinds: Survey = {
    id: 'kinds',
    questions: [
      {
        id: 'grid',
        type: 'matrix',
        text: 'Agree?',
        rows: [{ id: 'easy', label: 'Easy' }],
        columns: [
          { value: 1, label: 'No' },
          { value: 2, label: 'Yes' },
        ],
      },
      { id: 'order', type: 'ranking', text: 'Rank', options: ['Price', { id: 'speed', label: 'Speed' }] },
      { id: 'budget', type: 'slider', text: 'Budget?', min: 0, max: 100 },
      { id: 'book', type: 'cta', text: 'Demo?', button: { label: 'Book' } },
      { id: 'mail', type: 'text', text: 'Email?', format: 'email' },
      { id: 'age', type: 'text', text: 'Age?', format: 'number' },
    ],
  };

  it('carries their answers as given, and describes what a collector needs to show them', () => {
    const answers = { grid: { easy: 2 }, order: ['speed', 'Price'], budget: 35, book: { clicked: true as const }, mail: 'a@b.example', age: 42 };
    const response = createResponse({ survey: kinds, trigger: { manual: true }, locale: 'en' }, answers, true);
    expect(response.answers).toEqual(answers);
    expect(response.questions).toEqual([
      {
        id: 'grid',
        type: 'matrix',
        text: 'Agree?',
        rows: [{ id: 'easy', label: 'Easy' }],
        columns: [
          { value: 1, label: 'No' },
          { value: 2, label: 'Yes' },
        ],
      },
      {
        id: 'order',
        type: 'ranking',
        text: 'Rank',
        options: [
          { id: 'Price', label: 'Price' },
          { id: 'speed', label: 'Speed' },
        ],
      },
      { id: 'budget', type: 'slider', text: 'Budget?', min: 0, max: 100, step: 1 },
      { id: 'book', type: 'cta', text: 'Demo?' },
      { id: 'mail', type: 'text', text: 'Email?', format: 'email' },
      { id: 'age', type: 'text', text: 'Age?', format: 'number' },
    ]);
  });
});
