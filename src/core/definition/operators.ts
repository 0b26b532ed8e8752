import { fail, type Report } from './checks.js';

/**
 * The comparisons shared by answer rules (a question's `if`) and conditions (an audience, an
 * event's `where`): one table, read by both evaluators and by the validator.
 */
export const COMPARISONS = {
  eq: (value: unknown, operand: unknown) => value === operand,
  neq: (value: unknown, operand: unknown) => value !== operand,
  // Orders hold for numbers only: a missing or text value is never "greater".
  lt: (value: unknown, operand: number) => typeof value === 'number' && value < operand,
  lte: (value: unknown, operand: number) => typeof value === 'number' && value <= operand,
  gt: (value: unknown, operand: number) => typeof value === 'number' && value > operand,
  gte: (value: unknown, operand: number) => typeof value === 'number' && value >= operand,
  in: (value: unknown, operand: unknown[]) => operand.includes(value),
};

export type Comparison = keyof typeof COMPARISONS;

export const COMPARISON_OPERATORS = Object.keys(COMPARISONS) as Comparison[];

/** Whether `value` compares with `operand` as `operator` says. */
export const compare = (operator: Comparison, value: unknown, operand: unknown): boolean =>
  (COMPARISONS[operator] as (value: unknown, operand: unknown) => boolean)(value, operand);

/** The plain values one place may compare with, and how its messages name them. */
export interface ComparedValues {
  is(value: unknown): boolean;
  /** "a string, number or boolean" */
  named: string;
}

/** Checks the operand of one comparison: a value, a number for an order, a non-empty list of values for `in`. */
export function checkOperand(operator: Comparison, operand: unknown, path: string, report: Report, values: ComparedValues): void {
  if (operator === 'in') {
    if (!Array.isArray(operand) || operand.length === 0 || !operand.every(values.is)) fail(report, path, 'expected a non-empty list of values', operand);
  } else if (operator === 'eq' || operator === 'neq') {
    if (!values.is(operand)) fail(report, path, `expected ${values.named}`, operand);
  } else if (!Number.isFinite(operand)) fail(report, path, 'expected a number', operand);
}
