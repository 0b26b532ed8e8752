// Shared harness for the end-to-end tests: one Chromium per test file, a fresh browser context
// and a fresh in-process example server (port 0) per test, and a record of what went wrong on
// each page (uncaught errors, console errors) so tests can assert the host page stayed clean.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer } from '../../examples/server.mjs';
import { createCollector } from '../../examples/collector/collector.mjs';

export { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.mjs';
import { readOutboxInPage } from '../support/outbox-in-page';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.mjs';
import type { StoredResponse } from '../support/stored-response';
import { waitUntil } from '../support/wait.mjs';

// Helpers every browser test uses, defined once in test/support/ (and imported from here by older tests).
export type { StoredResponse } from '../support/stored-response';
export { sleep, waitUntil } from '../support/wait.mjs';
export { ISO_DATE, expectWellFormed } from '../support/well-formed';

const SDK_BUNDLE = fileURLToPath(new URL('../../dist/earshot.min.js', import.meta.url));

export type DemoServer = Awaited<ReturnType<typeof createServer>>;

export interface PageProblems {
  /** Uncaught exceptions and unhandled rejections on the page. */
  pageErrors: Error[];
  /** `console.error` messages and failed resource loads Chromium reported. */
  consoleErrors: string[];
  /** Every console message, as `type: text`, to explain a failure. */
  console: string[];
}

export interface Harness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly server: DemoServer;
  /** Absolute URL on the current test's server. */
  url(path: string): string;
  /** Opens a page in the current context, watched for problems. */
  newPage(): Promise<Page>;
  /** What went wrong on `page` so far. */
  problems(page: Page): PageProblems;
  /** Collected responses, in insertion order. */
  responses(): StoredResponse[];
  /**
   * While unreachable, the collector cuts every connection without answering, as if the network
   * were down. `context.setOffline` alone does not cover a `keepalive` request sent by a page
   * that is closing: Chromium lets it through once the page is gone.
   */
  setCollectorReachable(reachable: boolean): void;
  /** Requests to the collector cut while it was unreachable. */
  readonly droppedRequests: number;
}

/**
 * Registers the hooks for a browser test file and returns accessors for the current test.
 * The browser is launched once (beforeAll) and closed in afterAll, even after failures.
 */
export function useBrowserHarness(): Harness {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let server: DemoServer | undefined;
  const watched = new Map<Page, PageProblems>();
  let reachable = true;
  let dropped = 0;

  beforeAll(async () => {
    if (!existsSync(SDK_BUNDLE)) {
      throw new Error(`${SDK_BUNDLE} is missing: run \`npm run build\` before the browser tests.`);
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: run \`node test/support/ensure-browsers.mjs\`.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  beforeEach(async () => {
    reachable = true;
    dropped = 0;
    const collector = createCollector();
    const handle = collector.handle;
    collector.handle = (req, res) => {
      if (reachable || !req.url?.startsWith('/api/earshot')) return handle(req, res);
      dropped++;
      req.socket.destroy();
      return true;
    };
    server = await createServer({ port: 0, collector });
    context = await browser!.newContext();
  });

  afterEach(async () => {
    const closing = context;
    const stopping = server;
    context = undefined;
    server = undefined;
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

  return {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(context, 'context');
    },
    get server() {
      return need(server, 'server');
    },
    url(path: string) {
      return new URL(path, need(server, 'server').url).href;
    },
    async newPage() {
      const page = await need(context, 'context').newPage();
      const problems: PageProblems = { pageErrors: [], consoleErrors: [], console: [] };
      watched.set(page, problems);
      page.on('pageerror', (error) => problems.pageErrors.push(error));
      page.on('console', (msg) => {
        const line = `${msg.type()}: ${msg.text()}`;
        problems.console.push(line);
        if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
      });
      return page;
    },
    problems(page: Page) {
      const problems = watched.get(page);
      if (!problems) throw new Error('page was not opened through harness.newPage()');
      return problems;
    },
    responses() {
      return need(server, 'server').collector.responses() as StoredResponse[];
    },
    setCollectorReachable(value: boolean) {
      reachable = value;
    },
    get droppedRequests() {
      return dropped;
    },
  };
}

/**
 * Throws (with the page's console for context) if the page had an uncaught error, or a console
 * error not matched by one of `allowedConsole`.
 */
export function assertNoPageErrors(problems: PageProblems, allowedConsole: RegExp[] = []): void {
  const unexpectedConsole = problems.consoleErrors.filter((text) => !allowedConsole.some((re) => re.test(text)));
  if (problems.pageErrors.length === 0 && unexpectedConsole.length === 0) return;
  const lines = [
    ...problems.pageErrors.map((e) => `pageerror: ${e.stack ?? e.message}`),
    ...unexpectedConsole.map((t) => `console.error: ${t}`),
    '--- full console:',
    ...problems.console,
  ];
  throw new Error(`the page reported errors:\n${lines.join('\n')}`);
}

/**
 * Waits until the collector holds at least `count` responses for which `where` holds; returns
 * all stored responses. The timeout error lists what the collector did hold.
 */
export function waitForResponses(
  server: DemoServer,
  count: number,
  { where = () => true, timeout = 10_000 }: { where?: (r: StoredResponse) => boolean; timeout?: number } = {},
): Promise<StoredResponse[]> {
  const all = () => server.collector.responses() as StoredResponse[];
  return waitUntil(() => (all().filter(where).length >= count ? all() : null), {
    timeout,
    describe: () =>
      `${count} matching response(s) at the collector; it holds ${JSON.stringify(all())} ` +
      `after ${server.collector.batches.length} batch(es) and ${server.collector.rejected.length} refused request(s) ` +
      `${JSON.stringify(server.collector.rejected)}`,
  });
}

/** Every copy of every response the collector received, across all batches, in arrival order. */
export function receivedCopies(server: DemoServer): StoredResponse[] {
  return (server.collector.batches as Array<{ responses: StoredResponse[] }>).flatMap((b) => b.responses);
}

/** The Earshot outbox as stored in the page's IndexedDB (database `earshot`, store `responses`). */
export function readOutbox(page: Page): Promise<StoredResponse[] | null> {
  return page.evaluate(readOutboxInPage) as Promise<StoredResponse[] | null>;
}
