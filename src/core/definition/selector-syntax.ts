/**
 * Whether `value` parses as a CSS selector, by the browser's own parser: no element needs to exist
 * yet. The collector's build of the validator swaps this module for selector-syntax.node.ts, as
 * Node has no DOM.
 */
export function parsesAsSelector(value: string): boolean {
  try {
    document.createDocumentFragment().querySelector(value);
    return true;
  } catch {
    return false;
  }
}
