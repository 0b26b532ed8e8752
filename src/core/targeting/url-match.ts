import { accepts, type Program } from './nfa.js';
import { compileRegex } from './url-regex.js';
import type { UrlRule } from '../types.js';

export const URL_OPERATORS = ['equals', 'startsWith', 'contains', 'glob', 'regex'] as const;

/** A glob anchored at both ends: `*` matches any run of characters, all else is literal. */
export const compileGlob = (glob: string): Program => [
  '^',
  ...glob
    .replace(/\*+/g, '*')
    .split('')
    .flatMap((char): Program => (char == '*' ? [[1, 3], () => true, [-2, -2]] : [(other) => other == char])),
  '$',
];

/** Compiled patterns by operator and text: a pattern is compiled once, however often it is matched. */
const compiled = new Map<string, Program>();

/** Whether `path` (see `currentPath`) matches a `url` trigger; globs and regexes in linear time (see `accepts`). */
export function urlMatches(rule: UrlRule, path: string): boolean {
  const [operator, pattern] = typeof rule === 'string' ? ['glob', rule] : Object.entries(rule)[0];
  if (operator === 'equals') return path === pattern;
  if (operator === 'startsWith') return path.startsWith(pattern);
  if (operator === 'contains') return path.includes(pattern);
  const key = `${operator} ${pattern}`;
  let program = compiled.get(key);
  if (!program) compiled.set(key, (program = operator === 'regex' ? compileRegex(pattern) : compileGlob(pattern)));
  return accepts(program, path);
}
