import { parse, type Selector } from 'css-what';

const COMBINATORS = new Set(['child', 'parent', 'sibling', 'adjacent', 'descendant', 'column-combinator']);
const isCombinator = (token: Selector | undefined) => token === undefined || COMBINATORS.has(token.type);

/**
 * Whether `value` parses as a CSS selector, where there is no DOM (the collector checks published
 * definitions in Node). css-what also reads relative selectors (`> a`), which querySelector refuses,
 * and pseudo-classes a browser may not know; the SDK checks a definition again in the browser
 * before it uses it.
 */
export function parsesAsSelector(value: string): boolean {
  try {
    return parse(value).every((tokens) => !isCombinator(tokens[0]) && !isCombinator(tokens.at(-1)));
  } catch {
    return false;
  }
}
