import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';

/** The value the definition holds, and whether a typed text already stands for it. */
export interface TypedValue {
  value: string;
  standsFor: (typed: string) => boolean;
}

/**
 * For `.value=${typedValue(…)}`: sets an input's value unless what is typed there already stands
 * for it: "2." for the number 2, "30 %" for a sample of 0.3. A plain `.value` binding would replace
 * the text being typed with the value's own form, and take away the dot or the sign just typed.
 */
class TypedValueDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY) throw new Error('typedValue() goes in a .value binding');
  }

  render({ value }: TypedValue) {
    return value;
  }

  // Sets the input itself: Lit would skip a value equal to the one it last set, though typing changed the input since.
  override update(part: PropertyPart, [{ value, standsFor }]: [TypedValue]) {
    const input = part.element as HTMLInputElement;
    if (input.value !== value && !standsFor(input.value)) input.value = value;
    return noChange;
  }
}

export const typedValue = directive(TypedValueDirective);
