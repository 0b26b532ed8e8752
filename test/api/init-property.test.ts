// Property-based: whatever JSON a page (or a CMS) hands to `init`, Earshot either starts or throws
// one EarshotConfigError listing problems with their paths; it never throws anything else, never
// hangs, and never touches Object.prototype.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTION_TYPES } from '../../src/core/definition/question-kinds.js';
import { destroy, EarshotConfigError, init } from '../../src/index.js';

const RUNS = 400;
/** 400 inits and destroys take about 1 s alone, and were seen at 5.1 s on a busy 2-core machine. */
const PROPERTY_TIMEOUT_MS = 30_000;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Keys that reach prototypes, names every object has, and the config's own names. */
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'polluted'];
/** The fields a problem's path can start with: the config's own, or `config` for the whole of it. */
const PATH = /^(config|endpoint|surveys|surveysUrl|cooldownDays|user|locale|debug|styleNonce)[[.:]/;

const json = fc.jsonValue({ maxDepth: 3 });
/** A key from anywhere: random, dangerous, or one Earshot reads somewhere. */
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...KEYS, 'id', 'type', 'text', 'event', 'url', 'all', 'eq', 'in', 'other'));
/** Mostly what a field should hold, now and then any JSON at all. */
const or = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: json });
/** Present about one time in `freq` (undefined disappears on the way through JSON). */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, freq = 3) => fc.option(or(arbitrary), { nil: undefined, freq });
/** An object with `fields` (their values may be undefined, so absent) and now and then a random or dangerous extra key. */
const shaped = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.tuple(fc.record(fields), fc.option(fc.dictionary(key, json, { maxKeys: 2 }), { nil: {}, freq: 2 })).map(([known, extra]) => ({ ...extra, ...known }));

const id = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('score', 'reason', 'a', 'b', 'c') },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'end', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
);
const label = fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 1, arbitrary: fc.constantFrom('<img src=x onerror=alert(1)>', ' ', '') });
const question = shaped({
  id: or(id),
  type: or(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...QUESTION_TYPES) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) })),
  text: or(label),
  optional: sometimes(fc.boolean()),
  if: sometimes(shaped({ question: or(id), lte: sometimes(fc.integer()), answered: sometimes(fc.boolean()) }), 8),
  next: sometimes(id, 8),
  scale: sometimes(fc.constantFrom(3, 5, 7, 10, 4)),
  style: sometimes(fc.constantFrom('stars', 'emoji', 'numbers')),
  labels: sometimes(fc.array(label, { minLength: 5, maxLength: 7 }), 6),
  options: or(fc.uniqueArray(fc.oneof(label, shaped({ id: or(id), label: or(label) })), { minLength: 2, maxLength: 6, selector: (o) => JSON.stringify(o) })),
  multiple: sometimes(fc.boolean()),
  other: sometimes(fc.boolean()),
  min: sometimes(fc.integer({ min: -1, max: 8 }), 6),
  max: sometimes(fc.integer({ min: -1, max: 8 }), 6),
  maxLength: sometimes(fc.integer({ min: -1, max: 20_000 })),
});
const trigger: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  trigger: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    shaped({ event: or(fc.string({ minLength: 1, maxLength: 10 })), where: sometimes(fc.dictionary(key, json, { maxKeys: 2 }), 4) }),
    shaped({ url: or(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom({ regex: '^/a' }, { regex: '(' }, { glob: '/x/*' }, { contains: '' }))) }),
    fc.oneof(
      shaped({ scroll: or(fc.integer({ min: 0, max: 120 })) }),
      shaped({ delay: or(fc.double({ min: -1, max: 100, noNaN: true })) }),
      shaped({ exitIntent: or(fc.constant(true)) }),
      shaped({ selector: or(fc.constantFrom('#a', '[[', '.b > c')) }),
    ),
    shaped({ all: or(fc.array(tie('trigger'), { minLength: 1, maxLength: 3 })) }),
    shaped({ any: or(fc.array(tie('trigger'), { minLength: 1, maxLength: 3 })) }),
  ),
})).trigger;
const survey = shaped({
  id: or(id),
  questions: or(fc.array(question, { minLength: 1, maxLength: 3 })),
  trigger: sometimes(trigger, 2),
  display: sometimes(fc.constantFrom('popover', 'modal', 'inline', 'tab', 'toString')),
  position: sometimes(fc.constantFrom('bottom-left', 'center')),
  target: sometimes(fc.constantFrom('#feedback', '[[')),
  closeButton: sometimes(fc.boolean()),
  thanks: sometimes(
    fc.oneof(
      label,
      shaped({ text: sometimes(label), link: sometimes(shaped({ label: or(label), url: or(fc.constantFrom('https://x.example', '/help', 'javascript:alert(1)')) })) }),
    ),
  ),
  audience: sometimes(shaped({ traits: sometimes(fc.dictionary(key, json, { maxKeys: 3 })), device: sometimes(fc.constantFrom('mobile', 'toaster')) }), 6),
  sample: sometimes(fc.double({ min: 0, max: 1.5, noNaN: true })),
  startsAt: sometimes(fc.constantFrom('2026-01-01', 'yesterday'), 6),
  endsAt: sometimes(fc.constantFrom('2025-01-01', '2099-01-01'), 6),
  recontactDays: sometimes(fc.integer({ min: -1, max: 4000 })),
  priority: sometimes(fc.integer()),
});
const config = shaped({
  endpoint: or(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('/api/earshot', 'https://c.example/e', 'http://localhost:1/e') },
      { weight: 1, arbitrary: fc.constantFrom('http://c.example/e', '//x.example', '', 'javascript:x') },
      { weight: 1, arbitrary: fc.string() },
    ),
  ),
  surveys: sometimes(fc.array(survey, { maxLength: 3 }), 6),
  surveysUrl: sometimes(fc.constantFrom('/surveys.json', 'ftp://x')),
  cooldownDays: sometimes(fc.integer({ min: -1, max: 4000 })),
  user: sometimes(shaped({ id: or(fc.string({ minLength: 1 })), traits: sometimes(fc.dictionary(key, fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 4 })) })),
  locale: sometimes(fc.constantFrom('en', 'ar', 'toString', '')),
  debug: sometimes(fc.constant(false)),
  styleNonce: sometimes(fc.string()),
});

