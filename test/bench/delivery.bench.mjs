// Delivery benchmark (issue 5): in Chromium, with the real bundle (dist/earshot.min.js) and the
// reference collector on 127.0.0.1, measures
//   1. the time to store one answer: from the click on an NPS radio to its record existing in the
//      IndexedDB outbox (median and p95 over STORE_RUNS runs, timed in the page);
//   2. the time to drain 1,000 queued responses: the outbox is pre-filled with 1,000 responses in
//      the DESIGN.md §3 shape, then `earshot.init` until the collector has committed all 1,000
//      (and until the outbox is empty), over DRAIN_RUNS fresh browser contexts;
//   3. the peak JS heap of the page during the drain (CDP Runtime.getHeapUsage, sampled).
//
//   npm run build && node test/bench/delivery.bench.mjs
//   EARSHOT_BUNDLE=/path/to/earshot.min.js node test/bench/delivery.bench.mjs   (another build)
//
// It talks to 127.0.0.1 only (any other request is aborted) and stops by itself: every wait is
// bounded and a watchdog ends the run after WATCHDOG_MS.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createCollector } from '../../examples/collector/collector.mjs';
import { createServer } from '../../examples/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.mjs';

const STORE_RUNS = 25;
const STORE_WARMUP_RUNS = 3;
const DRAIN_RUNS = 5;
const QUEUED = 1000;
const DRAIN_TIMEOUT_MS = 30_000;
const WATCHDOG_MS = 120_000;
const HEAP_SAMPLE_MS = 5;

const BUNDLE = process.env.EARSHOT_BUNDLE || fileURLToPath(new URL('../../dist/earshot.min.js', import.meta.url));
const { version: SDK_VERSION } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const PAGE_PATH = '/__bench/page.html';

