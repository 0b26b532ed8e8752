import type { UrlRule } from '../types.js';

export const URL_OPERATORS = ['equals', 'startsWith', 'contains', 'glob', 'regex'] as const;

/** A glob as an anchored regular expression: `*` matches any run of characters, all else is literal. */
const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** Whether `path` (see `currentPath`) matches a `url` trigger. */
export function urlMatches(rule: UrlRule, path: string): boolean {
  const [operator, pattern] = typeof rule === 'string' ? ['glob', rule] : Object.entries(rule)[0];
  return operator === 'equals'
    ? path === pattern
    : operator === 'startsWith'
      ? path.startsWith(pattern)
      : operator === 'contains'
        ? path.includes(pattern)
        : (operator === 'regex' ? new RegExp(pattern) : globToRegExp(pattern)).test(path);
}
