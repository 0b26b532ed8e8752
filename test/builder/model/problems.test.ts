// The builder shows the validator's problems next to the fields they concern: the paths it
// matches are the ones `init` reports, and a field sees only its own (or, for a whole part, those
// inside it), never a neighbour's with a similar name.
import { describe, expect, it } from 'vitest';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';
import { checkDraft, parseProblem, problemsAt } from '../../../src/builder/model/problems';

describe('the problems of a draft', () => {
  it('are the problems init reports, at the same paths relative to the survey', () => {
    const survey = {
      id: 'bad id',
      questions: [
        { id: 'score', type: 'ratng', text: 'Hi' },
        { id: 'score', type: 'text', text: '' },
      ],
      display: 'inline',
    };
    const { problems } = checkDraft(survey);
    const fromInit = validateWholeConfig({ endpoint: '/api', surveys: [survey] }).problems.map((line) => line.replace(/^surveys\[0\]\.?/, ''));
    expect(problems.map(({ path, message }) => `${path}: ${message}`)).toEqual(fromInit);
    expect(problems.map(({ path }) => path)).toEqual(['id', 'target', 'questions[0].type', 'questions[1].text', 'questions[1].id']);
  });

  it('include the survey’s own look, under theme and colorScheme', () => {
    const { problems } = checkDraft({ id: 's', questions: [{ id: 'q', type: 'thumbs', text: '?' }], theme: { accent: 'red;' }, colorScheme: 'sepia' });
    expect(problems.map(({ path }) => path)).toEqual(['theme.accent', 'colorScheme']);
  });

  it('leave out "$schema", which the JSON Schema allows, from the unknown keys', () => {
    const { problems, warnings } = checkDraft({ $schema: '../survey.schema.json', id: 's', questions: [{ id: 'q', type: 'thumbs', text: '?' }], colour: 'red' });
    expect(problems).toEqual([]);
    expect(warnings.map(({ path }) => path)).toEqual(['colour']);
  });

  it('split at the path, without the leading dot of survey-level checks', () => {
    expect(parseProblem('.target: is required for "display": "inline"')).toEqual({ path: 'target', message: 'is required for "display": "inline"' });
    expect(parseProblem('questions[0].id: expected 1–64 letters (got "a: b")')).toEqual({ path: 'questions[0].id', message: 'expected 1–64 letters (got "a: b")' });
  });
});

describe('the problems a field shows', () => {
  const problems = [
    { path: 'questions[1]', message: 'expected an object' },
    { path: 'questions[1].options', message: 'expected a list of 2 to 30 options' },
    { path: 'questions[1].options[0].label', message: 'expected a non-empty string' },
    { path: 'questions[10].text', message: 'expected a non-empty string' },
  ];

  it('are those at its own path', () => {
    expect(problemsAt(problems, 'questions[1]')).toEqual(['expected an object']);
    expect(problemsAt(problems, 'questions[1].text')).toEqual([]);
  });

  it('include those inside it for a field standing for a whole part, and not those of a sibling with a longer index', () => {
    expect(problemsAt(problems, 'questions[1].options', true)).toEqual(['expected a list of 2 to 30 options', 'expected a non-empty string']);
    expect(problemsAt(problems, 'questions[1]', true)).not.toContain('questions[10]');
    expect(problemsAt(problems, 'questions[1]', true)).toHaveLength(3);
  });
});
