// What the survey asks of an answer before it moves on (answerProblem, which the UI imports alone).
import { describe, expect, it } from 'vitest';
import { answerProblem } from '../../../src/core/definition/question-kinds.js';
import type { MatrixQuestion, Question } from '../../../src/core/types.js';

const grid: MatrixQuestion = {
  id: 'grid',
  type: 'matrix',
  text: 'How much do you agree?',
  rows: [
    { id: 'easy', label: 'It was easy' },
    { id: 'fast', label: 'It was fast' },
  ],
  columns: [
    { value: 1, label: 'Disagree' },
    { value: 2, label: 'Agree' },
  ],
};

describe('answerProblem', () => {
  it('asks a required matrix for every row, and keeps the answered rows of an optional one', () => {
    expect(answerProblem(grid, undefined)).toEqual({ required: true });
    expect(answerProblem(grid, { easy: 2 })).toEqual({ everyRow: true });
    expect(answerProblem(grid, { easy: 2, fast: 1 })).toBeNull();
    expect(answerProblem({ ...grid, optional: true }, { fast: 1 })).toBeNull();
    expect(answerProblem({ ...grid, optional: true }, undefined)).toBeNull();
  });

  it('lets a call to action be skipped, even when not marked optional', () => {
    const book: Question = { id: 'book', type: 'cta', text: 'Want a demo?', button: { label: 'Book a call' } };
    expect(answerProblem(book, undefined)).toBeNull();
    expect(answerProblem(book, { clicked: true })).toBeNull();
  });

  it('asks a required slider or ranking for an answer, as any question', () => {
    expect(answerProblem({ id: 's', type: 'slider', text: '?', min: 0, max: 10 }, undefined)).toEqual({ required: true });
    expect(answerProblem({ id: 's', type: 'slider', text: '?', min: 0, max: 10 }, 0)).toBeNull();
    expect(answerProblem({ id: 'r', type: 'ranking', text: '?', options: ['a', 'b'] }, undefined)).toEqual({ required: true });
    expect(answerProblem({ id: 'r', type: 'ranking', text: '?', options: ['a', 'b'], optional: true }, undefined)).toBeNull();
  });
});
