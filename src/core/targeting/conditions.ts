import { isRecord } from '../definition/checks.js';
import type { Condition, Conditions } from '../types.js';

export const CONDITION_OPERATORS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;

type Operator = (typeof CONDITION_OPERATORS)[number];

const TESTS: Record<Operator, (value: unknown, operand: never) => boolean> = {
  eq: (value, operand) => value === operand,
  neq: (value, operand) => value !== operand,
  in: (value, operand: unknown[]) => operand.includes(value),
  // Comparisons hold for numbers only: a missing or text value is never "greater".
  gt: (value, operand) => typeof value === 'number' && value > operand,
  gte: (value, operand) => typeof value === 'number' && value >= operand,
  lt: (value, operand) => typeof value === 'number' && value < operand,
  lte: (value, operand) => typeof value === 'number' && value <= operand,
  exists: (value, operand) => (value != null) === operand,
};

/** Whether `value` satisfies a condition: a bare value means `eq`; every operator given must hold. */
export function satisfies(value: unknown, condition: Condition): boolean {
  if (!isRecord(condition)) return value === condition;
  return Object.entries(condition).every(([operator, operand]) => TESTS[operator as Operator](value, operand as never));
}

/** Whether every named value satisfies its condition (no conditions: always). */
export function satisfiesAll(values: Record<string, unknown> | undefined, conditions: Conditions | undefined): boolean {
  return Object.entries(conditions ?? {}).every(([name, condition]) => satisfies(values?.[name], condition));
}
