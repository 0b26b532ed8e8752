// Collector bench (npm run bench:collector): a bounded load run against the reference collector on
// 127.0.0.1, with its SQLite file as `npm start` keeps it (WAL, synchronous FULL) and the rate limit
// off. It prints one table:
//   - POSTs and responses per second from SENDERS concurrent senders, each posting batches of
//     BATCH_SIZE realistic responses (NPS + text, CSAT) for LOAD_MS, with latency p50/p95;
//   - the server's heap and the process's RSS before and after;
//   - /results load time (p50/p95/max) while the load runs, and /results, /scores and the CSV
//     export at the final size;
//   - how fast the hostile POSTs of issue #18 are refused.
// The senders run in a worker thread, so the server's event loop is the main thread's alone. Every
// request goes to 127.0.0.1; every loop is bounded in count and time; it stops by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createCollector } from '../../../examples/collector/collector.mjs';
import { createServer } from '../../../examples/server.mjs';

const SENDERS = Number(process.env.SENDERS ?? 20);
const BATCH_SIZE = Number(process.env.BATCH_SIZE ?? 20);
const LOAD_MS = Number(process.env.LOAD_MS ?? 15_000);
const RESULTS_EVERY_MS = 1000;
const MAX_POSTS = 100_000;

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value) => `${value.toFixed(0)} ms`;
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** The senders: a worker posting batches until `until`, reporting each POST's status and time. */
const SENDER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, senders, batchSize, until, maxPosts } = workerData;
let posted = 0;
const texts = ['Fast delivery and a lovely mug', 'Slow delivery, the box arrived damaged', 'Great support', 'Checkout was confusing'];
function response(sender, n) {
  const now = new Date().toISOString();
  const id = 'load-' + sender + '-' + n + '-' + Math.random().toString(36).slice(2, 10);
  const nps = n % 3 !== 0;
  return nps
    ? { id, surveyId: 'bench-nps', template: 'nps', completed: true, answers: { nps: n % 11, reason: texts[n % 4] },
        questions: [{ id: 'nps', type: 'nps', text: 'How likely are you to recommend us?' }, { id: 'reason', type: 'text', text: 'Why?' }],
        createdAt: now, updatedAt: now, page: { url: 'https://shop.example/checkout/done', referrer: '' }, trigger: { event: 'checkout_completed' }, locale: 'en', sdk: { name: 'earshot', version: '0.1.0' } }
    : { id, surveyId: 'bench-csat', template: 'csat', completed: true, answers: { csat: 1 + (n % 5) },
        questions: [{ id: 'csat', type: 'csat', text: 'How satisfied are you?' }],
        createdAt: now, updatedAt: now, page: { url: 'https://shop.example/help/' + (n % 7), referrer: '' }, trigger: { scroll: 60 }, locale: 'en-GB', sdk: { name: 'earshot', version: '0.1.0' } };
}
async function sender(s) {
  const results = [];
  for (let n = 0; Date.now() < until && posted < maxPosts; n++) {
    posted++;
    const body = JSON.stringify({ sentAt: new Date().toISOString(), responses: Array.from({ length: batchSize }, (_, i) => response(s, n * batchSize + i)) });
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await res.arrayBuffer();
    results.push([res.status, performance.now() - started]);
  }
  return results;
}
Promise.all(Array.from({ length: senders }, (_, s) => sender(s))).then((all) => parentPort.postMessage(all.flat()));
`;

function runSenders(url, until) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER_CODE, { eval: true, workerData: { url, senders: SENDERS, batchSize: BATCH_SIZE, until, maxPosts: MAX_POSTS } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function timed(url) {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - started;
}

/** The hostile POSTs of issue #18, each refused: status and time. */
async function hostile(url) {
  const now = new Date().toISOString();
  const base = {
    id: 'h',
    surveyId: 'x',
    completed: true,
    createdAt: now,
    updatedAt: now,
    page: { url: 'https://x.example/', referrer: '' },
    trigger: { manual: true },
    locale: 'en',
    sdk: { name: 'earshot', version: '0.1.0' },
  };
  const cases = [
    [
      '5,000 questions (238 KB)',
      JSON.stringify({ sentAt: now, responses: [{ ...base, answers: {}, questions: Array.from({ length: 5000 }, (_, i) => ({ id: `q${i}`, type: 'nps', text: '' })) }] }),
    ],
    ['arrays 100,000 deep', `{"sentAt":"${now}","responses":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`],
    ['a 10 GB Content-Length', null],
  ];
  const rows = [];
  for (const [name, body] of cases) {
    const started = performance.now();
    let status;
    if (body === null) {
      const { request } = await import('node:http');
      status = await new Promise((resolve) => {
        const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 ** 3) } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', () => resolve('reset'));
        req.flushHeaders();
      });
    } else {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      await res.arrayBuffer();
      status = res.status;
    }
    rows.push([`refused: ${name}`, `${status} in ${ms(performance.now() - started)}`]);
  }
  return rows;
}

async function main() {
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-bench-'));
  const collector = createCollector({ database: path.join(folder, 'earshot.sqlite'), postsPerMinute: 0 });
  const demo = await createServer({ port: 0, host: '127.0.0.1', collector });
  try {
    globalThis.gc?.();
    const before = process.memoryUsage();
    const until = Date.now() + LOAD_MS;
    const loadStarted = performance.now();
    const sending = runSenders(`${demo.url}/api/earshot`, until);
    const resultsTimes = [];
    while (Date.now() < until) {
      resultsTimes.push(await timed(`${demo.url}/results`));
      await new Promise((resolve) => setTimeout(resolve, RESULTS_EVERY_MS));
    }
    const posts = await sending;
    const seconds = (performance.now() - loadStarted) / 1000;
    const ok = posts.filter(([status]) => status === 200);
    const failed = posts.length - ok.length;
    const latencies = ok.map(([, time]) => time);
    const peakRss = process.memoryUsage().rss;
    globalThis.gc?.();
    const after = process.memoryUsage();
    const stored = collector.responses().length;

    const rows = [
      ['load', `${SENDERS} senders × batches of ${BATCH_SIZE}, ${(LOAD_MS / 1000).toFixed(0)} s, rate limit off`],
      ['POSTs per second', `${(ok.length / seconds).toFixed(0)} (${failed} not 200)`],
      ['responses per second', `${((ok.length * BATCH_SIZE) / seconds).toFixed(0)} (${stored} stored)`],
      ['POST latency p50 / p95', `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`],
      [
        '/results while loading p50 / p95 / max',
        `${ms(percentile(resultsTimes, 50))} / ${ms(percentile(resultsTimes, 95))} / ${ms(Math.max(...resultsTimes))} (${resultsTimes.length} loads)`,
      ],
      ['server heap before / after', `${mb(before.heapUsed)} / ${mb(after.heapUsed)}${globalThis.gc ? '' : ' (run with --expose-gc for settled figures)'}`],
      ['process RSS before / peak / after', `${mb(before.rss)} / ${mb(peakRss)} / ${mb(after.rss)}`],
      [`/results at ${stored} responses`, ms(await timed(`${demo.url}/results`))],
      ['/api/earshot/scores', ms(await timed(`${demo.url}/api/earshot/scores?survey=bench-nps`))],
    ];
    const rssBeforeCsv = process.memoryUsage().rss;
    let csvPeak = rssBeforeCsv;
    const sampler = setInterval(() => (csvPeak = Math.max(csvPeak, process.memoryUsage().rss)), 20);
    const csvTime = await timed(`${demo.url}/api/earshot/export.csv`);
    clearInterval(sampler);
    rows.push(['CSV export', `${ms(csvTime)}, RSS +${mb(csvPeak - rssBeforeCsv)} at its peak`]);
    rows.push(...(await hostile(`${demo.url}/api/earshot`)));

    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`Collector bench, Node ${process.version}, SQLite file with WAL and synchronous FULL`);
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  } finally {
    await demo.close();
    collector.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
