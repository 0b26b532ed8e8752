/** The element that has focus, looking inside open shadow roots (the page's own widgets included). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Focuses a question's control: the chosen option of a group, else its first field.
 * Returns false when there is nothing to focus.
 */
export function focusFirstControl(question: Element | null): boolean {
  const root = question?.shadowRoot;
  const control = root?.querySelector<HTMLElement>('input:checked') ?? root?.querySelector<HTMLElement>('input, textarea, button:not(:disabled), a[href]');
  control?.focus();
  return !!control;
}
