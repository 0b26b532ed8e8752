// What Earshot costs the host page: the demo shop's product page (examples/shop/index.html, with
// its own shop.js) loaded in a fresh browser context (a first visit: empty storage), without
// Earshot and with each script-tag build followed by `earshot.init`. Per load:
//   - the Earshot script's evaluation (compile + run): from its response end (or the mark before
//     the tag, whichever is later) to an inline mark right after the tag;
//   - `init()` itself, timed around the call, and the start it leaves to the next task (from the
//     end of init to a timer set then, which runs right after that task);
//   - the page's total script time, CDP `Performance.getMetrics` ScriptDuration, read once the page
//     has settled (init's IndexedDB work and delivery check done; for the split build on a page
//     where a survey may show, once the UI prefetched at idle was evaluated);
//   - the main thread's total task time (TaskDuration), which also counts compiling on the main thread;
//   - long tasks (> 50 ms), from a `longtask` PerformanceObserver set up first thing in <head>.
// PostHog (posthog-js, pinned in package.json; its one-file array.full.js with `posthog.init`, every
// endpoint stubbed on the bench server) loads on the same page in the same runs, waited for until
// the network is idle: its script time beside Earshot's is the ratio issue #23 sets a goal for.
// The split core is also loaded without its first line, V8's compile hint, to show what the hint does:
// less main-thread time, but the script runs later (its functions compile while it streams in).
// A later page of the visit: the same pages (without Earshot, each build, PostHog) loaded a third
// time in a browser with a profile on disk (off-the-record contexts keep no code cache), their
// scripts served cacheable (under /cached/, as from a CDN), so that the third page takes them from
// the HTTP cache with V8's code cache (which Chromium makes on a script's second load and uses from
// its third), and finds the visitor's state stored by the first.
//
//   node test/bench/page-cost.bench.mjs
import { readFileSync } from 'node:fs';
import { CACHED_PREFIX, POSTHOG_FILE, POSTHOG_HOST_PATH, median, ms, runAlone, sleep, verdict } from './support.mjs';

export const RUNS = 20;
const WARMUP_RUNS = 1;
/** After `load`: time for init's asynchronous work (IndexedDB opens, the delivery check) to finish. */
const SETTLE_MS = 200;
/** Pages of the visit loaded before the measured one: Chromium makes a script's code cache on its second load and uses it from its third. */
const EARLIER_PAGES = 2;

const SHOP_PAGE = readFileSync(new URL('../../examples/shop/index.html', import.meta.url), 'utf8');

const score = { id: 'score', type: 'nps', text: 'How likely are you to recommend us?' };
/** A survey that can only show on another page: the split build never fetches its UI here. */
const ELSEWHERE = { id: 'after-checkout', trigger: { url: '/shop/done.html' }, questions: [score] };
/** A survey for a journey point that may come on this page: the split build prefetches its UI at idle. */
const HERE = { id: 'nps', trigger: { event: 'checkout_completed' }, questions: [score] };

const VARIANTS = [
  { key: 'none', label: 'without Earshot' },
  { key: 'one-file', label: 'earshot.min.js + init', script: 'earshot.min.js', surveys: [HERE] },
  { key: 'core', label: 'earshot.core.min.js + init, no survey can show here', script: 'earshot.core.min.js', surveys: [ELSEWHERE] },
  // The same file less its first line, V8's compile hint: what the hint changes, measured side by side.
  { key: 'core-no-hint', label: 'the same without its compile hint (first line removed)', script: 'earshot.core.no-hint.min.js', surveys: [ELSEWHERE] },
  { key: 'core-prefetch', label: 'earshot.core.min.js + init, a survey may show (UI prefetched at idle)', script: 'earshot.core.min.js', surveys: [HERE], waitForUi: true },
  { key: 'posthog', label: 'PostHog 1.449.2 (array.full.js) + posthog.init, endpoints stubbed, until network idle', posthog: true },
];
/** The same pages as the third page of a visit: scripts from the HTTP cache, with V8's code cache. */
const LATER_PAGE = 'a later page of the visit (the third: scripts from the HTTP cache, with their code cache)';
const LATER_VARIANTS = [
  { key: 'none-later', label: `without Earshot, ${LATER_PAGE}`, laterPage: true },
  { key: 'one-file-later', label: `earshot.min.js + init, ${LATER_PAGE}`, script: 'earshot.min.js', surveys: [HERE], laterPage: true },
  { key: 'core-later', label: `earshot.core.min.js + init, no survey can show here, ${LATER_PAGE}`, script: 'earshot.core.min.js', surveys: [ELSEWHERE], laterPage: true },
  { key: 'posthog-later', label: `PostHog 1.449.2 (array.full.js) + posthog.init, until network idle, ${LATER_PAGE}`, posthog: true, laterPage: true },
];