const SURVEY = {
  id: 'nps',
  trigger: { event: 'ask' },
  questions: [
    { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' },
    { id: 'reason', type: 'text', text: 'What is the main reason for your score?', optional: true },
  ],
  thanks: 'Thanks.',
};

// The bench page loads the bundle but does not call init: each measurement does, when ready.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Earshot bench</title><link rel="icon" href="data:,"></head>
<body><main><h1>Earshot delivery bench</h1></main><script src="/dist/earshot.min.js"></script></body></html>`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (values) => percentile(values, 50);

/** Resolves when `done()` holds, checking every `interval` ms; rejects after `timeout` ms. */
async function until(done, what, { timeout = DRAIN_TIMEOUT_MS, interval = 2 } = {}) {
  const deadline = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

async function main() {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}.`);

  // Responses committed by the collector, by id (onBatch runs after each committed batch).
  const committed = new Set();
  /** performance.now() of each committed batch, to show how the drain is paced. */
  const batchTimes = [];
  const collector = createCollector({
    onBatch: (batch) => {
      batchTimes.push(performance.now());
      for (const response of batch.responses) committed.add(response.id);
    },
  });
  const handle = collector.handle.bind(collector);
  collector.handle = (req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://bench').pathname === PAGE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(PAGE);
      return true;
    }
    return handle(req, res);
  };
  const server = await createServer({ port: 0, host: '127.0.0.1', collector });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const cleanup = async () => {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
    collector.close?.();
  };

  async function openBenchPage() {
    const context = await browser.newContext();
    // Only the local server: anything else is aborted.
    await context.route((url) => url.origin !== server.url, (route) => route.abort());
    if (process.env.EARSHOT_BUNDLE) {
      const body = readFileSync(BUNDLE);
      await context.route(`${server.url}/dist/earshot.min.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }));
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(new URL(PAGE_PATH, server.url).href);
    await page.waitForFunction(() => typeof window.earshot?.init === 'function');
    return { context, page };
  }

  try {
    const browserVersion = browser.version();

    // 1. Time to store one answer.
    const storeTimes = [];
    {
      const { context, page } = await openBenchPage();
      await page.evaluate((survey) => window.earshot.init({ endpoint: '/api/earshot', surveys: [survey] }), SURVEY);
      for (let run = 0; run < STORE_WARMUP_RUNS + STORE_RUNS; run++) {
        const ms = await page.evaluate(async (score) => {
          const deepAll = (root, selector) => {
            const found = [];
            const walk = (node) => {
              for (const el of node.querySelectorAll('*')) {
                if (el.matches(selector)) found.push(el);
                if (el.shadowRoot) walk(el.shadowRoot);
              }
            };
            walk(root);
            return found;
          };
          const request = (req) => new Promise((resolve, reject) => {
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          window.earshot.show('nps');
          for (let i = 0; i < 5; i++) await Promise.all(deepAll(document, '*').filter((el) => el.updateComplete).map((el) => el.updateComplete));
          const radio = deepAll(document, 'input[type=radio]').find((input) => (input.closest('label')?.textContent ?? '').trim() === String(score));
          if (!radio) throw new Error(`no radio named ${score}`);
          // The SDK creates the database at the first answer: before that, look for it by name only.
          const exists = async () => (await indexedDB.databases()).some((d) => d.name === 'earshot');
          let db = (await exists()) ? await request(indexedDB.open('earshot')) : null;
          const keys = async () => {
            if (!db) {
              if (!(await exists())) return [];
              db = await request(indexedDB.open('earshot'));
            }
            if (!db.objectStoreNames.contains('responses')) return [];
            return request(db.transaction('responses', 'readonly').objectStore('responses').getAllKeys());
          };
          const before = new Set(await keys());
          const start = performance.now();
          radio.click();
          for (;;) {
            if ((await keys()).some((key) => !before.has(key))) break;
            if (performance.now() - start > 5_000) throw new Error('no outbox record 5 s after the click');
          }
          const elapsed = performance.now() - start;
          db?.close();
          return elapsed;
        }, run % 11);
        if (run >= STORE_WARMUP_RUNS) storeTimes.push(ms);
      }
      await context.close();
    }

    // 2 and 3. Time to drain 1,000 queued responses, and the page's heap meanwhile.
    const drains = [];
    for (let run = 0; run < DRAIN_RUNS; run++) {
      const { context, page } = await openBenchPage();
      const ids = await page.evaluate(
        async ({ count, survey, version }) => {
          const request = (req) => new Promise((resolve, reject) => {
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          // The outbox as idb-keyval lays it out: database `earshot`, store `responses`, key = response id.
          const open = indexedDB.open('earshot');
          open.onupgradeneeded = () => open.result.createObjectStore('responses');
          const db = await request(open);
          const tx = db.transaction('responses', 'readwrite');
          const store = tx.objectStore('responses');
          const ids = [];
          const base = Date.now() - count * 1000;
          for (let i = 0; i < count; i++) {
            const id = crypto.randomUUID();
            const stamp = new Date(base + i * 1000).toISOString();
            ids.push(id);
            store.put(
              {
                id,
                surveyId: survey.id,
                completed: true,
                answers: { score: i % 11, reason: `Queued answer number ${i}, waiting for the network to come back.` },
                questions: survey.questions.map(({ id: qid, type, text }) => ({ id: qid, type, text })),
                createdAt: stamp,
                updatedAt: stamp,
                page: { url: location.href, referrer: '' },
                trigger: survey.trigger,
                locale: 'en',
                sdk: { name: 'earshot', version },
              },
              id,
            );
          }
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          db.close();
          return ids;
        },
        { count: QUEUED, survey: SURVEY, version: SDK_VERSION },
      );
      const queuedIds = new Set(ids);

      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const idle = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      let peak = idle;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { usedSize } = await cdp.send('Runtime.getHeapUsage');
          peak = Math.max(peak, usedSize);
          await sleep(HEAP_SAMPLE_MS);
        }
      })();

      committed.clear();
      batchTimes.length = 0;
      const holdsAll = () => [...queuedIds].every((id) => committed.has(id));
      const start = performance.now();
      await page.evaluate((survey) => window.earshot.init({ endpoint: '/api/earshot', surveys: [survey] }), SURVEY);
      await until(holdsAll, `the collector to hold ${QUEUED} responses (it holds ${committed.size})`);
      const delivered = performance.now() - start;
      await until(
        () =>
          page.evaluate(
            () =>
              new Promise((resolve, reject) => {
                const open = indexedDB.open('earshot');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const db = open.result;
                  const count = db.transaction('responses', 'readonly').objectStore('responses').count();
                  count.onsuccess = () => {
                    db.close();
                    resolve(count.result === 0);
                  };
                  count.onerror = () => reject(count.error);
                };
              }),
          ),
        'the outbox to be empty',
        { interval: 5 },
      );
      const emptied = performance.now() - start;
      sampling = false;
      await sampler;
      const gaps = batchTimes.slice(1).map((t, i) => t - batchTimes[i]);
      drains.push({ delivered, emptied, idle, peak, batches: batchTimes.length, firstBatch: batchTimes[0] - start, gap: gaps.length ? median(gaps) : 0 });
      await context.close();
    }

    const stored = await collector.responses();
    if (stored.length < QUEUED * DRAIN_RUNS) {
      throw new Error(`the collector holds ${stored.length} responses, expected at least ${QUEUED * DRAIN_RUNS}`);
    }

    const ms = (value) => `${value.toFixed(1)} ms`;
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const rows = [
      [`store one answer (click → IndexedDB record), median of ${STORE_RUNS}`, ms(median(storeTimes))],
      [`store one answer, p95 of ${STORE_RUNS}`, ms(percentile(storeTimes, 95))],
      [`drain ${QUEUED} queued → collector holds all, median of ${DRAIN_RUNS}`, ms(median(drains.map((d) => d.delivered)))],
      [`drain ${QUEUED} queued, each run`, drains.map((d) => ms(d.delivered)).join(', ')],
      [`drain ${QUEUED} queued → outbox empty, median of ${DRAIN_RUNS}`, ms(median(drains.map((d) => d.emptied)))],
      [`  batches per drain; init → first batch; median gap between batches`, `${median(drains.map((d) => d.batches))}; ${ms(median(drains.map((d) => d.firstBatch)))}; ${ms(median(drains.map((d) => d.gap)))}`],
      [`peak JS heap during drain, max of ${DRAIN_RUNS}`, mb(Math.max(...drains.map((d) => d.peak)))],
      [`  of which above the idle page, max`, mb(Math.max(...drains.map((d) => d.peak - d.idle)))],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`Earshot delivery benchmark: Chromium ${browserVersion}, ${process.env.EARSHOT_BUNDLE ?? 'dist/earshot.min.js'}, reference collector on ${server.url}`);
    console.log(`| ${'measure'.padEnd(width)} | value`);
    console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(12)}`);
    for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value}`);
  } finally {
    await cleanup();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS} ms, giving up`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => {
    clearTimeout(watchdog);
  },
  (error) => {
    console.error(`bench failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
