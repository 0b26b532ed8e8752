// Chromium (Blink) through Playwright, with Debian's chromium-headless-shell (or EARSHOT_CHROMIUM).
// One browser per file, one browser context per test (storage isolated). Accessibility comes
// from Chromium's own tree over CDP (`Accessibility.queryAXTree` on the survey host).
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../browser/harness';
import type { AccessibilityView, Engine, EngineDriver, EngineSession, Key, Target } from '../engine';
import { locate } from '../page-functions';

export const chromiumDriver: EngineDriver = {
  name: 'chromium',
  label: 'Chromium',
  requires: [{ file: CHROMIUM }],
  packages: ['chromium-headless-shell'],
  async launch({ env }) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      env,
      // Playwright turns the back/forward cache off; visitors' Chrome has it on, and the page a
      // visitor leaves may stay there with Earshot in it (the shop journey crosses four pages).
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    const contexts = new Set<BrowserContext>();
    const engine: Engine = {
      name: 'chromium',
      version: `chromium/${browser.version()}`,
      async newSession() {
        const context = await browser.newContext();
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

function session(context: BrowserContext, page: Page, forget: () => void): EngineSession {
  const find = async (target: Target) => {
    const handle = await page.evaluateHandle(locate, { op: 'find' as const, target });
    const element = handle.asElement();
    if (!element) {
      await handle.dispose();
      throw new Error(`no visible ${'text' in target ? `text "${target.text}"` : `${target.role} "${target.name}"`} on the page`);
    }
    return element;
  };
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
    async click(target) {
      const element = await find(target);
      try {
        await element.click({ timeout: 5_000 });
      } finally {
        await element.dispose();
      }
    },
    async press(key: Key) {
      await page.keyboard.press(key);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async accessibility(): Promise<AccessibilityView> {
      const cdp = await context.newCDPSession(page);
      const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('earshot-survey')` });
      if (!result.objectId) throw new Error('no <earshot-survey> on the page');
      const objectId = result.objectId;
      return {
        source: 'Chromium accessibility tree via CDP Accessibility.queryAXTree',
        async count(role, name) {
          const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId, role, ...(name === undefined ? {} : { accessibleName: name }) });
          return nodes.filter((node) => !node.ignored).length;
        },
      };
    },
    async setOffline(offline) {
      await context.setOffline(offline);
    },
    async close() {
      forget();
      await context.close();
    },
  };
}
