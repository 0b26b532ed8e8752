import type { AnswerValue } from '../../core/types.js';

/**
 * A value typed into a field that may hold a number, `true`, `false`, `null` or text; quotes keep
 * text that looks like one of the others (`"42"` is the text 42).
 */
export function parseValue(raw: string): AnswerValue {
  const typed = raw.trim();
  if (/^".*"$/.test(typed)) {
    try {
      return JSON.parse(typed) as string;
    } catch {
      return typed;
    }
  }
  if (typed === 'true' || typed === 'false') return typed === 'true';
  if (typed === 'null') return null;
  if (typed !== '' && Number.isFinite(Number(typed))) return Number(typed);
  return raw;
}

/** The text that `parseValue` reads back as `value`. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return parseValue(value) === value ? value : JSON.stringify(value);
  return value === undefined ? '' : String(value);
}

/** A list typed as `a, b, 3`, or as JSON (`["a, b", 3]`) when an item has a comma. */
export function parseList(raw: string): AnswerValue[] {
  if (raw.trim().startsWith('[')) {
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list)) return list as AnswerValue[];
    } catch {
      // Not JSON after all: read it as a list separated by commas.
    }
  }
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(parseValue);
}

export function formatList(list: unknown): string {
  if (!Array.isArray(list)) return formatValue(list);
  return list.some((item) => typeof item === 'string' && item.includes(',')) ? JSON.stringify(list) : list.map(formatValue).join(', ');
}

/**
 * A number field: empty is no value; what is not a number stays text, so that the validator
 * names the field and what it expected.
 */
export function parseNumber(raw: string): number | string | undefined {
  const typed = raw.trim();
  if (typed === '') return undefined;
  return Number.isFinite(Number(typed)) ? Number(typed) : raw;
}

/**
 * The operand of a branching rule from what was typed: a number for a scale's answer, the text of
 * a choice or text answer as it is, a yes/no for `answered`, and a list for `in`.
 */
export function readOperand(operator: string, raw: string, numeric: boolean): unknown {
  if (operator === 'answered') return raw !== 'false';
  if (operator === 'in')
    return numeric
      ? parseList(raw)
      : raw
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
  if (numeric || ['lt', 'lte', 'gt', 'gte'].includes(operator)) return parseNumber(raw) ?? '';
  return raw;
}

export function showOperand(operand: unknown): string {
  if (Array.isArray(operand)) return operand.map(String).join(', ');
  return operand === undefined ? '' : String(operand);
}
