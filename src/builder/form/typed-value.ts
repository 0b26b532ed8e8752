import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an input's value unless what is typed there already stands for it: "2." for the number 2,
 * "30 %" for a sample of 0.3. A plain `.value` binding would replace the text being typed with
 * the value's own form, and take away the dot or the sign just typed.
 */
class TypedValueDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('typedValue() goes on an element');
  }

  render(_value: string, _standsFor: (typed: string) => boolean) {
    return noChange;
  }

  override update(part: ElementPart, [value, standsFor]: [string, (typed: string) => boolean]) {
    const input = part.element as HTMLInputElement;
    if (input.value !== value && !standsFor(input.value)) input.value = value;
    return noChange;
  }
}

export const typedValue = directive(TypedValueDirective);
