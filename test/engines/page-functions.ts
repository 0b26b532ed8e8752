// Functions that run inside the page under test, in any engine. Each is serialised on its own by
// the driver, so each is self-contained: no imports, no outer variables, helpers declared inside.
import type { Target } from './engine';

/** What `locate` is asked to do with its target. */
export type LocateOp = 'find' | 'visible' | 'checked';

/**
 * Looks through the document and every open shadow root for the first visible element matching
 * `target` and returns it (`find`), whether there is one (`visible`), or whether it is checked
 * (`checked`). Roles and names follow the usual HTML mappings (explicit role, implicit role of
 * buttons, inputs and text areas; aria-label, aria-labelledby, <label>, then text): enough to
 * point at the survey's controls. What each engine itself exposes is checked apart, from its
 * accessibility tree (scenario "accessible roles and names").
 */
export function locate({ op, target }: { op: LocateOp; target: Target }): Element | boolean | null {
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    if (el instanceof HTMLButtonElement || el instanceof HTMLTextAreaElement) return el instanceof HTMLButtonElement ? 'button' : 'textbox';
    if (el instanceof HTMLInputElement) {
      if (el.type === 'radio' || el.type === 'checkbox') return el.type;
      if (['button', 'submit', 'reset'].includes(el.type)) return 'button';
      if (['text', 'email', 'search', 'tel', 'url'].includes(el.type)) return 'textbox';
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) return 'link';
    return '';
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const labelledBy = el.getAttribute('aria-labelledby');
    const root = el.getRootNode() as Document | ShadowRoot;
    if (labelledBy)
      return norm(
        labelledBy
          .split(/\s+/)
          .map((id) => root.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return norm([...labels].map((l) => l.textContent).join(' '));
    return norm(el.textContent);
  };
  const isVisible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const matches = (el: Element): boolean => {
    if ('text' in target) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && norm(n.textContent) !== '');
      return ownText && norm(el.textContent) === target.text;
    }
    return roleOf(el) === target.role && nameOf(el) === target.name;
  };
  const search = (root: Document | ShadowRoot | Element, wanted: (el: Element) => boolean): Element | null => {
    for (const el of root.querySelectorAll('*')) {
      if (wanted(el) && isVisible(el)) return el;
      const inner = el.shadowRoot ? search(el.shadowRoot, wanted) : null;
      if (inner) return inner;
    }
    return null;
  };
  const within = 'within' in target && target.within;
  const scope = within ? search(document, (el) => roleOf(el) === within.role && nameOf(el) === within.name) : document;
  const found = scope ? search(scope, matches) : null;
  if (op === 'find') return found;
  if (op === 'visible') return found !== null;
  return found instanceof HTMLInputElement && found.checked;
}

/** Where keyboard focus is: inside `<earshot-survey>` or not, and the role and name of the focused control. */
export function describeFocus(): { inSurvey: boolean; onBody: boolean; role: string; name: string } {
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return { inSurvey: false, onBody: false, role: '', name: '' };
  const input = active as HTMLInputElement;
  const role =
    active.getAttribute('role') ||
    (active instanceof HTMLButtonElement
      ? 'button'
      : active instanceof HTMLTextAreaElement
        ? 'textbox'
        : active instanceof HTMLInputElement
          ? input.type === 'radio'
            ? 'radio'
            : 'textbox'
          : active.localName);
  const name =
    active.getAttribute('aria-label') || (input.labels && input.labels.length > 0 ? norm([...input.labels].map((l) => l.textContent).join(' ')) : norm(active.textContent));
  return {
    inSurvey: document.activeElement?.localName === 'earshot-survey',
    onBody: document.activeElement === document.body,
    role,
    name: norm(name),
  };
}

/** How the survey sits in the page: one `<earshot-survey>` in <body>, with an open shadow root. */
export function describeSurveyHost(): { count: number; inBody: boolean; openShadow: boolean } {
  const hosts = document.querySelectorAll('earshot-survey');
  const host = hosts[0];
  return { count: hosts.length, inBody: host?.parentElement === document.body, openShadow: !!host?.shadowRoot };
}

/** What the page reported as uncaught (recorded by the script the test server puts first in <head>). */
/** For failure messages: the page's path, the surveys on it, and the errors it recorded. */
export function describeWhere(): string {
  const hosts = [...document.querySelectorAll('earshot-survey')].map((host) => `<earshot-survey> with ${host.shadowRoot?.childElementCount ?? 'no'} shadow children`);
  const errors = (window as unknown as { __engineErrors?: string[] }).__engineErrors ?? [];
  return `the page was ${location.pathname} (readyState ${document.readyState}), ${hosts.length ? hosts.join(', ') : 'with no <earshot-survey>'}, errors: ${errors.length ? errors.join(' | ') : 'none'}`;
}

export function readPageErrors(): string[] {
  return ((window as unknown as { __engineErrors?: string[] }).__engineErrors ?? []).slice();
}