const POSTHOG_VERSION = JSON.parse(readFileSync(new URL('../../node_modules/posthog-js/package.json', import.meta.url), 'utf8')).version;

const HEAD_PROBE = `<script>
window.__cost = { longTasks: [] };
new PerformanceObserver((list) => { for (const entry of list.getEntries()) __cost.longTasks.push(entry.duration); })
  .observe({ type: 'longtask', buffered: true });
</script>`;

function pageFor({ script, surveys, posthog, laterPage }) {
  // Served with `max-age` under CACHED_PREFIX, `no-store` otherwise (support.mjs).
  const from = laterPage ? CACHED_PREFIX.slice(0, -1) : '';
  const earshot = posthog
    ? `<script>__cost.before = performance.now();</script>
<script src="${from}${POSTHOG_FILE}"></script>
<script>
__cost.after = performance.now();
__cost.initStart = performance.now();
posthog.init('phc_bench', { api_host: location.origin + '${POSTHOG_HOST_PATH}' });
__cost.init = performance.now() - __cost.initStart;
__cost.initEnd = performance.now();
setTimeout(() => { __cost.start = performance.now() - __cost.initEnd; }, 0);
</script>`
    : script
      ? `<script>__cost.before = performance.now();</script>
<script src="${from}/dist/${script}"></script>
<script>
__cost.after = performance.now();
__cost.initStart = performance.now();
earshot.init({ endpoint: '/api/earshot', surveys: ${JSON.stringify(surveys)} });
__cost.init = performance.now() - __cost.initStart;
// init leaves its start (listeners, IndexedDB, the first look at the page) to the next task; a
// timer set now runs right after it.
__cost.initEnd = performance.now();
setTimeout(() => { __cost.start = performance.now() - __cost.initEnd; }, 0);
</script>`
      : '';
  return SHOP_PAGE.replace(/\s*<script src="\/dist\/earshot\.min\.js"><\/script>/, '')
    .replace(/\s*<script src="earshot-setup\.js"><\/script>/, '')
    .replace('</head>', `${HEAD_PROBE}\n</head>`)
    .replace('<script src="shop.js"></script>', `${earshot}\n<script src="shop.js"></script>`);
}

/** Loads the variant's page in `context` and lets it settle, as `loadOnce` does, measuring nothing. */
async function visit(bench, context, variant) {
  const page = await bench.newPage(context);
  await page.goto(bench.url(`/shop/bench-${variant.key}.html`), { waitUntil: 'load' });
  if (variant.posthog) await page.waitForLoadState('networkidle');
  await sleep(SETTLE_MS);
  await page.close();
}

