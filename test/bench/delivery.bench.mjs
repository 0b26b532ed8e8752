// Delivery benchmark (issue 5): in Chromium, with the real bundle (dist/earshot.min.js) and the
// reference collector on 127.0.0.1, measures
//   1. the time to store one answer: from the click on an NPS radio to its record existing in the
//      IndexedDB outbox (median and p95 over STORE_RUNS runs, timed in the page);
//   2. the time to drain 1,000 queued responses: the outbox is pre-filled with 1,000 responses in
//      the docs/architecture.md §3 shape, then `earshot.init` until the collector has committed all 1,000
//      (and until the outbox is empty), over DRAIN_RUNS fresh browser contexts;
//   3. the peak JS heap of the page during the drain (CDP Runtime.getHeapUsage, sampled).
//
//   node test/bench/delivery.bench.mjs   (npm run bench runs it with the others)
//   EARSHOT_BUNDLE=/path/to/earshot.min.js node test/bench/delivery.bench.mjs   (another build)
//
// It talks to 127.0.0.1 only (any other request is aborted); every wait is bounded.
import { readFileSync } from 'node:fs';
import { median, ms, percentile, runAlone, sleep, SDK_VERSION, until as untilDone } from './support.mjs';

const STORE_RUNS = 25;
const STORE_WARMUP_RUNS = 3;
const DRAIN_RUNS = 5;
const QUEUED = 1000;
const DRAIN_TIMEOUT_MS = 30_000;
const HEAP_SAMPLE_MS = 5;

const BUNDLE = process.env.EARSHOT_BUNDLE;
const PAGE_PATH = '/__bench/delivery.html';

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

const until = (done, what, options) => untilDone(done, what, { timeout: DRAIN_TIMEOUT_MS, ...options });

export async function measure(bench) {
  bench.pages.set(PAGE_PATH, PAGE);
  // Responses committed by the collector, by id (onBatch runs after each committed batch).
  const committed = new Set();
  /** performance.now() of each committed batch, to show how the drain is paced. */
  const batchTimes = [];
  bench.onBatch = (batch) => {
    batchTimes.push(performance.now());
    for (const response of batch.responses) committed.add(response.id);
  };
  const { collector, server } = bench;

  async function openBenchPage() {
    const context = await bench.newContext();
    if (BUNDLE) {
      const body = readFileSync(BUNDLE);
      await context.route(`${server.url}/dist/earshot.min.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }));
    }
    const page = await bench.newPage(context);
    await page.goto(bench.url(PAGE_PATH));
    await page.waitForFunction(() => typeof window.earshot?.init === 'function');
    return { context, page };
  }

  try {
    // 1. Time to store one answer.
    const storeTimes = [];
    {
      const { context, page } = await openBenchPage();
      await page.evaluate((survey) => window.earshot.init({ endpoint: '/api/earshot', surveys: [survey] }), SURVEY);
      for (let run = 0; run < STORE_WARMUP_RUNS + STORE_RUNS; run++) {
        const elapsedMs = await page.evaluate(async (score) => {
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
          const request = (req) =>
            new Promise((resolve, reject) => {
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            });
          window.earshot.show('nps');
          for (let i = 0; i < 5; i++)
            await Promise.all(
              deepAll(document, '*')
                .filter((el) => el.updateComplete)
                .map((el) => el.updateComplete),
            );
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
        if (run >= STORE_WARMUP_RUNS) storeTimes.push(elapsedMs);
      }
      await context.close();
    }

    // 2 and 3. Time to drain 1,000 queued responses, and the page's heap meanwhile.
    const drains = [];
    for (let run = 0; run < DRAIN_RUNS; run++) {
      const { context, page } = await openBenchPage();
      const ids = await page.evaluate(
        async ({ count, survey, version }) => {
          const request = (req) =>
            new Promise((resolve, reject) => {
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

    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const rows = [
      [`store one answer (click → IndexedDB record), median of ${STORE_RUNS}`, ms(median(storeTimes))],
      [`store one answer, p95 of ${STORE_RUNS}`, ms(percentile(storeTimes, 95))],
      [`drain ${QUEUED} queued → collector holds all, median of ${DRAIN_RUNS}`, ms(median(drains.map((d) => d.delivered)))],
      [`drain ${QUEUED} queued, each run`, drains.map((d) => ms(d.delivered)).join(', ')],
      [`drain ${QUEUED} queued → outbox empty, median of ${DRAIN_RUNS}`, ms(median(drains.map((d) => d.emptied)))],
      [
        `  batches per drain; init → first batch; median gap between batches`,
        `${median(drains.map((d) => d.batches))}; ${ms(median(drains.map((d) => d.firstBatch)))}; ${ms(median(drains.map((d) => d.gap)))}`,
      ],
      [`peak JS heap during drain, max of ${DRAIN_RUNS}`, mb(Math.max(...drains.map((d) => d.peak)))],
      [`  of which above the idle page, max`, mb(Math.max(...drains.map((d) => d.peak - d.idle)))],
    ];
    return { title: `Outbox (${BUNDLE ?? 'earshot.min.js'}, reference collector)`, rows };
  } finally {
    bench.onBatch = null;
  }
}

runAlone(import.meta.url, measure);
