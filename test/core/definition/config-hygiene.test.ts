// What `init` does with configs a hostile or careless page can pass: keys that reach prototypes,
// data JSON cannot copy, names every object has, insecure endpoints.
import { afterEach, describe, expect, it } from 'vitest';
import { toData } from '../../../src/core/definition/checks.js';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';
import { destroy, EarshotConfigError, init } from '../../../src/index.js';

const survey = (questions: unknown[] = [{ id: 'score', type: 'nps', text: 'How likely?' }]) => ({ id: 'nps', questions });

const UNSAFE_JSON = `{
  "endpoint": "/api/earshot",
  "__proto__": { "polluted": "config" },
  "constructor": { "prototype": { "polluted": "constructor" } },
  "surveys": [{
    "id": "nps", "__proto__": { "polluted": "survey" }, "prototype": { "polluted": "survey" },
    "questions": [{ "id": "score", "type": "nps", "text": "How likely?", "__proto__": { "polluted": "question" } }]
  }],
  "user": { "id": "u_42", "traits": { "plan": "pro", "__proto__": { "polluted": "traits" }, "constructor": "x" } }
}`;

afterEach(() => destroy());

describe('__proto__, constructor and prototype keys', () => {
  it('are dropped at every depth, and nothing reaches Object.prototype', () => {
    const result = validateWholeConfig(JSON.parse(UNSAFE_JSON));
    expect(result.problems).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const { config } = result;
    for (const object of [config, config!.surveys[0], config!.surveys[0].questions[0], config!.user, config!.user!.traits]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      for (const key of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(object!, key)).toBe(false);
    }
    expect(config!.user!.traits).toEqual({ plan: 'pro' });
  });

  it('do not pollute through init either', () => {
    init(JSON.parse(UNSAFE_JSON));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('are dropped from a copy made by toData, which keeps everything else', () => {
    const copy = toData(JSON.parse('{"a":[{"__proto__":1,"b":{"prototype":2,"c":3}}],"constructor":4}'));
    expect(copy).toEqual({ a: [{ b: { c: 3 } }] });
  });
});

describe('names every object has', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('are refused as question ids (%s), which would read as answered', (id) => {
    expect(validateWholeConfig({ endpoint: '/api', surveys: [survey([{ id, type: 'text', text: 'Why?' }])] }).problems).toEqual([
      `surveys[0].questions[0].id: is a name JavaScript reserves; choose another id (got "${id}")`,
    ]);
  });

  it.each(['toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'])('are not question types (%s)', (type) => {
    const { problems } = validateWholeConfig({ endpoint: '/api', surveys: [survey([{ id: 'q', type, text: 'Why?' }])] });
    expect(problems).toEqual([expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.type: expected one of nps, /)]);
  });

  it.each(['toString', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'])('are unknown keys like any other (%s), warned about in debug mode', (key) => {
    const result = validateWholeConfig({ endpoint: '/api', [key]: 1, surveys: [{ ...survey(), [key]: 'x' }] });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([`${key}: unknown key, ignored`, `surveys[0].${key}: unknown key, ignored`]);
  });
});

describe('input JSON cannot copy', () => {
  const cyclic: Record<string, unknown> = { endpoint: '/api' };
  cyclic.self = cyclic;
  const cases: Array<[string, unknown]> = [
    ['a cycle', cyclic],
    ['a BigInt', { endpoint: '/api', user: { id: 'u', traits: { seats: 10n } } }],
    [
      'a getter that throws',
      {
        endpoint: '/api',
        get surveys() {
          throw new Error('host bug');
        },
      },
    ],
  ];

  it.each(cases)('is one problem at "config" (%s), thrown by init as EarshotConfigError', (_, input) => {
    const { problems, config } = validateWholeConfig(input);
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^config: expected plain data that JSON can copy \(.+\)$/s)]);
    expect(() => init(input as never)).toThrow(EarshotConfigError);
  });

  it('drops functions and undefined values without complaint', () => {
    const result = validateWholeConfig({ endpoint: '/api', onReady: () => {}, locale: undefined });
    expect(result.problems).toEqual([]);
    expect(result.config).not.toHaveProperty('onReady');
  });
});

describe('endpoint and surveysUrl', () => {
  // Unit tests run on a page at http://localhost:3000/.
  it.each([
    '/api/earshot',
    'api/earshot',
    'https://collector.example/earshot',
    'http://localhost:8080/earshot',
    'http://127.0.0.1:5173/api/earshot',
    'http://[::1]:5173/api/earshot',
    'http://localhost:3000/api',
  ])('accept %s', (endpoint) => {
    expect(validateWholeConfig({ endpoint, surveysUrl: endpoint }).problems).toEqual([]);
  });

  it.each([
    'http://collector.example/earshot',
    '//collector.example/earshot',
    '/\\collector.example/earshot',
    'https://u:p@collector.example/',
    'ftp://collector.example/earshot',
    'data:text/plain,x',
    'javascript:alert(1)',
  ])('refuse %s, naming the path', (endpoint) => {
    expect(validateWholeConfig({ endpoint, surveysUrl: endpoint }).problems).toEqual([
      `endpoint: expected a relative path, an https: URL, or http: on localhost (got ${JSON.stringify(endpoint)})`,
      `surveysUrl: expected a relative path, an https: URL, or http: on localhost (got ${JSON.stringify(endpoint)})`,
    ]);
  });
});

describe('styleNonce', () => {
  it('is a string', () => {
    expect(validateWholeConfig({ endpoint: '/api', styleNonce: 'r4nd0m' }).problems).toEqual([]);
    expect(validateWholeConfig({ endpoint: '/api', styleNonce: 42 }).problems).toEqual(['styleNonce: expected a non-empty string of at most 200 characters (got 42)']);
  });
});
