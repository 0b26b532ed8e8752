// What the builder's fields write into the definition: values typed as text become the JSON a
// product person meant, and a definition loaded into the form comes out unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionsOf, rowsOf } from '../../../src/builder/model/condition-rows';
import { getIn, pathText, setIn } from '../../../src/builder/model/paths';
import { previewedSurvey } from '../../../src/builder/model/previewed-survey';
import { changeType, moveQuestion, newQuestion, renameReferences } from '../../../src/builder/model/questions';
import { readDefinition } from '../../../src/builder/model/read-definition';
import { formatList, formatValue, parseList, parseNumber, parseValue, readOperand, showOperand } from '../../../src/builder/model/values';
import type { ChoiceQuestion, Conditions, Question } from '../../../src/core/types';

describe('values typed into fields', () => {
  it('read numbers, true, false and null as such, and text as text', () => {
    expect([parseValue('42'), parseValue(' 1.5 '), parseValue('true'), parseValue('null'), parseValue('pro')]).toEqual([42, 1.5, true, null, 'pro']);
  });

  it('keep text that looks like a number when quoted, and show it quoted', () => {
    expect(parseValue('"42"')).toBe('42');
    expect(formatValue('42')).toBe('"42"');
    expect(formatValue('pro')).toBe('pro');
  });

  it('come back as the same value after being shown (any scalar)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), (value) => {
        // -0 is shown as 0, the same number for JSON.
        expect(parseValue(formatValue(value))).toEqual(Object.is(value, -0) ? 0 : value);
      }),
    );
  });

  it('read a list separated by commas, or as JSON when an item has a comma', () => {
    expect(parseList('a, b , 3')).toEqual(['a', 'b', 3]);
    expect(parseList(formatList(['a, b', 'c']))).toEqual(['a, b', 'c']);
    expect(formatList([1, 2])).toBe('1, 2');
  });

  it('read an empty number field as no value, and keep text that is no number for the validator to name', () => {
    expect([parseNumber(''), parseNumber('0.25'), parseNumber('ten')]).toEqual([undefined, 0.25, 'ten']);
  });

  it('give a branching rule numbers for a scale, and text as typed for a choice or text answer', () => {
    expect(readOperand('lte', '6', true)).toBe(6);
    expect(readOperand('eq', '42', false)).toBe('42');
    expect(readOperand('in', '0, 1', true)).toEqual([0, 1]);
    expect(readOperand('in', 'Search, A friend', false)).toEqual(['Search', 'A friend']);
    expect(readOperand('answered', 'false', false)).toBe(false);
    expect(readOperand('gt', '', false)).toBe('');
    expect(showOperand(['Search', 'A friend'])).toBe('Search, A friend');
  });
});

describe('condition rows', () => {
  const conditions: Conditions = { plan: 'pro', code: '42', coupon: null, seats: { gt: 1, lte: 50 }, tier: { in: ['a', 'b'] }, vip: { exists: true } };

  it('are one per operator, and give back the same conditions', () => {
    const rows = rowsOf(conditions);
    expect(rows).toContainEqual({ name: 'seats', operator: 'gt', value: '1' });
    expect(rows).toContainEqual({ name: 'seats', operator: 'lte', value: '50' });
    expect(rows).toContainEqual({ name: 'code', operator: 'is', value: '"42"' });
    expect(conditionsOf(rows)).toEqual(conditions);
  });

  it('leave out a row until it has a name, and make a bare value eq beside other operators', () => {
    expect(conditionsOf([{ name: '', operator: 'is', value: 'x' }])).toEqual({});
    expect(
      conditionsOf([
        { name: 'n', operator: 'is', value: '3' },
        { name: 'n', operator: 'lt', value: '9' },
      ]),
    ).toEqual({ n: { eq: 3, lt: 9 } });
  });
});

