import { createCollector } from '../examples/collector/collector.mjs';
import { toStoredVersions } from '../examples/collector/stored-version.mjs';
import { makeBenchResponse } from '../test/bench/collector/bench-data.mjs';
const c = createCollector({ database: '/tmp/exp/bulk.sqlite' });
const now = Date.now();
let tDerive = 0, tSave = 0, tGen = 0;
for (let s = 0; s < 20000; s += 1000) {
  let t = performance.now();
  const responses = Array.from({ length: 1000 }, (_, i) => makeBenchResponse('p' + (s + i), s + i, now));
  tGen += performance.now() - t; t = performance.now();
  const versions = toStoredVersions({ sentAt: new Date(now).toISOString(), responses }, now);
  tDerive += performance.now() - t; t = performance.now();
  await c.store.save(versions);
  tSave += performance.now() - t;
}
console.log({ tGen, tDerive, tSave });
await c.close();
