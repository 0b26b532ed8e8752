/** Registers each element of `table` by its tag name, unless that name is taken already. */
export function defineOnce(table: Record<string, CustomElementConstructor>): void {
  for (const [name, element] of Object.entries(table)) {
    // Two copies of Earshot on one page must not throw on the second registration.
    if (!customElements.get(name)) customElements.define(name, element);
  }
}
