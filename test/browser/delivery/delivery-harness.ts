// Harness for the delivery fault-injection suite: one Chromium per test file, and per test a
// fresh browser context and a fresh demo server whose collector is wrapped by fault-collector.ts.
// Ends every case the same way: what the collector stored is compared with what was answered.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, assertNoPageErrors, readOutbox, waitUntil, type PageProblems } from '../harness';
import { startFaultCollector, type FaultCollector, type StoredResponse } from './fault-collector';
import { BLANK_PATH, PAGE_PATH, type AnswerItem } from './pages';
import type {} from '../../support/page-globals';
import type {} from './page-hooks';

/**
 * The bundle under test: dist/earshot.min.js, or the file named by EARSHOT_BUNDLE (served in its
 * place at /dist/earshot.min.js), to run the suite against another build without touching dist/.
 */
const SDK_BUNDLE = process.env.EARSHOT_BUNDLE || fileURLToPath(new URL('../../../dist/earshot.min.js', import.meta.url));
const BUNDLE_PATH = '/dist/earshot.min.js';

/** What Chromium and Earshot's debug log print while deliveries fail; none of it is a page error. */
export const NETWORK_NOISE = [/Failed to load resource/, /net::ERR_/, /^earshot \(/];

/** A recorded `earshot:<name>` event. */
export interface RecordedEvent {
  name: string;
  detail: { code?: string; message?: string; responseIds?: string[]; responseId?: string; [key: string]: unknown };
  at: number;
}

/** A response as the visitor gave it: the id when the test knows it, else matched by its answers. */
export interface Answered {
  id?: string | null;
  surveyId: string;
  completed: boolean;
  answers: Record<string, unknown>;
}

export interface OpenOptions {
  /** Merged into the page's `earshot.init` config. */
  config?: Record<string, unknown>;
  /** Serve the test page and the bundle from a cache after the first load, so reloads work offline. */
  cacheFirst?: boolean;
}

export interface DeliveryHarness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly fault: FaultCollector;
  url(path: string): string;
  /** Opens the test page (Earshot initialised) in the current context. */
  openPage(options?: OpenOptions): Promise<Page>;
  /** Opens a page of the same origin without Earshot. */
  openBlank(): Promise<Page>;
  problems(page: Page): PageProblems;
  /** Cuts both the browser's network and the collector (keepalive requests of closing pages get through Chromium's offline mode). */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
}

