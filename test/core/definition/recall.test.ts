// Recalled values in a survey's texts (docs/architecture.md §2): `{{context.plan}}`,
// `{{answers.score}}`, `{{user.traits.name}}`, with a fallback; what the validator says of them.
import { describe, expect, it } from 'vitest';
import { recall, recaller } from '../../../src/core/definition/recall.js';
import { validateConfig } from '../../../src/core/definition/validate.js';
import type { Survey } from '../../../src/core/types.js';

const values: Record<string, unknown> = { 'context.plan': 'pro', 'context.seats': 3, 'context.trial': false, 'user.id': 'u_42', 'user.traits.name': 'Ada', 'context.empty': '' };
const lookup = (path: string) => values[path];

describe('recall', () => {
  it('puts each value in as text', () => {
    expect(recall('Hi {{user.traits.name}}, how is the {{context.plan}} plan for {{context.seats}} seats?', lookup)).toBe('Hi Ada, how is the pro plan for 3 seats?');
    expect(recall('Trial: {{context.trial}}', lookup)).toBe('Trial: false');
  });

  it('uses the fallback after | when the value is missing, null or empty, and nothing without one', () => {
    expect(recall('How is {{context.team | your team}}?', lookup)).toBe('How is your team?');
    expect(recall('How is {{ context.empty |your plan }}?', lookup)).toBe('How is your plan?');
    expect(recall('How is {{context.team}} doing?', lookup)).toBe('How is  doing?');
    expect(recall('{{context.plan | your plan}}', lookup)).toBe('pro');
  });

  it('allows spaces inside the braces, and leaves single braces and texts without values alone', () => {
    expect(recall('{{  context.plan  }} {product} { } no value here', lookup)).toBe('pro {product} { } no value here');
  });

  it('never recalls a second time what a value put in', () => {
    expect(recall('{{context.plan}}', () => '{{user.id}}')).toBe('{{user.id}}');
  });
});

describe('recaller', () => {
  const survey: Survey = {
    id: 's',
    questions: [
      { id: 'plan', type: 'choice', text: 'Which plan?', options: [{ id: 'pro', label: 'Pro' }, 'Team'], other: true },
      { id: 'score', type: 'nps', text: 'How likely are you to recommend {{answers.plan | it}}, {{user.traits.name}}?' },
      { id: 'many', type: 'choice', multiple: true, other: true, text: 'Pick', options: ['A', { id: 'b', label: 'Bee' }] },
      { id: 'why', type: 'text', text: 'You gave {{answers.score}} and picked {{answers.many}}.', placeholder: 'On {{context.plan}}…' },
    ],
    thanks: { text: 'Thanks {{user.traits.name | friend}}!', link: { label: 'See {{context.plan}}', url: '/plans' } },
  };

  it('is absent for a survey that recalls nothing', () => {
    expect(recaller({ id: 's', questions: [{ id: 'q', type: 'thumbs', text: 'Helpful?' }] }, lookup)).toBeUndefined();
  });

  it('gives the texts for the answers so far: a choice by its label, Other by its text, a list joined', () => {
    const texts = recaller(survey, lookup)!;
    const before = texts({});
    expect(before.questions[1].text).toBe('How likely are you to recommend it, Ada?');
    expect(before.thanks).toEqual({ text: 'Thanks Ada!', link: { label: 'See pro', url: '/plans' } });
    const after = texts({ plan: 'pro', score: 9, many: ['A', 'b', { other: 'Sea' }] });
    expect(after.questions[1].text).toBe('How likely are you to recommend Pro, Ada?');
    expect(after.questions[3]).toMatchObject({ text: 'You gave 9 and picked A, Bee, Sea.', placeholder: 'On pro…' });
    expect(texts({ plan: { other: 'Enterprise' } }).questions[1].text).toBe('How likely are you to recommend Enterprise, Ada?');
    expect(texts({ plan: 'Team' }).questions[1].text).toBe('How likely are you to recommend Team, Ada?');
  });

  it('keeps a question object while its texts stay the same, so the UI does not start it over', () => {
    const texts = recaller(survey, lookup)!;
    const first = texts({});
    const second = texts({ plan: 'pro' });
    expect(second.questions[0]).toBe(first.questions[0]);
    expect(second.questions[1]).not.toBe(first.questions[1]);
    expect(texts({ plan: 'pro', score: 3 }).questions[1]).toBe(second.questions[1]);
  });

  it('reads only answers of this survey, never what every object has', () => {
    const texts = recaller({ id: 's', questions: [{ id: 'q', type: 'text', text: '{{answers.constructor | none}}' }] }, lookup)!;
    expect(texts({}).questions[0].text).toBe('none');
  });
});

