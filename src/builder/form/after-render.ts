import type { ReactiveElement } from 'lit';

/** Resolves once an edit went up to the builder and came back down: the builder and then `element` re-rendered. */
export async function afterRender(element: ReactiveElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await element.updateComplete;
}