/** Registers the hooks of a test file; the returned accessors are valid inside a test. */
export function useDeliveryHarness(): DeliveryHarness {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let fault: FaultCollector | undefined;
  const watched = new Map<Page, PageProblems>();

  beforeAll(async () => {
    if (!existsSync(SDK_BUNDLE)) throw new Error(`${SDK_BUNDLE} is missing: run \`npm run build\` first.`);
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run \`node test/support/ensure-browsers.mjs\`.`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  beforeEach(async () => {
    fault = await startFaultCollector();
    context = await browser!.newContext();
    if (process.env.EARSHOT_BUNDLE) {
      const body = readFileSync(SDK_BUNDLE);
      await context.route(
        (url) => url.pathname === BUNDLE_PATH,
        (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
      );
    }
  });

  afterEach(async () => {
    const closing = context;
    const stopping = fault;
    context = undefined;
    fault = undefined;
    watched.clear();
    try {
      await closing?.close();
    } finally {
      await stopping?.close();
    }
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };

  async function watch(page: Page): Promise<Page> {
    const problems: PageProblems = { pageErrors: [], consoleErrors: [], console: [] };
    watched.set(page, problems);
    page.on('pageerror', (error) => problems.pageErrors.push(error));
    page.on('console', (msg) => {
      problems.console.push(`${msg.type()}: ${msg.text()}`);
      if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
    });
    return page;
  }

  const cache = new Map<string, { body: Buffer; headers: Record<string, string> }>();

  const harness: DeliveryHarness = {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(context, 'context');
    },
    get fault() {
      return need(fault, 'fault collector');
    },
    url(path: string) {
      return new URL(path, need(fault, 'fault collector').url).href;
    },
    async openPage({ config, cacheFirst = false }: OpenOptions = {}) {
      const page = await watch(await need(context, 'context').newPage());
      if (cacheFirst) {
        // Like a service worker's cache: the page and the bundle load even while offline.
        await page.route(
          (url) => url.pathname === PAGE_PATH || url.pathname.startsWith('/dist/'),
          async (route) => {
            const key = route.request().url();
            let hit = cache.get(key);
            if (!hit && process.env.EARSHOT_BUNDLE && route.request().url().endsWith(BUNDLE_PATH)) {
              hit = { body: readFileSync(SDK_BUNDLE), headers: { 'content-type': 'text/javascript; charset=utf-8' } };
              cache.set(key, hit);
            }
            if (!hit) {
              const response = await route.fetch();
              hit = { body: await response.body(), headers: response.headers() };
              cache.set(key, hit);
            }
            await route.fulfill({ status: 200, headers: hit.headers, body: hit.body });
          },
        );
      }
      const query = config ? `?config=${encodeURIComponent(JSON.stringify(config))}` : '';
      await page.goto(harness.url(PAGE_PATH + query));
      await page.waitForFunction(() => typeof window.earshot?.init === 'function' && window.__delivery?.config);
      return page;
    },
    async openBlank() {
      const page = await watch(await need(context, 'context').newPage());
      await page.goto(harness.url(BLANK_PATH));
      return page;
    },
    problems(page: Page) {
      const problems = watched.get(page);
      if (!problems) throw new Error('page was not opened through the delivery harness');
      return problems;
    },
    async goOffline() {
      need(fault, 'fault collector').offline = true;
      await need(context, 'context').setOffline(true);
    },
    async goOnline() {
      need(fault, 'fault collector').offline = false;
      await need(context, 'context').setOffline(false);
    },
  };
  return harness;
}

/** Answers surveys through the real survey DOM; returns each item's response id (null if none was reported). */
export function answer(page: Page, items: AnswerItem[]): Promise<Array<string | null>> {
  return page.evaluate((list) => window.__delivery.answer(list), items);
}

/** NPS answered to the end: score, Next, optional reason, Submit. */
export function npsItem(score: number, reason?: string): AnswerItem {
  return {
    survey: 'nps',
    steps: [{ pick: score }, { click: 'Next' }, ...(reason ? [{ type: reason }] : []), { click: 'Submit' }],
  };
}

/** The answers an `npsItem` gives. */
export function npsAnswers(score: number, reason?: string): Record<string, unknown> {
  return reason ? { score, reason } : { score };
}

/** Every `earshot:<event>` the page recorded since it loaded. */
export function events(page: Page, name?: string): Promise<RecordedEvent[]> {
  return page.evaluate((n) => {
    const all = window.__delivery.events;
    return JSON.parse(JSON.stringify(n ? all.filter((e) => e.name === n) : all));
  }, name);
}

/** Waits until the collector holds `count` responses for which `where` holds. */
export async function waitForStored(
  fault: FaultCollector,
  count: number,
  { where = () => true, timeout = 10_000 }: { where?: (r: StoredResponse) => boolean; timeout?: number } = {},
): Promise<StoredResponse[]> {
  let last: StoredResponse[] = [];
  return waitUntil(
    async () => {
      last = await fault.stored();
      return last.filter(where).length >= count ? last : null;
    },
    {
      timeout,
      describe: () =>
        `${count} matching stored response(s); the collector holds ${last.length}: ` +
        `${JSON.stringify(last.map((r) => [r.id, r.completed, r.answers]))}; requests: ${describeRequests(fault)}`,
    },
  );
}

/** One line per delivery request (received at or after `since`), for failure messages. */
export function describeRequests(fault: FaultCollector, since = 0): string {
  const posts = fault.posts().filter((r) => r.receivedAt >= since);
  const t0 = posts[0]?.receivedAt ?? 0;
  return (
    `${posts.length} POST(s)\n` +
    posts
      .map(
        (r) =>
          `  #${r.seq} +${r.receivedAt - t0}ms ${r.transport} ${r.bodyBytes}B ${r.handling} → ${r.status ?? 'cut'} ` +
          `[${r.versions.map((v) => `${v.id.slice(0, 8)}${v.completed ? '✓' : '…'}`).join(' ')}]` +
          (r.eventIds.length ? ` +${r.eventIds.length} event(s)` : ''),
      )
      .join('\n')
  );
}

/**
 * The closing check of every case: the collector stored exactly what was answered — the same
 * ids, the same answers and completion, nothing missing, nothing stored twice (as many rows as
 * distinct ids). Returns what was stored.
 */
export async function expectCollectorHolds(fault: FaultCollector, answered: Answered[]): Promise<StoredResponse[]> {
  const stored = await fault.stored();
  const ids = stored.map((r) => r.id);
  expect(new Set(ids).size, `rows ${stored.length} vs distinct ids ${new Set(ids).size}: something was stored twice`).toBe(stored.length);

  const pool = stored.map(({ id, surveyId, completed, answers }) => ({ id, surveyId, completed, answers }));
  const unmatched = [...pool];
  const expected = answered.map((a) => {
    // Without a known id, take the stored response that carries exactly these answers.
    let id = a.id ?? undefined;
    if (!id) {
      const at = unmatched.findIndex((r) => r.surveyId === a.surveyId && r.completed === a.completed && JSON.stringify(r.answers) === JSON.stringify(a.answers));
      id = at >= 0 ? unmatched[at].id : '(no stored response with these answers)';
    }
    const used = unmatched.findIndex((r) => r.id === id);
    if (used >= 0) unmatched.splice(used, 1);
    return { id, surveyId: a.surveyId, completed: a.completed, answers: a.answers };
  });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect(pool.sort(byId), `the collector's rows against what was answered\n${describeRequests(fault)}`).toEqual(expected.sort(byId));
  return stored;
}

/** No uncaught error on the page; console errors only from failing network requests. */
export function expectNoPageErrors(problems: PageProblems): void {
  assertNoPageErrors(problems, NETWORK_NOISE);
}

/** The outbox once it holds `count` records matching `where`. */
export function waitForOutbox(
  page: Page,
  count: number,
  { where = () => true, timeout = 5_000 }: { where?: (r: StoredResponse) => boolean; timeout?: number } = {},
): Promise<StoredResponse[]> {
  let last: StoredResponse[] | null = null;
  return waitUntil(
    async () => {
      last = (await readOutbox(page)) as StoredResponse[] | null;
      return last && last.filter(where).length === count ? last : null;
    },
    { timeout, describe: () => `${count} matching record(s) in the IndexedDB outbox; it holds ${JSON.stringify(last?.map((r) => [r.id, r.completed]))}` },
  );
}

export { readOutbox, sleep, waitUntil } from '../harness';
