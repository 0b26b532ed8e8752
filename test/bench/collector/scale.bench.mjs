// Collector bench at scale (npm run bench:collector): 1,000,000 responses over three surveys (NPS
// with a text question, CSAT, SUS) on each store — SQLite as `npm start` keeps it (WAL, synchronous
// FULL) and PostgreSQL on a throwaway cluster with its default, durable settings. Loopback only;
// it makes its own data and removes it. For each store it prints:
//   - the bulk load: all but the last HTTP_SLICE of TOTAL responses stored through the store's own
//     save, BULK_ROWS per transaction (no HTTP: a million over HTTP would take long per store);
//   - the ingest rate over HTTP into that full database: SENDERS concurrent senders posting batches
//     of BATCH_SIZE for INGEST_MS (a representative slice), then a top-up to TOTAL if it fell short;
//   - /results and /scores for one survey (bench-nps, a third of the rows): median and p95 of RUNS;
//   - the CSV export of every response: time and the process's peak RSS while it streams;
//   - the database's size.
// Goals (issue #20): /results under 1 s median at a million on both stores; CSV under 150 MB peak;
// ingest at least 2,000 responses/s on SQLite on 2 cores.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createCollector } from '../../../examples/collector/collector.mjs';
import { toStoredVersions } from '../../../examples/collector/stored-version.mjs';
import { createServer } from '../../../examples/server.mjs';
import { startPostgresCluster } from '../../collector/support/postgres-cluster.mjs';
import { makeBenchResponse } from './bench-data.mjs';

const TOTAL = Number(process.env.TOTAL ?? 1_000_000);
const SENDERS = Number(process.env.SENDERS ?? 20);
const BATCH_SIZE = Number(process.env.BATCH_SIZE ?? 20);
const INGEST_MS = Number(process.env.INGEST_MS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 7);
const STORES = (process.env.STORES ?? 'sqlite,postgres').split(',');
const BULK_ROWS = 1000;
/** Left for the HTTP slice; more than 20 s of ingest takes at this machine's rates. */
const HTTP_SLICE = Number(process.env.HTTP_SLICE ?? 50_000);
const SURVEY = 'bench-nps';
/**
 * PostgreSQL's defaults, but for a page cache a server would have, and no parallel workers: on two
 * shared cores, starting workers cost more than the scans they split (docs/deployment.md).
 */
const POSTGRES_SETTINGS = { shared_buffers: '256MB', max_parallel_workers_per_gather: 0 };
const SERVER = fileURLToPath(new URL('../../../examples/server.mjs', import.meta.url));

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const median = (values) => percentile(values, 50);