/** What `init` did with `input`: 'accepted', or the problems it threw. */
function initWith(input: unknown): 'accepted' | readonly string[] {
  try {
    init(input as never);
    return 'accepted';
  } catch (error) {
    // Anything but an EarshotConfigError fails the property, with the input that caused it.
    if (!(error instanceof EarshotConfigError)) throw error;
    return error.problems;
  } finally {
    destroy();
  }
}

function holds(input: unknown): void {
  // Through JSON text, as a definition file would arrive: `__proto__` keys are then own keys.
  const parsed = JSON.parse(JSON.stringify(input) ?? 'null');
  const started = performance.now();
  const outcome = initWith(parsed);
  expect(performance.now() - started).toBeLessThan(1000);
  if (outcome !== 'accepted') {
    expect(outcome.length).toBeGreaterThan(0);
    for (const problem of outcome) expect(problem).toMatch(PATH);
  }
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTOTYPE_NAMES);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

describe('init with random JSON', () => {
  beforeAll(() => {
    // Accepted configs may name a surveysUrl; no request leaves the test.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it(
    'accepts it or throws EarshotConfigError with paths (any JSON value)',
    () => {
      fc.assert(fc.property(json, holds), { numRuns: RUNS });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'accepts it or throws EarshotConfigError with paths (configs close to valid ones, with dangerous keys)',
    () => {
      fc.assert(fc.property(config, holds), { numRuns: RUNS });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('accepts some of the generated configs, so the property reaches past the first check', () => {
    const outcomes = fc.sample(config, { numRuns: 300, seed: 7 }).map((input) => initWith(JSON.parse(JSON.stringify(input))));
    expect(outcomes.filter((outcome) => outcome === 'accepted').length).toBeGreaterThan(10);
  });
});