describe('paths', () => {
  it('are written as the validator writes them', () => {
    expect(pathText(['questions', 1, 'options', 0, 'label'])).toBe('questions[1].options[0].label');
  });

  it('set a value in a copy, making the parts on the way, leaving the original alone', () => {
    const original = { id: 's', questions: [{ id: 'q' }] };
    const changed = setIn(original, ['questions', 0, 'if', 'question'], 'x');
    expect(getIn(changed, ['questions', 0, 'if'])).toEqual({ question: 'x' });
    expect(original).toEqual({ id: 's', questions: [{ id: 'q' }] });
  });

  it('remove a part whose last field was removed, so no empty object is left in the JSON', () => {
    const survey = { id: 's', trigger: { event: 'a', where: { total: 3 } } };
    expect(setIn(survey, ['trigger', 'where', 'total'], undefined)).toEqual({ id: 's', trigger: { event: 'a' } });
  });
});

describe('questions', () => {
  const questions: Question[] = [
    { id: 'score', type: 'nps', text: 'How likely?' },
    { id: 'why', type: 'text', text: 'Why?', if: { question: 'score', lte: 6 }, next: 'end' },
    { id: 'more', type: 'thumbs', text: 'More?', if: { question: 'why', answered: true } },
  ];

  it('get the first free id q1, q2, …', () => {
    expect(newQuestion('text', ['q1', 'score']).id).toBe('q2');
    expect((newQuestion('choice', []) as ChoiceQuestion).options).toHaveLength(2);
  });

  it('keep id, text, rule and jump when their kind changes, and drop what the old kind had', () => {
    expect(changeType({ id: 'q', type: 'rating', text: 'Rate', scale: 7, optional: true, if: { question: 'a', eq: 1 } }, 'text')).toEqual({
      id: 'q',
      type: 'text',
      text: 'Rate',
      optional: true,
      if: { question: 'a', eq: 1 },
    });
  });

  it('move within the list', () => {
    expect(moveQuestion(questions, 2, 0).map(({ id }) => id)).toEqual(['more', 'score', 'why']);
  });

  it('keep their branches when a question is renamed', () => {
    const renamed = renameReferences(questions, 'score', 'nps');
    expect(renamed[1].if).toEqual({ question: 'nps', lte: 6 });
    expect(renameReferences(questions, 'why', 'reason')[2].if).toEqual({ question: 'reason', answered: true });
  });
});

describe('reading a file or pasted text', () => {
  const survey = { id: 's', questions: [{ id: 'q', type: 'thumbs', text: '?' }] };

  it('takes one survey, alone, in a list, or in { "surveys": [...] }', () => {
    for (const text of [survey, [survey], { surveys: [survey] }].map((data) => JSON.stringify(data))) expect(readDefinition(text)).toEqual({ definition: survey });
  });

  it('says what is wrong: not JSON, several surveys, not a survey, or the problems init would report', () => {
    expect(readDefinition('{ "id": ')).toMatchObject({ error: expect.stringContaining('This is not valid JSON') });
    expect(readDefinition(JSON.stringify([survey, survey]))).toMatchObject({ error: expect.stringContaining('This file holds 2 surveys') });
    expect(readDefinition('"nps"')).toMatchObject({ error: expect.stringContaining('expected an object with "id" and "questions"') });
    expect(readDefinition(JSON.stringify({ id: 's', questions: [] }))).toEqual({
      error: 'This survey has a problem; nothing was loaded.',
      problems: ['questions: expected a list of 1 to 50 questions (got [])'],
    });
  });
});

describe('what the preview shows', () => {
  it('is the survey inline, its template expanded and its texts in its language', () => {
    const { survey, locale } = previewedSurvey({
      id: 's',
      template: 'csat',
      display: 'modal',
      language: 'fr',
      questions: [{ id: 'q', type: 'text', text: { en: 'Why?', fr: 'Pourquoi ?' } }],
    });
    expect(locale).toBe('fr');
    expect(survey.display).toBe('inline');
    expect(survey.questions.map(({ id, text }) => [id, text])).toEqual([
      ['csat', 'Overall, how satisfied are you with us?'],
      ['q', 'Pourquoi ?'],
    ]);
  });
});
