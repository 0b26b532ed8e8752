import { createCollector } from '../examples/collector/collector.mjs';
import { summarizeSurvey } from '../examples/collector/survey-summary.mjs';
import { toStoredVersions } from '../examples/collector/stored-version.mjs';
import { makeBenchResponse } from '../test/bench/collector/bench-data.mjs';
const c = createCollector({ database: '/tmp/exp/prof.sqlite' });
const store = c.store;
const n0 = (await store.query('SELECT COUNT(*) n FROM responses'))[0].n;
if (n0 === 0) {
  let t = performance.now(); const now = Date.now();
  for (let s = 0; s < 30000; s += 1000) {
    const responses = Array.from({ length: 1000 }, (_, i) => makeBenchResponse('p' + (s + i), s + i, now, 30000));
    const t1 = performance.now();
    const versions = toStoredVersions({ sentAt: new Date(now).toISOString(), responses }, now);
    const t2 = performance.now();
    await store.save(versions);
    if (s === 0) console.log('derive', (t2 - t1).toFixed(0), 'save', (performance.now() - t2).toFixed(0));
  }
  console.log('load', (performance.now() - t).toFixed(0));
}
const origQuery = store.query;
const times = [];
store.query = async (sql, params) => { const t = performance.now(); const r = await origQuery(sql, params); times.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 110)]); return r; };
let t = performance.now();
await summarizeSurvey(store, { surveyId: 'bench-nps' });
console.log('summary', (performance.now() - t).toFixed(0));
times.sort((a, b) => b[0] - a[0]); for (const [ms, sql] of times.slice(0, 12)) console.log(ms.toFixed(1), sql);
await c.close();
