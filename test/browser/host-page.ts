// What the host-safety tests watch on a page: CSP violations, what reaches the page's own error
// handlers, and (for the globals test) the window and prototypes as they were before any script.
import type { Page } from 'playwright-core';

/** The strict policy of issue #7, with Trusted Types naming only Earshot's policy. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types earshot";

export interface HostRecord {
  /** `securitypolicyviolation` events: directive, blocked URI and sample. */
  violations: string[];
  /** What reached `window.onerror` and `unhandledrejection`. */
  errors: string[];
  /** Earshot's `error` events, as `code: message`. */
  earshotErrors: string[];
}

declare global {
  interface Window {
    host: HostRecord & { snapshot: () => string[] };
  }
}

/** Runs before every script of the page: records violations and errors, and what the page had before. */
function watchHost(): void {
  const builtIns = {
    Object,
    Array,
    Function,
    String,
    Number,
    Boolean,
    Symbol,
    Promise,
    Map,
    Set,
    WeakMap,
    JSON,
    Math,
    Reflect,
    EventTarget,
    Node,
    Element,
    HTMLElement,
    Document,
    DocumentFragment,
    ShadowRoot,
    CSSStyleSheet,
    History,
    Event,
    CustomEvent,
    URL,
    Response,
    Request,
    Window,
    Navigator,
    CustomElementRegistry,
  };
  const objects: [string, object][] = Object.entries(builtIns).flatMap(([name, one]) =>
    'prototype' in one && one.prototype
      ? [
          [name, one],
          [`${name}.prototype`, one.prototype],
        ]
      : [[name, one]],
  );
  // Each property as its key and the values it holds: a replaced method or accessor shows as a change.
  const describe = () =>
    objects.map(([, object]) =>
      Reflect.ownKeys(object).map((key) => {
        const { value, get, set } = Object.getOwnPropertyDescriptor(object, key)!;
        return [key, value, get, set];
      }),
    );
  const before = describe();
  const globals = Object.getOwnPropertyNames(window);
  const record: HostRecord = { violations: [], errors: [], earshotErrors: [] };
  document.addEventListener('securitypolicyviolation', (event) => record.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  addEventListener('error', (event) => record.errors.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => record.errors.push(`unhandledrejection: ${event.reason}`));
  addEventListener('earshot:error', (event) => record.earshotErrors.push(`${(event as CustomEvent).detail.code}: ${(event as CustomEvent).detail.message}`));
  /** Globals added since, and every property of a built-in or its prototype added, removed or replaced. */
  const snapshot = () => [
    ...Object.getOwnPropertyNames(window)
      .filter((name) => !globals.includes(name) && name !== 'host')
      .map((name) => `global ${name}`),
    ...describe().flatMap((now, index) => {
      const [name] = objects[index];
      const was = before[index];
      if (now.length !== was.length) return [`${name}: ${was.length} → ${now.length} properties`];
      return now.flatMap((entry, at) => (entry.every((part, i) => Object.is(part, was[at][i])) ? [] : [`${name}.${String(entry[0])} changed`]));
    }),
  ];
  // The test's own global, left out of the snapshot.
  Object.defineProperty(window, 'host', { value: Object.assign(record, { snapshot }) });
}

/** Watches `page` from its first script on; read with `hostRecord(page)`. */
export async function watchHostPage(page: Page): Promise<void> {
  await page.addInitScript(watchHost);
}

export const hostRecord = (page: Page): Promise<HostRecord> =>
  page.evaluate(() => ({ violations: window.host.violations, errors: window.host.errors, earshotErrors: window.host.earshotErrors }));

/** Serves every document under `path` with these response headers added (a CSP, say). */
export async function withHeaders(page: Page, path: string, headers: Record<string, string>): Promise<void> {
  await page.route(`**${path}**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
}
