import { fieldId } from './field.js';
import type { Path } from '../model/paths.js';

/** Every form control of the builder, through the editors' shadow roots. */
function controlsIn(root: ParentNode, found: HTMLElement[] = []): HTMLElement[] {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.matches('input, select, textarea') && element.id.startsWith('f-')) found.push(element);
    if (element.shadowRoot) controlsIn(element.shadowRoot, found);
  }
  return found;
}

/**
 * The control where the problem at `path` is fixed: the field for that path, else the one for the
 * nearest part containing it (a list edited in one box).
 */
export function findField(root: ParentNode, path: string): HTMLElement | undefined {
  const wanted = fieldId([path] as Path);
  let best: HTMLElement | undefined;
  for (const control of controlsIn(root)) {
    const id = control.id;
    if (id === wanted || id.startsWith(`${wanted}_`)) return control;
    if (wanted.startsWith(id) && /^[_]/.test(wanted.slice(id.length)) && id.length > (best?.id.length ?? 0)) best = control;
  }
  return best;
}
