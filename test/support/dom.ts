// Finding things the way a visitor (or a screen reader) does: by role and accessible name,
// through open shadow roots. A small subset of the accessible-name rules, enough for Earshot's markup.

/** Every element under `root`, descending into open shadow roots. */
export function* walk(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walk(element.shadowRoot);
  }
}

function implicitRole(element: Element): string | null {
  const tag = element.localName;
  if (tag === 'button') return 'button';
  if (tag === 'textarea') return 'textbox';
  // A section is a region once it has a name.
  if (tag === 'section' && (element.hasAttribute('aria-labelledby') || element.hasAttribute('aria-label'))) return 'region';
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'radio') return 'radio';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'range') return 'slider';
    if (type === 'number') return 'spinbutton';
    if (['text', 'search', 'email', 'tel', 'url'].includes(type)) return 'textbox';
  }
  if (tag === 'a' && element.hasAttribute('href')) return 'link';
  if (tag === 'ol' || tag === 'ul') return 'list';
  if (tag === 'li') return 'listitem';
  return null;
}

export function roleOf(element: Element): string | null {
  return element.getAttribute('role') ?? implicitRole(element);
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function byId(element: Element, id: string): Element | null {
  return (element.getRootNode() as Document | ShadowRoot).querySelector(`[id="${id}"]`);
}

/** The accessible name: aria-labelledby, aria-label, a <label>, or a button's text. */
export function accessibleName(element: Element): string {
  // A label may also be an <img>'s alt text, or text inside an element named by another.
  const textOf = (node: Element | null | undefined) => (node?.localName === 'img' ? node.getAttribute('alt') : node?.textContent);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => textOf(byId(element, id)))
        .join(' '),
    );
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  if (['input', 'textarea', 'select'].includes(element.localName)) {
    const labels: Element[] = [];
    const wrapping = element.closest('label');
    if (wrapping) labels.push(wrapping);
    if (element.id) {
      const root = element.getRootNode() as Document | ShadowRoot;
      labels.push(...root.querySelectorAll(`label[for="${element.id}"]`));
    }
    return squash(labels.map((one) => one.textContent).join(' '));
  }
  if (element.localName === 'button' || element.localName === 'a') return squash(element.textContent);
  return '';
}

export function allByRole(root: ParentNode, role: string, name?: string): HTMLElement[] {
  return [...walk(root)].filter((element) => roleOf(element) === role && (name === undefined || accessibleName(element) === name)) as HTMLElement[];
}

export function queryByRole(root: ParentNode, role: string, name?: string): HTMLElement | null {
  const found = allByRole(root, role, name);
  if (found.length > 1) throw new Error(`${found.length} elements with role ${role} and name ${JSON.stringify(name)}`);
  return found[0] ?? null;
}

/** The one element with this role (and name); throws, listing what there is, when not exactly one. */
export function getByRole(root: ParentNode, role: string, name?: string): HTMLElement {
  const found = queryByRole(root, role, name);
  if (!found) {
    const present = [...walk(root)].filter((element) => roleOf(element)).map((element) => `${roleOf(element)} "${accessibleName(element)}"`);
    throw new Error(`no ${role} named ${JSON.stringify(name)}; present: ${present.join(', ') || 'nothing'}`);
  }
  return found;
}

/** Waits until `host` and every Lit element inside it have rendered. */
export async function rendered(host: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = [host, ...walk(host.shadowRoot ?? host)].map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete).filter(Boolean);
    await Promise.all(pending);
  }
}

/** The accessible description: the texts `aria-describedby` points to (an image gives its alt text). */
export function accessibleDescription(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return squash(
    ids
      .map((id) => byId(element, id))
      .map((node) => (node?.localName === 'img' ? node.getAttribute('alt') : node?.textContent))
      .join(' '),
  );
}

/** Types into a text field as a visitor does: the box changes, then `input` fires. */
export function typeInto(field: HTMLElement, text: string): void {
  (field as HTMLInputElement | HTMLTextAreaElement).value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Presses a key on the element that has focus (or `target`). */
export function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}
