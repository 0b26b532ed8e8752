import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/definition/validate.js';
import { EarshotConfigError, init } from '../../../src/index.js';

/** The survey of docs/architecture.md §2, as a product team would paste it. */
function designExample() {
  return {
    id: 'post-checkout-nps',
    trigger: { event: 'checkout_completed' },
    display: 'popover',
    questions: [
      { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
      { id: 'reason', type: 'text', text: 'What is the main reason for your score?', optional: true },
    ],
    thanks: 'Thank you — this helps us improve.',
  };
}

/** A config whose first survey's questions are `questions` (and otherwise valid). */
function withQuestions(questions: unknown[]) {
  return { endpoint: '/api/earshot', surveys: [{ ...designExample(), questions }] };
}

const score = { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' };
const reasonIf = (rule: unknown) => ({ id: 'reason', type: 'text', text: 'Why?', if: rule });

describe('validateConfig', () => {
  describe('accepts a correct config', () => {
    it('gives no problems and no warnings for the docs/architecture.md example', () => {
      const result = validateConfig({ endpoint: '/api/earshot', surveys: [designExample()] });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.config?.surveys).toEqual([designExample()]);
    });

    it("fills the locale from the browser's language and debug with false", () => {
      const { config } = validateConfig({ endpoint: '/api/earshot', surveys: [designExample()] });
      expect(config?.locale).toBe(navigator.language);
      expect(config?.debug).toBe(false);
    });

    it('keeps a locale that was given', () => {
      expect(validateConfig({ endpoint: '/api/earshot', locale: 'fr-CA' }).config?.locale).toBe('fr-CA');
    });

    it('accepts an absolute https endpoint and a config without surveys', () => {
      const result = validateConfig({ endpoint: 'https://collect.example/earshot' });
      expect(result.problems).toEqual([]);
      expect(result.config?.surveys).toEqual([]);
    });

    it('is not affected by later changes to the objects the host passed in', () => {
      const input = { endpoint: '/api/earshot', surveys: [designExample()], user: { id: 'u_42' } };
      const { config } = validateConfig(input);
      input.surveys[0].questions[0].text = 'changed';
      input.user.id = 'someone else';
      expect(config?.surveys[0].questions[0].text).toBe('How likely are you to recommend us to a friend?');
      expect(config?.user?.id).toBe('u_42');
    });

    it('accepts every rule operator with an operand of the right type', () => {
      const rules = [{ eq: 9 }, { neq: 'x' }, { lt: 7 }, { lte: 6 }, { gt: 8 }, { gte: 9 }, { in: [0, 1, 2] }, { answered: false }];
      for (const rule of rules) {
        expect(validateConfig(withQuestions([score, reasonIf({ question: 'score', ...rule })])).problems).toEqual([]);
      }
    });
  });

  describe('unknown keys', () => {
    it('are warnings with their path, not problems', () => {
      const survey = { ...designExample(), questions: [{ ...score, label: 'x' }] };
      const result = validateConfig({ endpoint: '/api/earshot', sureys: [], surveys: [survey] });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual(['sureys: unknown key, ignored', 'surveys[0].questions[0].label: unknown key, ignored']);
      expect(result.config).toBeDefined();
    });

    it('include a field that belongs to another question kind', () => {
      const result = validateConfig(withQuestions([{ ...score, maxLength: 100 }]));
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual(['surveys[0].questions[0].maxLength: unknown key, ignored']);
    });
  });

  describe('reports each mistake with its exact path', () => {
    it('a config that is not an object', () => {
      expect(validateConfig(null).problems).toEqual(['config: expected an object (got null)']);
      expect(validateConfig('/api').problems).toEqual(['config: expected an object (got "/api")']);
    });

    it('a missing endpoint', () => {
      const result = validateConfig({ surveys: [] });
      expect(result.problems).toEqual(['endpoint: is required']);
      expect(result.config).toBeUndefined();
    });

    it.each(['ftp://files.example/earshot', 'javascript:alert(1)', 'http://'])('a non-http endpoint (%s)', (endpoint) => {
      expect(validateConfig({ endpoint }).problems).toEqual([`endpoint: expected a relative path, an https: URL, or http: on localhost (got ${JSON.stringify(endpoint)})`]);
    });

    it('an empty or blank endpoint, which would otherwise post answers to the page itself', () => {
      for (const endpoint of ['', '   ']) {
        const result = validateConfig({ endpoint });
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]).toMatch(/^endpoint: /);
        expect(result.config).toBeUndefined();
      }
    });

    it('an endpoint that is not a string', () => {
      expect(validateConfig({ endpoint: 42 }).problems).toEqual(['endpoint: expected a relative path, an https: URL, or http: on localhost (got 42)']);
    });

    it('an unknown question type, listing the known ones', () => {
      const result = validateConfig(withQuestions([score, { id: 'stars', type: 'ratng', text: 'Rate us' }]));
      expect(result.problems).toEqual(['surveys[0].questions[1].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")']);
    });

    it('missing question fields', () => {
      expect(validateConfig(withQuestions([{ id: 'score' }])).problems).toEqual(['surveys[0].questions[0].type: is required', 'surveys[0].questions[0].text: is required']);
    });

    it('a survey without questions', () => {
      const config = { endpoint: '/api/earshot', surveys: [{ id: 'empty', questions: [] }] };
      expect(validateConfig(config).problems).toEqual(['surveys[0].questions: expected a list of 1 to 50 questions (got [])']);
    });

    it('duplicate survey ids', () => {
      const config = { endpoint: '/api/earshot', surveys: [designExample(), { ...designExample(), trigger: { event: 'other' } }] };
      expect(validateConfig(config).problems).toEqual(['surveys[1].id: duplicate survey id "post-checkout-nps"']);
    });

    it('duplicate question ids', () => {
      expect(validateConfig(withQuestions([score, { id: 'score', type: 'text', text: 'Why?' }])).problems).toEqual(['surveys[0].questions[1].id: duplicate question id "score"']);
    });

    it('an id with spaces', () => {
      expect(validateConfig(withQuestions([{ ...score, id: 'my score' }])).problems).toEqual([
        'surveys[0].questions[0].id: expected 1–64 letters, digits or _ . : - starting with a letter or digit (got "my score")',
      ]);
    });

    it('optional given as a string', () => {
      expect(validateConfig(withQuestions([{ ...score, optional: 'yes' }])).problems).toEqual(['surveys[0].questions[0].optional: expected true or false (got "yes")']);
    });

    it('a maxLength of 0', () => {
      expect(validateConfig(withQuestions([score, { id: 'reason', type: 'text', text: 'Why?', maxLength: 0 }])).problems).toEqual([
        'surveys[0].questions[1].maxLength: expected a whole number from 1 to 10000 (got 0)',
      ]);
    });

    it('a thank-you text that is a number', () => {
      const config = { endpoint: '/api/earshot', surveys: [{ ...designExample(), thanks: 5 }] };
      expect(validateConfig(config).problems).toEqual(['surveys[0].thanks: expected a text, or { "text", "link": { "label", "url" } } (got 5)']);
    });

    it('a blank question text', () => {
      expect(validateConfig(withQuestions([{ ...score, text: '   ' }])).problems).toEqual([
        'surveys[0].questions[0].text: expected a non-empty string of at most 2000 characters (got "   ")',
      ]);
    });

    it('a trigger of no known kind', () => {
      const config = { endpoint: '/api/earshot', surveys: [{ ...designExample(), trigger: { name: 'checkout_completed' } }] };
      expect(validateConfig(config).problems).toEqual([
        'surveys[0].trigger: expected one of event, url, selector, scroll, exitIntent, delay, all, any (combine several with "all" or "any") (got {"name":"checkout_completed"})',
      ]);
    });

    it('a display mode this version does not have', () => {
      const config = { endpoint: '/api/earshot', surveys: [{ ...designExample(), display: 'sidebar' }] };
      expect(validateConfig(config).problems).toEqual(['surveys[0].display: expected one of popover, modal, inline, tab (got "sidebar")']);
    });

    it('a user trait that is an object', () => {
      const config = { endpoint: '/api/earshot', user: { id: 'u_42', traits: { plan: { name: 'pro' } } } };
      expect(validateConfig(config).problems).toEqual(['user.traits.plan: expected a string, number, boolean or null (got {"name":"pro"})']);
    });

    it('a debug flag given as a string', () => {
      expect(validateConfig({ endpoint: '/api/earshot', debug: 'true' }).problems).toEqual(['debug: expected true or false (got "true")']);
    });
  });

  describe('answer rules (`if`)', () => {
    const problemsOf = (rule: unknown) => validateConfig(withQuestions([score, reasonIf(rule)])).problems;

    it('refer to an unknown question', () => {
      expect(problemsOf({ question: 'nope', lte: 6 })).toEqual(['surveys[0].questions[1].if.question: expected the id of an earlier question in this survey (got "nope")']);
    });

    it('refer to a later question', () => {
      const problems = validateConfig(
        withQuestions([
          { ...score, if: { question: 'reason', answered: true } },
          { id: 'reason', type: 'text', text: 'Why?' },
        ]),
      ).problems;
      expect(problems).toEqual(['surveys[0].questions[0].if.question: expected the id of an earlier question in this survey (got "reason")']);
    });

    it('refer to their own question', () => {
      expect(problemsOf({ question: 'reason', answered: true })).toEqual([
        'surveys[0].questions[1].if.question: expected the id of an earlier question in this survey (got "reason")',
      ]);
    });

    it('have two operators', () => {
      expect(problemsOf({ question: 'score', lte: 6, gte: 2 })).toEqual(['surveys[0].questions[1].if: expected "question" and one of eq, neq, lt, lte, gt, gte, in, answered']);
    });

    it('have no operator or an unknown one', () => {
      const expected = ['surveys[0].questions[1].if: expected "question" and one of eq, neq, lt, lte, gt, gte, in, answered'];
      expect(problemsOf({ question: 'score' })).toEqual(expected);
      expect(problemsOf({ question: 'score', below: 6 })).toEqual(expected);
    });

    it('compare with a number given as a string', () => {
      expect(problemsOf({ question: 'score', lte: '6' })).toEqual(['surveys[0].questions[1].if.lte: expected a number (got "6")']);
    });

    it('have an empty `in` list', () => {
      expect(problemsOf({ question: 'score', in: [] })).toEqual(['surveys[0].questions[1].if.in: expected a non-empty list of values (got [])']);
    });

    it('test `answered` with something other than true or false', () => {
      expect(problemsOf({ question: 'score', answered: 'yes' })).toEqual(['surveys[0].questions[1].if.answered: expected true or false (got "yes")']);
    });

    it('compare equality with an object', () => {
      expect(problemsOf({ question: 'score', eq: { value: 9 } })).toEqual(['surveys[0].questions[1].if.eq: expected a string, number or boolean (got {"value":9})']);
    });

    it('are not objects', () => {
      expect(problemsOf('score <= 6')).toEqual(['surveys[0].questions[1].if: expected a rule like { "question": "score", "lte": 6 } (got "score <= 6")']);
    });
  });

  it('reports several problems together in one result', () => {
    const result = validateConfig({
      endpoint: 'ftp://files.example',
      surveys: [
        { ...designExample(), thanks: 5 },
        {
          id: 'post-checkout-nps',
          questions: [
            { id: 'q', type: 'ratng', text: 'Rate us' },
            { id: 'q', type: 'text', text: 'Why?', optional: 'yes' },
          ],
        },
      ],
    });
    expect(result.problems).toEqual([
      'endpoint: expected a relative path, an https: URL, or http: on localhost (got "ftp://files.example")',
      'surveys[0].thanks: expected a text, or { "text", "link": { "label", "url" } } (got 5)',
      'surveys[1].questions[0].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")',
      'surveys[1].questions[1].optional: expected true or false (got "yes")',
      'surveys[1].questions[1].id: duplicate question id "q"',
      'surveys[1].id: duplicate survey id "post-checkout-nps"',
    ]);
    expect(result.config).toBeUndefined();
  });
});

