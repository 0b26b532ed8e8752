import { problemsWithBatch } from '../examples/collector/ingestion-rules.mjs';
import { toStoredVersions } from '../examples/collector/stored-version.mjs';
import { createCollector } from '../examples/collector/collector.mjs';
import { makeBenchResponse } from '../test/bench/collector/bench-data.mjs';
const c = createCollector({ database: '/tmp/exp/cost.sqlite' });
const times = { parse: 0, validate: 0, derive: 0, save: 0 };
const N = 200;
for (let b = 0; b < N; b++) {
  const text = JSON.stringify({ sentAt: new Date().toISOString(), responses: Array.from({ length: 20 }, (_, i) => makeBenchResponse(`c-${b}-${i}`, b * 20 + i, Date.now())) });
  let t = performance.now(); const batch = JSON.parse(text); times.parse += performance.now() - t;
  t = performance.now(); const p = problemsWithBatch(batch); times.validate += performance.now() - t; if (p.length) throw new Error(p[0]);
  t = performance.now(); const v = toStoredVersions(batch, Date.now()); times.derive += performance.now() - t;
  t = performance.now(); await c.store.save(v); times.save += performance.now() - t;
}
for (const k in times) console.log(k, (times[k] / N).toFixed(2), 'ms per batch of 20');
await c.close();