async function loadOnce(bench, variant) {
  const profile = variant.laterPage ? await bench.newProfile() : null;
  const context = profile?.context ?? (await bench.newContext());
  try {
    // Each page in a tab of its own, so that the measured one's metrics count it alone.
    if (profile) for (let earlier = 0; earlier < EARLIER_PAGES; earlier++) await visit(bench, context, variant);
    const page = await bench.newPage(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(bench.url(`/shop/bench-${variant.key}.html`), { waitUntil: 'load' });
    if (variant.posthog) await page.waitForLoadState('networkidle');
    if (variant.waitForUi) await page.waitForFunction(() => customElements.get('earshot-survey'), null, { timeout: 10_000, polling: 10 });
    await sleep(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name).value * 1000;
    const inPage = await page.evaluate(
      (script) => {
        const cost = window.__cost;
        const entry = script && performance.getEntriesByType('resource').find((e) => e.name.endsWith(script));
        return {
          longTasks: cost.longTasks,
          evaluate: script ? cost.after - Math.max(cost.before, entry?.responseEnd ?? 0) : 0,
          init: cost.init ?? 0,
          start: cost.start ?? 0,
          uiLoaded: !!customElements.get('earshot-survey'),
          // Nothing came over the network for it: the HTTP cache answered.
          fromCache: entry?.transferSize === 0,
        };
      },
      variant.posthog ? POSTHOG_FILE : variant.script && `/dist/${variant.script}`,
    );
    return { ...inPage, script: metric('ScriptDuration'), task: metric('TaskDuration') };
  } finally {
    await (profile ? profile.close() : context.close());
  }
}

const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export async function measure(bench) {
  const core = bench.dist.get('/dist/earshot.core.min.js').toString('utf8');
  if (!core.startsWith(COMPILE_HINT)) throw new Error('dist/earshot.core.min.js does not start with the compile hint');
  bench.dist.set('/dist/earshot.core.no-hint.min.js', Buffer.from(core.slice(COMPILE_HINT.length)));
  const everyVariant = [...VARIANTS, ...LATER_VARIANTS];
  for (const variant of everyVariant) bench.pages.set(`/shop/bench-${variant.key}.html`, pageFor(variant));
  const results = new Map(everyVariant.map((variant) => [variant.key, []]));
  // Interleaved, so a busy moment on the machine hits every variant alike.
  for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
    for (const variant of everyVariant) {
      const result = await loadOnce(bench, variant);
      if (run >= WARMUP_RUNS) results.get(variant.key).push(result);
    }
  }
  const baseline = median(results.get('none').map((r) => r.script));
  const taskBaseline = median(results.get('none').map((r) => r.task));
  const rows = [];
  rows.push([`page script time (ScriptDuration) / main-thread task time (TaskDuration), without Earshot, median of ${RUNS}`, `${ms(baseline)} / ${ms(taskBaseline)}`]);
  for (const variant of VARIANTS.slice(1)) {
    const runs = results.get(variant.key);
    const evaluate = median(runs.map((r) => r.evaluate));
    const init = median(runs.map((r) => r.init));
    const start = median(runs.map((r) => r.start));
    const script = median(runs.map((r) => r.script));
    const task = median(runs.map((r) => r.task));
    const longTasks = runs.flatMap((r) => r.longTasks);
    const uiLoads = runs.filter((r) => r.uiLoaded).length;
    rows.push([
      `${variant.label}: evaluate script / init() call, median of ${RUNS}`,
      `${ms(evaluate)} / ${ms(init)}`,
      variant.key === 'one-file' || variant.key === 'core' ? verdict('init < 2 ms', init < 2) : '',
    ]);
    rows.push([`  the start init leaves to the next task (a task of its own), median`, ms(start)]);
    rows.push([
      `  page script time with it; ratio to without; added`,
      `${ms(script)}; ×${(script / baseline).toFixed(1)}; +${ms(script - baseline)}`,
      variant.key === 'core-prefetch' ? `(UI evaluated in ${uiLoads} of ${RUNS} loads)` : '',
    ]);
    rows.push([`  main-thread task time with it; added`, `${ms(task)}; +${ms(task - taskBaseline)}`]);
    rows.push([
      `  long tasks (> 50 ms) in ${RUNS} loads`,
      longTasks.length ? `${longTasks.length} (longest ${ms(Math.max(...longTasks))})` : 'none',
      ['core-prefetch', 'core-no-hint', 'posthog'].includes(variant.key) ? '' : verdict('no long task', longTasks.length === 0),
    ]);
  }
  // Issue #23: Earshot's script time against PostHog's, in the same runs (totals, the page's own included).
  const scriptOf = (key) => median(results.get(key).map((r) => r.script));
  const posthog = scriptOf('posthog');
  for (const key of ['one-file', 'core', 'core-prefetch']) {
    const variant = VARIANTS.find((one) => one.key === key);
    const ratio = scriptOf(key) / posthog;
    rows.push([
      `page script time, ${variant.label.split(' + ')[0]}${key === 'core-prefetch' ? ' (UI prefetched)' : ''} / PostHog ${POSTHOG_VERSION}, medians`,
      `${ms(scriptOf(key))} / ${ms(posthog)} = ×${ratio.toFixed(3)}`,
      verdict('≤ 0.05× PostHog', ratio <= 0.05),
    ]);
  }
  // The same pages as a visit's third page; the goal above is read on the first, the worst case.
  const laterBaseline = scriptOf('none-later');
  rows.push([
    `page script time / main-thread task time, without Earshot, ${LATER_PAGE}, median of ${RUNS}`,
    `${ms(laterBaseline)} / ${ms(median(results.get('none-later').map((r) => r.task)))}`,
  ]);
  const laterPosthog = scriptOf('posthog-later');
  for (const variant of LATER_VARIANTS.slice(1)) {
    const script = scriptOf(variant.key);
    const longTasks = results.get(variant.key).flatMap((r) => r.longTasks).length;
    const fromCache = results.get(variant.key).filter((r) => r.fromCache).length;
    rows.push([
      `${variant.label}: page script time; added; long tasks in ${RUNS} loads`,
      `${ms(script)}; +${ms(script - laterBaseline)}; ${longTasks || 'none'}`,
      `${variant.posthog ? '' : `×${(script / laterPosthog).toFixed(3)} PostHog's on its later page; `}(script from the HTTP cache in ${fromCache} of ${RUNS} loads)`,
    ]);
  }
  // Long tasks on the page without Earshot come from the machine (another process), not from Earshot.
  const baselineLongTasks = results.get('none').flatMap((r) => r.longTasks);
  rows.push([
    `long tasks (> 50 ms) in ${RUNS} loads without Earshot (machine noise)`,
    baselineLongTasks.length ? `${baselineLongTasks.length} (longest ${ms(Math.max(...baselineLongTasks))})` : 'none',
  ]);
  return { title: 'Page cost', rows };
}

runAlone(import.meta.url, measure);
