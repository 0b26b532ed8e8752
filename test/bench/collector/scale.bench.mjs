// Collector bench at scale (npm run bench:collector): 1,000,000 responses over three surveys (NPS
// with a text question, CSAT, SUS) on each store — SQLite as `npm start` keeps it (WAL, synchronous
// FULL) and PostgreSQL on a throwaway cluster with its default, durable settings. Loopback only;
// it makes its own data and removes it. For each store it prints:
//   - the ingest rate over HTTP: SENDERS concurrent senders posting batches of BATCH_SIZE, for
//     INGEST_MS (a representative slice: a million over HTTP would take minutes per store);
//   - the rest bulk-loaded up to TOTAL rows through the same columns (the output says how many);
//   - /results and /scores for one survey (bench-nps, a third of the rows): median and p95 of RUNS;
//   - the CSV export of every response: time and the process's peak RSS while it streams;
//   - the database's size.
// Goals (issue #20): /results under 1 s median at a million on both stores; CSV under 150 MB peak;
// ingest at least 2,000 responses/s on SQLite on 2 cores.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createCollector } from '../../../examples/collector/collector.mjs';
import { ANSWER_COLUMNS, INSERT_RESPONSE_COLUMNS, PICK_COLUMNS, answerValues, pickValues, responseValues } from '../../../examples/collector/migrations.mjs';
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
const SURVEY = 'bench-nps';

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

/** Inserts `count` generated responses with explicit seqs, BULK_ROWS per statement: the same columns the collector writes. */
async function bulkLoad(store, count, firstSeq) {
  const cols = (list) => list.split(', ').length;
  const placeholders = (rows, width) => Array.from({ length: rows }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');
  const now = Date.now();
  const sets = new Map();
  for (let start = 0; start < count; start += BULK_ROWS) {
    const n = Math.min(BULK_ROWS, count - start);
    const responses = Array.from({ length: n }, (_, i) => makeBenchResponse(`bulk-${start + i}`, start + i, now));
    const versions = toStoredVersions({ sentAt: new Date(now).toISOString(), responses }, now);
    const newSets = versions.filter((v) => !sets.has(v.questionSet.hash));
    for (const v of newSets) sets.set(v.questionSet.hash, v.questionSet.json);
    if (newSets.length > 0) {
      const unique = [...new Map(newSets.map((v) => [v.questionSet.hash, v.questionSet.json]))];
      await store.query(`INSERT INTO question_sets (hash, questions) VALUES ${placeholders(unique.length, 2)} ON CONFLICT (hash) DO NOTHING`, unique.flat());
    }
    const seqs = versions.map((_, i) => firstSeq + start + i);
    await store.query(`INSERT INTO responses (seq, ${INSERT_RESPONSE_COLUMNS}) VALUES ${placeholders(n, 1 + cols(INSERT_RESPONSE_COLUMNS))}`, versions.flatMap((v, i) => [seqs[i], ...responseValues(v)]));
    const answers = versions.flatMap((v, i) => v.answers.map((a) => answerValues(seqs[i], v, a)));
    for (let a = 0; a < answers.length; a += 2000) {
      const chunk = answers.slice(a, a + 2000);
      await store.query(`INSERT INTO answers (${ANSWER_COLUMNS}) VALUES ${placeholders(chunk.length, cols(ANSWER_COLUMNS))}`, chunk.flat());
    }
    const picks = versions.flatMap((v, i) => v.answers.filter((a) => a.picks).flatMap((a) => pickValues(seqs[i], v, a)));
    if (picks.length > 0) await store.query(`INSERT INTO choice_picks (${PICK_COLUMNS}) VALUES ${placeholders(picks.length, cols(PICK_COLUMNS))}`, picks.flat());
  }
  if (store.engine === 'postgres') await store.query("SELECT setval(pg_get_serial_sequence('responses', 'seq'), (SELECT MAX(seq) FROM responses))");
}

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

async function exportCsv(url) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const res = await fetch(url);
  let bytes = 0;
  let rows = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) rows++;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, peak, baseline, bytes, rows: rows - 1 };
}

async function benchStore(kind) {
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-bench-'));
  let cluster = null;
  const file = path.join(folder, 'bench.sqlite');
  try {
    if (kind === 'postgres') cluster = await startPostgresCluster({ settings: { max_connections: 100, shared_buffers: '256MB' } });
    const collector = createCollector(kind === 'postgres' ? { databaseUrl: cluster.url, postsPerMinute: 0 } : { database: file, postsPerMinute: 0 });
    await collector.ready;
    const server = await createServer({ port: 0, collector });
    const store = { engine: collector.engine, query: (sql, params) => collectorQuery(collector, sql, params) };
    try {
      const sent = await sendFor(`${server.url}/api/earshot`, INGEST_MS);
      const ingestRate = sent.ok * BATCH_SIZE / (INGEST_MS / 1000);
      const overHttp = sent.ok * BATCH_SIZE;
      const bulkStarted = performance.now();
      const bulk = Math.max(0, TOTAL - overHttp);
      await bulkLoad(store, bulk, 10_000_000);
      const bulkMs = performance.now() - bulkStarted;
      if (kind === 'postgres') await store.query('VACUUM ANALYZE');
      else await store.query('ANALYZE');
      const results = await timeRoute(`${server.url}/results?survey=${SURVEY}`, RUNS);
      const scores = await timeRoute(`${server.url}/api/earshot/scores?survey=${SURVEY}`, RUNS);
      const csv = await exportCsv(`${server.url}/api/earshot/export.csv`);
      const size =
        kind === 'postgres'
          ? Number((await store.query('SELECT pg_database_size(current_database()) AS n'))[0].n)
          : ['', '-wal'].reduce((sum, end) => sum + (existsSync(file + end) ? statSync(file + end).size : 0), 0);
      return { kind, ingestRate, overHttp, posts: sent.posts, failed: sent.posts - sent.ok, bulk, bulkMs, results, scores, csv, size };
    } finally {
      await server.close();
      await collector.close();
    }
  } finally {
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The collector's own store, for the bulk load and the size query. */
function collectorQuery(collector, sql, params) {
  return collector.store.query(sql, params);
}

const rows = [];
for (const kind of STORES) {
  console.error(`${kind}: ingesting over HTTP for ${INGEST_MS / 1000} s, then bulk-loading to ${TOTAL.toLocaleString('en')}…`);
  rows.push(await benchStore(kind));
}
console.log(`\nCollector at ${TOTAL.toLocaleString('en')} responses (three surveys: NPS + text, CSAT, SUS), node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log('| store | ingest over HTTP (20 senders, batches of 20) | /results median / p95 (one survey) | /scores median / p95 | CSV export of all: time, peak RSS | database size |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${Math.round(r.ingestRate).toLocaleString('en')} responses/s (${r.overHttp.toLocaleString('en')} over HTTP${r.failed ? `, ${r.failed} POSTs failed` : ''}; ${r.bulk.toLocaleString('en')} bulk-loaded in ${seconds(r.bulkMs)}) | ${seconds(r.results.median)} / ${seconds(r.results.p95)}${r.results.status !== 200 ? ` (status ${r.results.status})` : ''} | ${seconds(r.scores.median)} / ${seconds(r.scores.p95)} | ${seconds(r.csv.ms)}, ${mb(r.csv.peak)} (${r.csv.rows.toLocaleString('en')} rows, ${mb(r.csv.bytes)}) | ${mb(r.size)} |`,
  );
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