/** The senders, in a worker thread so the collector's event loop is the main thread's alone. */
const SENDER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, senders, batchSize, until, module } = workerData;
import(module).then(async ({ makeBenchResponse }) => {
  let sent = 0;
  async function sender(s) {
    const statuses = [];
    for (let n = 0; Date.now() < until; n++) {
      const responses = Array.from({ length: batchSize }, (_, i) => makeBenchResponse(\`http-\${s}-\${n}-\${i}\`, s * 1e6 + n * batchSize + i, Date.now()));
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sentAt: new Date().toISOString(), responses }) });
      await res.arrayBuffer();
      statuses.push(res.status);
      sent += batchSize;
    }
    return statuses;
  }
  const all = (await Promise.all(Array.from({ length: senders }, (_, s) => sender(s)))).flat();
  parentPort.postMessage({ posts: all.length, ok: all.filter((s) => s === 200).length, sent });
});
`;

function sendFor(url, ms) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER_CODE, {
      eval: true,
      workerData: { url, senders: SENDERS, batchSize: BATCH_SIZE, until: Date.now() + ms, module: new URL('./bench-data.mjs', import.meta.url).href },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Stores responses `from` to `to` (of TOTAL) through the store's own save, BULK_ROWS per transaction (no HTTP, no JSON). */
async function bulkLoad(store, from, to) {
  const now = Date.now();
  const started = performance.now();
  for (let start = from; start < to; start += BULK_ROWS) {
    const responses = Array.from({ length: Math.min(BULK_ROWS, to - start) }, (_, i) => makeBenchResponse(`bulk-${start + i}`, start + i, now, TOTAL));
    await store.save(toStoredVersions({ sentAt: new Date(now).toISOString(), responses }, now));
    if ((start - from) % 100_000 === 0) process.stderr.write(`  ${(start - from).toLocaleString('en')} bulk-loaded, ${seconds(performance.now() - started)}\n`);
  }
}

/** Starts `node examples/server.mjs` on `env`'s database; resolves to `{ url, pid, stop }` once it listens. */
function startCollectorProcess(env) {
  const child = spawn(process.execPath, [SERVER], { env: { PATH: process.env.PATH, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Results:\s+(http:\/\/[^/\s]+)\/results/.exec(output);
      if (match) resolve({ url: match[1], pid: child.pid, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}: ${output}`)));
  });
}

/** A process's peak resident memory so far (Linux: VmHWM), in bytes. */
const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

async function timeRoute(url, runs) {
  const times = [];
  let status = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    status = res.status;
    if (i > 0) times.push(performance.now() - started); // the first run warms the caches
  }
  return { status, median: median(times), p95: percentile(times, 95) };
}

/** Downloads the CSV export; its time, size and rows. */
async function exportCsv(url) {
  const started = performance.now();
  const res = await fetch(url);
  let bytes = 0;
  let rows = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) rows++;
  }
  return { ms: performance.now() - started, bytes, rows: rows - 1 };
}

async function benchStore(kind) {
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-bench-'));
  let cluster = null;
  const file = path.join(folder, 'bench.sqlite');
  try {
    if (kind === 'postgres') cluster = await startPostgresCluster({ settings: POSTGRES_SETTINGS });
    const database = kind === 'postgres' ? { databaseUrl: cluster.url } : { database: file };
    // Ingest and load in this process; the reads in a collector process of their own, as `npm start` runs it.
    const collector = createCollector({ ...database, postsPerMinute: 0 });
    await collector.ready;
    const server = await createServer({ port: 0, collector });
    let sent;
    let bulk;
    let bulkMs;
    let stored;
    let busyMs;
    try {
      bulk = Math.max(0, TOTAL - HTTP_SLICE);
      const bulkStarted = performance.now();
      await bulkLoad(collector.store, 0, bulk);
      bulkMs = performance.now() - bulkStarted;
      await collector.store.query(kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
      process.stderr.write(`  ingesting over HTTP for ${INGEST_MS / 1000} s…\n`);
      const loopBefore = performance.eventLoopUtilization();
      sent = await sendFor(`${server.url}/api/earshot`, INGEST_MS);
      // How busy the collector's thread was: on a machine shared with other work, responses per
      // busy second says what the collector alone would sustain.
      busyMs = performance.eventLoopUtilization(loopBefore).active;
      const topUp = Math.max(0, TOTAL - bulk - sent.ok * BATCH_SIZE);
      await bulkLoad(collector.store, bulk, bulk + topUp);
      bulk += topUp;
      stored = Number((await collector.store.query('SELECT COUNT(*) AS n FROM responses'))[0].n);
    } finally {
      await server.close();
      await collector.close();
    }
    const env = kind === 'postgres' ? { DATABASE_URL: cluster.url } : { EARSHOT_DB: file };
    let reader = await startCollectorProcess(env);
    const idle = peakRss(reader.pid);
    try {
      const results = await timeRoute(`${reader.url}/results?survey=${SURVEY}`, RUNS);
      const scores = await timeRoute(`${reader.url}/api/earshot/scores?survey=${SURVEY}`, RUNS);
      results.peak = peakRss(reader.pid);
      // The export in a collector process of its own, so its peak is the export's.
      await reader.stop();
      reader = await startCollectorProcess(env);
      const csv = await exportCsv(`${reader.url}/api/earshot/export.csv`);
      csv.peak = peakRss(reader.pid);
      const size = kind === 'postgres' ? await postgresSize(cluster.url) : ['', '-wal'].reduce((sum, end) => sum + (existsSync(file + end) ? statSync(file + end).size : 0), 0);
      return {
        kind,
        stored,
        idle,
        busyRate: (sent.ok * BATCH_SIZE) / (busyMs / 1000),
        ingestRate: (sent.ok * BATCH_SIZE) / (INGEST_MS / 1000),
        overHttp: sent.ok * BATCH_SIZE,
        posts: sent.posts,
        failed: sent.posts - sent.ok,
        bulk,
        bulkMs,
        results,
        scores,
        csv,
        size,
      };
    } finally {
      await reader.stop();
    }
  } finally {
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function postgresSize(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
  } finally {
    await client.end();
  }
}

const rows = [];
for (const kind of STORES) {
  console.error(`${kind}: bulk-loading ${Math.max(0, TOTAL - HTTP_SLICE).toLocaleString('en')}, then ingesting over HTTP for ${INGEST_MS / 1000} s…`);
  rows.push(await benchStore(kind));
}
console.log(
  `\nCollector at ${TOTAL.toLocaleString('en')} responses (three surveys: NPS + text, CSAT, SUS), node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end`,
);
console.log(
  `Load: ${Math.max(0, TOTAL - HTTP_SLICE).toLocaleString('en')} bulk-loaded through the store's own save, ${BULK_ROWS} per transaction; then ${SENDERS} senders posting batches of ${BATCH_SIZE} over HTTP for ${INGEST_MS / 1000} s into that full database (a slice); then a bulk top-up to ${TOTAL.toLocaleString('en')}.`,
);
console.log(
  `Reads: a collector process of its own (node examples/server.mjs); /results and /scores of ${SURVEY} (a third of the rows), ${RUNS} runs after a warm-up; the CSV export of every response from a fresh collector process, with its peak RSS (VmHWM). PostgreSQL settings: ${JSON.stringify(POSTGRES_SETTINGS)}.`,
);
console.log(
  '| store | ingest over HTTP at scale | bulk load | responses | /results median / p95 | /scores median / p95 | CSV export: time, peak RSS of the collector | database size |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const cells = [
    r.kind === 'postgres' ? 'PostgreSQL' : 'SQLite',
    `${Math.round(r.ingestRate).toLocaleString('en')} responses/s (${r.overHttp.toLocaleString('en')} stored${r.failed ? `, ${r.failed} POSTs refused` : ''}; ${Math.round(r.busyRate).toLocaleString('en')} per busy second of the collector's thread)`,
    `${(r.bulk - Math.max(0, TOTAL - HTTP_SLICE) > 0 ? Math.max(0, TOTAL - HTTP_SLICE) : r.bulk).toLocaleString('en')} in ${seconds(r.bulkMs)} (${Math.round(Math.max(0, TOTAL - HTTP_SLICE) / (r.bulkMs / 1000)).toLocaleString('en')}/s)`,
    r.stored.toLocaleString('en'),
    `${seconds(r.results.median)} / ${seconds(r.results.p95)}${r.results.status !== 200 ? ` (status ${r.results.status})` : ''} (peak RSS ${mb(r.results.peak)})`,
    `${seconds(r.scores.median)} / ${seconds(r.scores.p95)}`,
    `${seconds(r.csv.ms)}, ${mb(r.csv.peak)} (idle collector ${mb(r.idle)}; ${r.csv.rows.toLocaleString('en')} rows, ${mb(r.csv.bytes)})`,
    mb(r.size),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log('\nGoals: /results under 1 s median on both stores; CSV export under 150 MB peak memory; ingest at least 2,000 responses/s on SQLite.');
for (const r of rows) {
  const goals = [
    `/results ${r.results.median < 1000 ? 'met' : 'NOT met'}`,
    `CSV memory ${r.csv.peak < 150 * 1024 * 1024 ? 'met' : 'NOT met'}`,
    ...(r.kind === 'sqlite' ? [`ingest ${r.ingestRate >= 2000 ? 'met' : 'NOT met'}`] : []),
  ];
  console.log(`${r.kind}: ${goals.join('; ')}`);
}