describe('what the validator says of recalled values', () => {
  const problemsOf = (survey: Record<string, unknown>) => validateConfig({ endpoint: '/api/earshot', surveys: [{ id: 's', ...survey }] }).problems;
  const q = (id: string, text: string, more: Record<string, unknown> = {}) => ({ id, type: 'text', text, ...more });

  it('accepts context, user and earlier answers, with or without a fallback, in texts, labels and the thank-you step', () => {
    expect(
      problemsOf({
        questions: [
          { id: 'score', type: 'nps', text: 'Hi {{user.traits.firstName}} ({{user.id}}), how likely on {{ context.plan | your plan }}?', lowLabel: '{{context.low}}' },
          { id: 'pick', type: 'choice', text: 'After {{answers.score}}:', options: [{ id: 'a', label: 'More {{context.plan}}' }, 'B'] },
          q('why', 'Why {{answers.pick | that}}?', { placeholder: 'About {{answers.score}}' }),
        ],
        thanks: { text: 'Thanks, {{user.traits.name | friend}}: {{answers.why}}', link: { label: 'Your {{context.plan}}', url: '/p' } },
      }),
    ).toEqual([]);
  });

  it('refuses an unknown root, with the path of the text and the placeholder', () => {
    expect(problemsOf({ questions: [q('a', 'How was {{order.total}}?')] })).toEqual([
      'surveys[0].questions[0].text: expected {{context.<key>}}, {{answers.<question id>}}, {{user.id}} or {{user.traits.<name>}}, with an optional "| fallback" (got "{{order.total}}")',
    ]);
    expect(problemsOf({ questions: [q('a', 'Hi {{user.email}}')] })).toEqual([
      expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.text: expected .*\(got "\{\{user\.email\}\}"\)$/),
    ]);
    expect(problemsOf({ questions: [q('a', 'Hi {{context.}}')] })).toHaveLength(1);
    expect(problemsOf({ questions: [q('a', 'Hi {{ plan }}')] })).toHaveLength(1);
  });

  it('refuses a {{ never closed, and braces inside one', () => {
    expect(problemsOf({ questions: [q('a', 'Hi {{context.plan')] })).toEqual([
      expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.text: expected .* \(got "\{\{context\.plan"\)$/),
    ]);
    expect(problemsOf({ questions: [q('a', 'Hi {{context.{plan}}}')] })).toHaveLength(1);
  });

  it('refuses answers of the question itself or a later one, in its text or its labels', () => {
    expect(problemsOf({ questions: [q('a', 'You said {{answers.a}}'), q('b', 'Before {{answers.c}}'), q('c', 'Last')] })).toEqual([
      'surveys[0].questions[0].text: {{answers.a}}: expected the id of a question asked before this text',
      'surveys[0].questions[1].text: {{answers.c}}: expected the id of a question asked before this text',
    ]);
    expect(problemsOf({ questions: [{ id: 'p', type: 'choice', text: 'Pick', options: [{ id: 'x', label: '{{answers.p}}' }, 'Y'] }] })).toEqual([
      'surveys[0].questions[0].options[0].label: {{answers.p}}: expected the id of a question asked before this text',
    ]);
  });

  it("checks each locale's text, with its path", () => {
    expect(problemsOf({ questions: [q('a', { en: 'Hi {{context.plan}}', fr: 'Salut {{contexte.plan}}' } as never)] })).toEqual([
      expect.stringMatching(/^surveys\[0\]\.questions\[0\]\.text\.fr: expected /),
    ]);
  });

  it("lets a survey's own questions recall its template's items, and the thank-you step any question", () => {
    expect(problemsOf({ template: 'nps', questions: [q('more', 'You gave {{answers.nps}}')], thanks: 'Thanks for {{answers.more}}' })).toEqual([]);
    expect(problemsOf({ template: 'nps', templateText: { nps_reason: 'Why {{answers.nps}}?' } })).toEqual([
      'surveys[0].templateText.nps_reason: {{answers.nps}}: expected the id of a question asked before this text',
    ]);
  });
});
