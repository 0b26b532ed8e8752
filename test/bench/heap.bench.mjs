// JS heap growth over CYCLES show-and-dismiss cycles (`track()` of the survey's journey point, wait
// until painted, Close), for each script-tag build. The heap is read with CDP
// `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`, once after WARMUP_CYCLES cycles (so
// the UI code, templates and styles are loaded) and once after the CYCLES cycles. It also counts
// the <earshot-survey> elements still alive after garbage collection (`Runtime.queryObjects`):
// every dismissed one should be gone. Dismissing with Escape as well as Close tells a leak through
// clicks from one in the UI.
//
//   node test/bench/heap.bench.mjs
import { PAINT_PROBE, kb, runAlone, sleep, verdict } from './support.mjs';

export const CYCLES = 100;
// Enough for the JIT to have compiled what a cycle runs: its code is heap too, and is not a leak.
const WARMUP_CYCLES = 10;
const GOAL_BYTES = 100 * 1024;

const SURVEY = {
  id: 'nps',
  trigger: { event: 'ask' },
  dismissedRecontactDays: 0,
  recontactDays: 0,
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};
const CONFIG = { endpoint: '/api/earshot', cooldownDays: 0, surveys: [SURVEY] };

const RUNS = [
  { key: 'one-file', script: 'earshot.min.js', how: 'close', label: 'closed with its Close button' },
  { key: 'core', script: 'earshot.core.min.js', how: 'close', label: 'closed with its Close button' },
  // Tells a leak through clicks (the page watch keeps every clicked element) from one in the UI.
  { key: 'one-file', script: 'earshot.min.js', how: 'escape', label: 'closed with Escape (no click)' },
];

const pageFor = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Earshot heap bench</title><link rel="icon" href="data:,">
<script>${PAINT_PROBE}</script></head>
<body><main><h1>Order confirmed</h1></main><script src="/dist/${script}"></script></body></html>`;

/** `how`: 'close' clicks the Close button, 'escape' presses Escape in the survey. */
async function cycles(page, count, how) {
  await page.evaluate(
    async ({ n, how }) => {
      for (let i = 0; i < n; i++) {
        window.earshot.track('ask');
        const el = await window.__bench.shownAndPainted();
        if (how === 'close') await window.__bench.dismiss(el);
        else el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        if (el.isConnected) throw new Error('the survey is still in the DOM after dismissing it');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    { n: count, how },
  );
}

/** Heap in use after a full garbage collection, and how many survey elements are still alive. */
async function settledHeap(page, cdp) {
  await sleep(200);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: "customElements.get('earshot-survey').prototype" });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
  const { result: count } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: prototype.objectId });
  return { used: usedSize, surveys: count.value };
}

async function growth(bench, build, how) {
  const context = await bench.newContext();
  try {
    const page = await bench.newPage(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(bench.url(`/__bench/heap-${build.key}.html`));
    await page.evaluate((config) => window.earshot.init(config), CONFIG);
    await cycles(page, WARMUP_CYCLES, how);
    const before = await settledHeap(page, cdp);
    await cycles(page, CYCLES, how);
    const after = await settledHeap(page, cdp);
    return { before, after };
  } finally {
    await context.close();
  }
}

export async function measure(bench) {
  const rows = [];
  for (const run of RUNS) {
    bench.pages.set(`/__bench/heap-${run.key}.html`, pageFor(run.script));
    const { before, after } = await growth(bench, run, run.how);
    const grown = after.used - before.used;
    rows.push([
      `heap growth over ${CYCLES} show/dismiss cycles after GC, ${run.script}, ${run.label}`,
      `${grown < 0 ? '−' : '+'}${kb(Math.abs(grown))} (${kb(before.used)} → ${kb(after.used)})`,
      run.how === 'close' ? verdict('< 100 KB', grown < GOAL_BYTES) : '',
    ]);
    rows.push([`  <earshot-survey> elements alive after GC (before → after)`, `${before.surveys} → ${after.surveys}`]);
  }
  return { title: 'Heap', rows };
}

runAlone(import.meta.url, measure);
