// Both JSON Schemas are written by hand (they are read by people and editors); this holds them to
// the SDK's table of question kinds, so a kind added there and forgotten here fails a test.
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, QUESTION_TYPES } from '../../src/core/definition/question-kinds.js';
import type { QuestionType } from '../../src/core/types.js';
import batchSchema from '../../src/schema/batch.schema.json' with { type: 'json' };
import surveySchema from '../../src/schema/survey.schema.json' with { type: 'json' };

interface KindRule {
  if: { properties: { type: { const: string } } & Record<string, unknown>; required: string[] };
  then: { properties?: Record<string, unknown>; required?: string[] };
  not?: unknown;
}

const surveyQuestion = surveySchema.$defs.question as unknown as { properties: { type: { enum: string[] } }; allOf: KindRule[] };
const batchQuestion = batchSchema.$defs.question as unknown as { properties: Record<string, unknown> & { type: { enum: string[] } } };

/** The survey schema's rule for one kind on its own (not the rules that also test another field). */
const ruleOf = (type: QuestionType) =>
  surveyQuestion.allOf.filter((rule) => rule.if.properties.type.const === type && Object.keys(rule.if.properties).length === 1 && !rule.not && rule.then.properties);

describe('the JSON Schemas and the table of question kinds', () => {
  it('name the same kinds', () => {
    expect([...surveyQuestion.properties.type.enum].sort()).toEqual([...QUESTION_TYPES].sort());
    expect([...batchQuestion.properties.type.enum].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it.each(QUESTION_TYPES)('survey.schema.json gives %s the fields of its row, and requires what it requires', (type) => {
    const rules = ruleOf(type);
    expect(rules, `one rule for "${type}" alone`).toHaveLength(1);
    const [{ then }] = rules;
    const kind = QUESTION_KINDS[type];
    expect(Object.keys(then.properties ?? {}).sort()).toEqual(Object.keys(kind.fields).sort());
    expect(then.required ?? []).toEqual(kind.required ?? []);
  });

  it.each(QUESTION_TYPES)('batch.schema.json describes what a response says of a %s question', (type) => {
    const kind = QUESTION_KINDS[type];
    // The fields some kinds require, for those that describe them.
    const question = { id: 'q', type, text: 'Q', rows: [{ id: 'r', label: 'R' }], columns: [{ value: 1, label: 'C' }], options: ['A'], min: 0, max: 1, format: 'email' };
    const described = kind.record?.(question as never) ?? {};
    for (const field of Object.keys(described)) expect(batchQuestion.properties, `questions[].${field}`).toHaveProperty(field);
  });
});