describe('init with a bad config', () => {
  const bad = {
    surveys: [{ ...designExample(), questions: [score, { id: 'stars', type: 'ratng', text: 'Rate us' }], thanks: 5 }],
  };

  /** The error `init` throws for `config`; fails the test when it throws nothing. */
  function initError(config: unknown): EarshotConfigError {
    try {
      init(config as never);
    } catch (error) {
      return error as EarshotConfigError;
    }
    throw new Error('init did not throw');
  }

  it('throws an EarshotConfigError whose problems list every mistake', () => {
    const error = initError(bad);
    expect(error).toBeInstanceOf(EarshotConfigError);
    expect(error.name).toBe('EarshotConfigError');
    expect(error.problems).toEqual([
      'endpoint: is required',
      'surveys[0].questions[1].type: expected one of nps, rating, csat, ces, thumbs, choice, text, matrix, ranking, slider, cta (got "ratng")',
      'surveys[0].thanks: expected a text, or { "text", "link": { "label", "url" } } (got 5)',
    ]);
  });

  it('says how many problems there are and quotes each in its message', () => {
    const error = initError(bad);
    expect(error.message).toMatch(/^Earshot config has 3 problems:/);
    expect(error.problems).toHaveLength(3);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('says "1 problem" for a single mistake', () => {
    expect(initError({}).message).toBe('Earshot config has 1 problem:\n- endpoint: is required');
  });

  it('throws for a config that is missing altogether', () => {
    expect(() => init(undefined as never)).toThrow(EarshotConfigError);
  });
});

describe('validateConfig: question kinds, jumps, display and thank-you', () => {
  const problemsOf = (questions: unknown[]) => validateConfig(withQuestions(questions)).problems;
  const surveyProblems = (fields: Record<string, unknown>) => validateConfig({ endpoint: '/api/earshot', surveys: [{ ...designExample(), ...fields }] }).problems;

  it('accepts every question kind with its own fields', () => {
    expect(
      problemsOf([
        { id: 'nps', type: 'nps', text: 'Recommend?', lowLabel: 'Never', highLabel: 'Surely' },
        { id: 'stars', type: 'rating', text: 'Rate', scale: 10, style: 'stars', lowLabel: 'Bad', highLabel: 'Great' },
        { id: 'mood', type: 'rating', text: 'Mood', scale: 3, style: 'emoji' },
        { id: 'csat', type: 'csat', text: 'Satisfied?', labels: ['1', '2', '3', '4', '5'] },
        { id: 'ces', type: 'ces', text: 'Easy?' },
        { id: 'thumbs', type: 'thumbs', text: 'Helpful?' },
        {
          id: 'found',
          type: 'choice',
          text: 'How did you find us?',
          options: ['Search', { id: 'ad', label: 'An ad' }],
          multiple: true,
          other: true,
          shuffle: true,
          min: 1,
          max: 3,
        },
      ]),
    ).toEqual([]);
  });

  it('reports kind-specific mistakes with their paths', () => {
    expect(
      problemsOf([
        { id: 'a', type: 'rating', text: 'Rate', scale: 7, style: 'emoji' },
        { id: 'b', type: 'rating', text: 'Rate', scale: 4 },
        { id: 'c', type: 'csat', text: 'Satisfied?', labels: ['Bad', 'Good'] },
        { id: 'd', type: 'choice', text: 'Pick' },
        { id: 'e', type: 'choice', text: 'Pick', options: ['Only one'] },
        { id: 'f', type: 'choice', text: 'Pick', options: ['A', 'A', { id: 'bad id', label: 'B' }] },
        { id: 'g', type: 'choice', text: 'Pick', options: ['A', 'B'], multiple: true, min: 2, max: 1 },
        { id: 'h', type: 'choice', text: 'Pick', options: ['A', 'B'], multiple: true, max: 3 },
        { id: 'i', type: 'choice', text: 'Pick', options: ['A', 'B'], min: 1 },
      ]),
    ).toEqual([
      'surveys[0].questions[0].style: "emoji" exists for scales of 3 and 5 only (got 7)',
      'surveys[0].questions[1].scale: expected one of 3, 5, 7, 10 (got 4)',
      'surveys[0].questions[2].labels: expected a list of 5 labels, lowest first (got ["Bad","Good"])',
      'surveys[0].questions[3].options: is required',
      'surveys[0].questions[4].options: expected a list of 2 to 30 options (got ["Only one"])',
      'surveys[0].questions[5].options[1]: duplicate option "A"',
      'surveys[0].questions[5].options[2].id: expected 1–64 letters, digits or _ . : - starting with a letter or digit (got "bad id")',
      'surveys[0].questions[6].min: expected at most "max" (1) (got 2)',
      'surveys[0].questions[7].max: expected at most the number of options (2) (got 3)',
      'surveys[0].questions[8].min: applies only with "multiple": true',
    ]);
  });

  it('accepts jumps forward and to the end, and refuses jumps backward or to unknown ids (no loops)', () => {
    const q = (id: string, next?: string) => ({ id, type: 'text', text: id, ...(next && { next }) });
    expect(problemsOf([q('a', 'c'), q('b'), q('c', 'end')])).toEqual([]);
    expect(problemsOf([q('a'), q('b', 'a'), q('c', 'nowhere'), q('d', 'd')])).toEqual([
      'surveys[0].questions[1].next: expected "end" or the id of a later question in this survey (got "a")',
      'surveys[0].questions[2].next: expected "end" or the id of a later question in this survey (got "nowhere")',
      'surveys[0].questions[3].next: expected "end" or the id of a later question in this survey (got "d")',
    ]);
  });

  it('accepts every display mode and position', () => {
    for (const position of ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'center']) expect(surveyProblems({ position })).toEqual([]);
    for (const display of ['popover', 'modal', 'tab']) expect(surveyProblems({ display })).toEqual([]);
    expect(surveyProblems({ display: 'inline', target: '#feedback', closeButton: true, autoAdvance: true })).toEqual([]);
  });

  it('requires a valid target for inline surveys', () => {
    expect(surveyProblems({ display: 'inline' })).toEqual(['surveys[0].target: is required for "display": "inline"']);
    expect(surveyProblems({ display: 'inline', target: 'div[' })).toEqual(['surveys[0].target: expected a CSS selector of at most 500 characters (got "div[")']);
    expect(surveyProblems({ position: 'middle' })).toEqual(['surveys[0].position: expected one of bottom-right, bottom-left, top-right, top-left, center (got "middle")']);
  });

  it('accepts a thank-you step with an http(s) link and refuses other link schemes', () => {
    expect(surveyProblems({ thanks: { text: 'Thanks!', link: { label: 'Changelog', url: 'https://shop.example/changes' } } })).toEqual([]);
    expect(surveyProblems({ thanks: { link: { label: 'Run', url: 'javascript:alert(1)' } } })).toEqual([
      'surveys[0].thanks.link.url: expected an http(s) URL, absolute or relative to the page (got "javascript:alert(1)")',
    ]);
    expect(surveyProblems({ thanks: { link: { url: 'https://shop.example' } } })).toEqual(['surveys[0].thanks.link.label: is required']);
  });
});
