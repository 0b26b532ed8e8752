// What every benchmark shares: one Chromium, one demo server with the reference collector, the
// dist files as they were when the run started, and the statistics.
//
// The dist files are read once and served from memory, so an `npm run build` running elsewhere
// in the middle of a bench cannot mix two builds in one table.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createCollector } from '../../examples/collector/collector.mjs';
import { createServer } from '../../examples/server.mjs';
import { BROWSER_CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.mjs';
import { waitUntil } from '../support/wait.mjs';
import { formatTable } from './table.mjs';

export const DIST_FILES = [
  'earshot.min.js',
  'earshot.core.min.js',
  'earshot.ui.min.js',
  'earshot.ui-nps-question.min.js',
  'earshot.ui-feedback-tab.min.js',
  'earshot.check.min.js',
  'earshot.words.min.js',
  'earshot.embed.min.js',
  'earshot.debug-panel.min.js',
];

/** PostHog's one-file browser build (posthog-js, a devDependency pinned for the bench), served beside Earshot's. */
export const POSTHOG_FILE = '/dist/posthog.array.full.js';
/** Where the bench's PostHog sends: stubbed on the bench server, every request answered `{}` at once. */
export const POSTHOG_HOST_PATH = '/__posthog';
/** Where the bench serves dist/ files that the browser may keep in its HTTP cache (`/cached/dist/earshot.ui.min.js`). */
export const CACHED_PREFIX = '/cached/';
export const SDK_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export { sleep } from '../support/wait.mjs';

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const median = (values) => percentile(values, 50);

export const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
export const bytes = (value) => value.toLocaleString('en-US');
export const kb = (value) => `${(value / 1024).toFixed(1)} KB`;

/** Resolves when `done()` holds, checking every `interval` ms; rejects after `timeout` ms. */
export async function until(done, what, { timeout = 30_000, interval = 2 } = {}) {
  await waitUntil(done, { timeout, interval, describe: () => what });
}

/**
 * Starts Chromium and the demo server. `bench.pages` maps a path to HTML served instead of a file;
 * `bench.onBatch` (settable) sees every batch the collector committed.
 */
export async function startBench() {
  const dist = new Map();
  for (const name of DIST_FILES) {
    const file = fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
    dist.set(`/dist/${name}`, readFileSync(file));
  }
  dist.set(POSTHOG_FILE, readFileSync(fileURLToPath(new URL('../../node_modules/posthog-js/dist/array.full.js', import.meta.url))));
  if (!existsSync(BROWSER_CHROMIUM)) throw new Error(`No Chromium at ${BROWSER_CHROMIUM}: sudo apt-get update && sudo apt-get install -y chromium`);

  const bench = { dist, pages: new Map(), onBatch: null };
  const collector = createCollector({ onBatch: (batch) => bench.onBatch?.(batch) });
  const handle = collector.handle.bind(collector);
  collector.handle = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://bench');
    if (pathname.startsWith(`${POSTHOG_HOST_PATH}/`)) {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end('{}');
      return true;
    }
    const page = req.method === 'GET' && bench.pages.get(pathname);
    // The same files under /cached/dist/, which the browser may keep as a CDN would let it: a later
    // page of a visit finds them in its HTTP cache.
    const cached = pathname.startsWith(CACHED_PREFIX);
    const script = req.method === 'GET' && dist.get(cached ? pathname.slice(CACHED_PREFIX.length - 1) : pathname);
    if (page || script) {
      res.writeHead(200, {
        'Content-Type': `${page ? 'text/html' : 'text/javascript'}; charset=utf-8`,
        'Cache-Control': script && cached ? 'max-age=3600' : 'no-store',
      });
      res.end(page || script);
      return true;
    }
    return handle(req, res);
  };
  const server = await createServer({ port: 0, host: '127.0.0.1', collector });
  // Only the bench server is reached: every other host name fails to resolve. Not a Playwright
  // route, which would hold each request of the page until Node answered for it: on 2 cores that
  // added about 15 ms to the split build's cold first show (three files fetched at once).
  const launchOptions = { executablePath: BROWSER_CHROMIUM, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] };
  const browser = await chromium.launch(launchOptions);

  Object.assign(bench, {
    browser,
    server,
    collector,
    url: (path) => new URL(path, server.url).href,
    /** A fresh context (empty storage and cache); the browser reaches the bench server only. */
    newContext: () => browser.newContext(),
    /**
     * A fresh browser with a profile on disk, as a visitor's is: unlike the contexts above, which
     * are off the record, it keeps V8's code cache between pages. `close()` removes the profile.
     */
    async newProfile() {
      const folder = mkdtempSync(path.join(tmpdir(), 'earshot-bench-profile-'));
      const context = await chromium.launchPersistentContext(folder, launchOptions);
      return {
        context,
        async close() {
          await context.close().catch(() => {});
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
    async newPage(context) {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      collector.close?.();
    },
  });
  return bench;
}

/**
 * The in-page helper the latency and heap benches use, as a string for `addInitScript`:
 * `__bench.shownAndPainted()` resolves once an <earshot-survey> is in the DOM, it and every
 * element inside it finished rendering, and the frame after that was painted.
 */
export const PAINT_PROBE = `(() => {
  const deepUpdates = async (root) => {
    // Lit elements render the question elements inside them in later updates: wait until settled.
    for (let round = 0; round < 5; round++) {
      const pending = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.updateComplete) pending.push(el.updateComplete);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      if (root.updateComplete) pending.push(root.updateComplete);
      if (root.shadowRoot) walk(root.shadowRoot);
      const changed = await Promise.all(pending);
      if (changed.every((done) => done === true)) return;
    }
  };
  const appeared = () =>
    new Promise((resolve) => {
      const found = document.querySelector('earshot-survey');
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const el = document.querySelector('earshot-survey');
        if (el) {
          observer.disconnect();
          resolve(el);
        }
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
  // A task queued from the animation frame runs after that frame's style, layout and paint.
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
    );
  /** The element at (x, y), looked for down through open shadow roots. */
  const deepHit = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };
  /** The face of the survey's first answer option (part "option"), looked for through open shadow roots. */
  const firstOption = () => {
    const search = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('[part~="option"]')) return el;
        const found = el.shadowRoot && search(el.shadowRoot);
        if (found) return found;
      }
      return null;
    };
    const survey = document.querySelector('earshot-survey');
    return survey?.shadowRoot && search(survey.shadowRoot);
  };
  /** Opacity as painted: the product of the element's and every ancestor's, across shadow boundaries. */
  const paintedOpacity = (el) => {
    let opacity = 1;
    for (let node = el; node; node = node.parentElement ?? node.getRootNode().host) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  window.__bench = {
    /**
     * Resolves, in the first animation frame where the first option is laid out, painted with
     * non-zero opacity and hit by elementFromPoint at its centre, with that frame's time.
     */
    firstOptionVisible() {
      return new Promise((resolve) => {
        const frame = () => {
          const option = firstOption();
          const box = option?.getBoundingClientRect();
          if (option && box.width > 0 && box.height > 0 && paintedOpacity(option) > 0) {
            const hit = deepHit(box.x + box.width / 2, box.y + box.height / 2);
            // The native input lies transparent over the face: a click there lands in the face's label.
            const target = option.closest('label') ?? option;
            if (hit && target.contains(hit)) return resolve(performance.now());
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    async shownAndPainted() {
      const el = await appeared();
      await deepUpdates(el);
      await afterNextPaint();
      return el;
    },
    /** Presses the survey's Close button; resolves once it left the DOM. */
    async dismiss(el) {
      const close = el.shadowRoot.querySelector('[part~="close-button"]');
      if (!close) throw new Error('the survey has no Close button');
      close.click();
      if (el.isConnected) throw new Error('the survey is still in the DOM after Close');
    },
  };
})();`;

/** Runs `measure` on its own when `moduleUrl` is the script node was started with. */
export function runAlone(moduleUrl, measure) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  (async () => {
    const bench = await startBench();
    try {
      const { rows } = await measure(bench);
      printTable(rows);
    } finally {
      await bench.close();
    }
  })().catch((error) => {
    console.error(`bench failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  });
}

/** Rows are [measure, value, goal?]; prints them as one Markdown table. */
export function printTable(rows) {
  for (const line of formatTable(rows)) console.log(line);
}

/** "met" or "NOT met" after a goal's wording. */
export const verdict = (goal, met) => `${goal}: ${met ? 'met' : 'NOT met'}`;
