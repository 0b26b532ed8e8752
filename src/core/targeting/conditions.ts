import { isRecord } from '../definition/checks.js';
import { COMPARISONS } from '../definition/operators.js';
import type { Condition, Conditions } from '../types.js';

/** Beside the shared comparisons, a condition may ask whether a value is there at all. */
const TESTS = { ...COMPARISONS, exists: (value: unknown, operand: boolean) => (value != null) === operand };

type Operator = keyof typeof TESTS;

export const CONDITION_OPERATORS = Object.keys(TESTS) as Operator[];

/** Whether `value` satisfies a condition: a bare value means `eq`; every operator given must hold. */
export function satisfies(value: unknown, condition: Condition): boolean {
  if (!isRecord(condition)) return value === condition;
  return Object.entries(condition).every(([operator, operand]) => (TESTS[operator as Operator] as (value: unknown, operand: unknown) => boolean)(value, operand));
}

/** Whether every named value satisfies its condition (no conditions: always). */
export function satisfiesAll(values: Record<string, unknown> | undefined, conditions: Conditions | undefined): boolean {
  return Object.entries(conditions ?? {}).every(([name, condition]) => satisfies(values?.[name], condition));
}
