// npm run bench: every benchmark of issue #8 in one Chromium, printed as one table and written
// into docs/performance.md (between its bench-table markers; the rest of the page is left alone).
//   bytes.bench.mjs      bytes of each dist file next to Lit's floor
//   page-cost.bench.mjs  main-thread cost of loading Earshot and calling init, long tasks
//   latency.bench.mjs    track() → survey painted, UI loaded and lazy-loaded
//   heap.bench.mjs       heap growth over 100 show/dismiss cycles
//   delivery.bench.mjs   the outbox: storing an answer, draining 1,000 queued ones
// Each file also runs alone (`node test/bench/heap.bench.mjs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { measure as measureBytes } from './bytes.bench.mjs';
import { measure as measureDelivery } from './delivery.bench.mjs';
import { measure as measureHeap } from './heap.bench.mjs';
import { measure as measureLatency } from './latency.bench.mjs';
import { measure as measurePageCost } from './page-cost.bench.mjs';
import { startBench } from './support.mjs';
import { benchBlock, withBenchBlock } from './table.mjs';

// Generous: on a 2-core machine shared with other work the run takes several times its quiet-machine time.
const WATCHDOG_MS = 15 * 60_000;
const PAGE = new URL('../../docs/performance.md', import.meta.url);
const BENCHES = [measureBytes, measurePageCost, measureLatency, measureHeap, measureDelivery];

function cpuModel() {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

const load = () => loadavg()[0].toFixed(1);

async function main() {
  // A page that lost its markers fails here, not after minutes of measuring.
  withBenchBlock(readFileSync(PAGE, 'utf8'), '');
  const started = performance.now();
  const loadBefore = load();
  const bench = await startBench();
  const rows = [];
  try {
    for (const measure of BENCHES) {
      const { title, rows: measured } = await measure(bench);
      rows.push([`**${title}**`, '', ''], ...measured);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const summary =
      `Earshot bench: Chromium ${bench.browser.version()} (headless), ${availableParallelism()} cores (${cpuModel()}), ` +
      `Node ${process.version}; load average ${loadBefore} before, ${load()} after; ${seconds} s`;
    const block = benchBlock(summary, rows);
    console.log(block);
    // Read just before writing, so edits made to the page during the run are kept.
    writeFileSync(PAGE, withBenchBlock(readFileSync(PAGE, 'utf8'), block));
    console.log('\nWritten into docs/performance.md.');
  } finally {
    await bench.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => clearTimeout(watchdog),
  (error) => {
    console.error(`bench failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
