// Firefox (Gecko) through puppeteer-core over WebDriver BiDi, with Debian's firefox-esr.
// One browser per file, one browser context per test (storage isolated). Accessibility comes
// from Firefox's own computed roles and names: BiDi `browsingContext.locateNodes` with an
// accessibility locator (puppeteer's `::-p-aria`). A locator searches below its start node
// without entering shadow roots, so it is started from each shadow root of the survey in turn.
import puppeteer, { type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import type { AccessibilityView, Engine, EngineDriver, EngineSession, Key, Target } from '../engine';
import { locate } from '../page-functions';

const FIREFOX = '/usr/bin/firefox-esr';

export const firefoxDriver: EngineDriver = {
  name: 'firefox',
  label: 'Firefox',
  requires: [{ file: FIREFOX }],
  packages: ['firefox-esr'],
  async launch({ env }) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      env,
    });
    const contexts = new Set<BrowserContext>();
    const engine: Engine = {
      name: 'firefox',
      version: await browser.version().catch(async (error: unknown) => {
        await browser.close();
        throw error;
      }),
      async newSession() {
        const context = await browser.createBrowserContext();
        contexts.add(context);
        const page = await context.newPage();
        return session(context, page, () => contexts.delete(context));
      },
      async close() {
        await Promise.allSettled([...contexts].map((c) => c.close()));
        await browser.close();
      },
    };
    return engine;
  },
};

/** A `::-p-aria` selector value: attribute values are quoted, so quotes and backslashes are escaped. */
const ariaSelector = (role: string, name?: string) => {
  const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  return `::-p-aria(${name === undefined ? '' : `[name=${quote(name)}]`}[role=${quote(role)}])`;
};

function session(context: BrowserContext, page: Page, forget: () => void): EngineSession {
  return {
    async open(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate(fn, arg) {
      return page.evaluate(fn as (arg: unknown) => unknown, arg) as never;
    },
    async click(target: Target) {
      const handle = await page.evaluateHandle(locate, { op: 'find' as const, target });
      const element = handle.asElement() as ElementHandle<Element> | null;
      try {
        if (!element) throw new Error(`no visible ${'text' in target ? `text "${target.text}"` : `${target.role} "${target.name}"`} on the page`);
        await element.click();
      } finally {
        await handle.dispose();
      }
    },
    async press(key: Key) {
      if (key === 'Shift+Tab') {
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
      } else {
        await page.keyboard.press(key);
      }
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async accessibility(): Promise<AccessibilityView> {
      const roots = await page.evaluateHandle(() => {
        const found: ShadowRoot[] = [];
        const walk = (root: ParentNode) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) {
              found.push(el.shadowRoot);
              walk(el.shadowRoot);
            }
          }
        };
        const host = document.querySelector('earshot-survey');
        if (host?.shadowRoot) {
          found.push(host.shadowRoot);
          walk(host.shadowRoot);
        }
        return found;
      });
      const handles = [...(await roots.getProperties()).values()].map((h) => h.asElement()).filter((h) => h !== null);
      if (handles.length === 0) throw new Error('no <earshot-survey> shadow root on the page');
      const countIn = async (root: ElementHandle<Node>, role: string, name?: string) => {
        const matches = await root.$$(ariaSelector(role, name));
        await Promise.all(matches.map((m) => m.dispose()));
        return matches.length;
      };
      // Each query is a round trip through the page, so a named query only visits the shadow
      // roots that hold that role at all.
      const perRoot = new Map<string, Promise<number[]>>();
      const roleCounts = (role: string) => {
        if (!perRoot.has(role)) perRoot.set(role, Promise.all(handles.map((root) => countIn(root, role))));
        return perRoot.get(role)!;
      };
      return {
        source: 'Firefox computed roles and names via WebDriver BiDi locateNodes (accessibility locator)',
        async count(role, name) {
          const counts = await roleCounts(role);
          if (name === undefined) return counts.reduce((a, b) => a + b, 0);
          let total = 0;
          for (const [i, root] of handles.entries()) if (counts[i] > 0) total += await countIn(root, role, name);
          return total;
        },
      };
    },
    async setOffline(offline) {
      await page.setOfflineMode(offline);
    },
    async close() {
      forget();
      await context.close();
    },
  };
}
