import { isRecord } from '../../core/definition/checks.js';
import { CONDITION_OPERATORS } from '../../core/targeting/conditions.js';
import type { Condition, Conditions } from '../../core/types.js';
import { formatList, formatValue, parseList, parseValue } from './values.js';

/** `is` is the bare value (`"plan": "pro"`); the others are the condition operators. */
export const ROW_OPERATORS = ['is', ...CONDITION_OPERATORS] as const;
export type RowOperator = (typeof ROW_OPERATORS)[number];

/** One line of a conditions editor: a name, an operator, and the value as typed. */
export interface ConditionRow {
  name: string;
  operator: RowOperator;
  value: string;
}

/** One row per operator of each condition: `{ "seats": { "gt": 1, "lte": 50 } }` is two rows. */
export function rowsOf(conditions: Conditions | undefined): ConditionRow[] {
  return Object.entries(conditions ?? {}).flatMap(([name, condition]): ConditionRow[] => {
    if (!isRecord(condition)) return [{ name, operator: 'is', value: formatValue(condition) }];
    return Object.entries(condition).map(([operator, operand]) => ({
      name,
      operator: operator as RowOperator,
      value: operator === 'in' ? formatList(operand) : formatValue(operand),
    }));
  });
}

/** The conditions the rows stand for; rows without a name are left out until they get one. */
export function conditionsOf(rows: readonly ConditionRow[]): Conditions {
  const conditions: Record<string, Condition> = {};
  for (const { name, operator, value } of rows) {
    if (!name.trim()) continue;
    const operand = operator === 'in' ? parseList(value) : parseValue(value);
    const earlier = conditions[name];
    if (operator === 'is' && earlier === undefined) conditions[name] = operand as Condition;
    else {
      // A bare value next to operators becomes `eq` among them.
      const merged = isRecord(earlier) ? earlier : earlier === undefined ? {} : { eq: earlier };
      conditions[name] = { ...merged, [operator === 'is' ? 'eq' : operator]: operand } as Condition;
    }
  }
  return conditions;
}