export { readOutboxInPage as readOutbox } from '../support/outbox-in-page';

/**
 * For failure messages: what the outbox holds, or that IndexedDB did not answer within 2 s (a
 * stalled transaction queue would otherwise hang the driver's script call).
 */
export async function probeOutbox(): Promise<string> {
  const read = (async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'earshot')) return 'no earshot database';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('earshot');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('responses')) return 'no responses store';
    const all = await new Promise<Array<{ id: string; completed: boolean; answers: unknown }>>((resolve, reject) => {
      const req = db.transaction('responses', 'readonly').objectStore('responses').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return `outbox holds ${JSON.stringify(all.map((r) => ({ id: r.id, completed: r.completed, answers: r.answers })))}`;
  })().catch((error: unknown) => `reading the outbox failed: ${String(error)}`);
  const stalled = new Promise<string>((resolve) => setTimeout(() => resolve('IndexedDB did not answer a read of the outbox within 2 s'), 2_000));
  return Promise.race([read, stalled]);
}

/**
 * The look of every part of the widget a visitor reads or uses (controls, and elements holding
 * text themselves), nested shadow roots included: one line per element with the computed styles
 * that host CSS would most likely disturb.
 */
export function snapshotWidgetStyles(): string[] {
  const walk = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? walk(el.shadowRoot) : [])]);
  const host = document.querySelector('earshot-survey');
  if (!host?.shadowRoot) return [];
  const hostStyle = getComputedStyle(host);
  const lines = [`host: ${hostStyle.position} z=${hostStyle.zIndex} ${hostStyle.width} ${hostStyle.fontSize} ${hostStyle.color}`];
  for (const el of walk(host.shadowRoot)) {
    const holdsText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!holdsText && !/^(INPUT|BUTTON|TEXTAREA|LABEL|SECTION)$/.test(el.tagName)) continue;
    const s = getComputedStyle(el);
    const label = (el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || el.getAttribute('value') || '';
    lines.push(
      `${el.tagName} "${label}": color ${s.color}; font ${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}; ` +
        `line-height ${s.lineHeight}; background ${s.backgroundColor}; padding ${s.paddingTop} ${s.paddingLeft}`,
    );
  }
  return lines;
}

/** The survey card's computed text styles, to compare against the theme's defaults. */
export function readCardStyles(): { color: string; fontSize: string; lineHeight: string; fontFamily: string } | null {
  const card = document.querySelector('earshot-survey')?.shadowRoot?.querySelector('.card, [part~="card"]');
  if (!card) return null;
  const s = getComputedStyle(card);
  return { color: s.color, fontSize: s.fontSize, lineHeight: s.lineHeight, fontFamily: s.fontFamily };
}

/**
 * What a pointer would hit at the centre of the survey and at the centre of its main button:
 * `document.elementFromPoint` sees the host (shadow content is retargeted), the shadow root sees
 * the control itself.
 */
export function hitTestSurvey(): { atCentre: string; atButton: string; buttonText: string; rect: { x: number; y: number; width: number; height: number } } | null {
  const describe = (el: Element | null) =>
    el ? `${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}` : 'nothing';
  const host = document.querySelector('earshot-survey');
  if (!host?.shadowRoot) return null;
  const r = host.getBoundingClientRect();
  const centre = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  const button = host.shadowRoot.querySelector('button[type="submit"]');
  const b = button?.getBoundingClientRect();
  const atButton = b ? host.shadowRoot.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) : null;
  return {
    atCentre: describe(centre),
    atButton: describe(atButton),
    buttonText: (button?.textContent ?? '').trim(),
    rect: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) },
  };
}

/**
 * Loads axe-core from `src` (once) and runs it on the survey, through its shadow roots; returns
 * each violation as `rule: how many nodes (first target)`, or an empty list.
 */
export async function runAxeOnSurvey(src: string): Promise<string[]> {
  type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
  const page = window as unknown as { axe?: Axe };
  if (!page.axe) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }
  // The card fades in (160 ms): mid-fade its text is part transparent, and axe-core would judge that
  // contrast, which a loaded machine can catch. The settled state is what the visitor reads.
  const root = document.querySelector('earshot-survey')?.shadowRoot;
  await Promise.all((root?.getAnimations?.() ?? []).map((animation) => animation.finished.catch(() => undefined)));
  const result = await page.axe!.run({ include: [['earshot-survey']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.length} (${JSON.stringify(violation.nodes[0]?.target)})`);
}

/** The labels of a ranking's items, in the order shown. */
export function readRanking(): string[] {
  const survey = document.querySelector('earshot-survey')?.shadowRoot;
  const ranking = survey?.querySelector('earshot-ranking-question')?.shadowRoot;
  return [...(ranking?.querySelectorAll('li .label') ?? [])].map((label) => (label.textContent ?? '').trim());
}
