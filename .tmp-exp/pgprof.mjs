import { startPostgresCluster } from '../test/collector/support/postgres-cluster.mjs';
import { createCollector } from '../examples/collector/collector.mjs';
import { summarizeSurvey } from '../examples/collector/survey-summary.mjs';
import { toStoredVersions } from '../examples/collector/stored-version.mjs';
import { makeBenchResponse } from '../test/bench/collector/bench-data.mjs';
const cl = await startPostgresCluster({ settings: { shared_buffers: '256MB' } });
try {
  const c = createCollector({ databaseUrl: cl.url });
  await c.ready;
  const store = c.store; const now = Date.now();
  let t = performance.now();
  for (let s = 0; s < Number(process.argv[2] ?? 20000); s += 1000) {
    const responses = Array.from({ length: 1000 }, (_, i) => makeBenchResponse('p' + (s + i), s + i, now));
    await store.save(toStoredVersions({ sentAt: new Date(now).toISOString(), responses }, now));
  }
  console.log('load', (performance.now() - t).toFixed(0));
  await store.query('VACUUM ANALYZE');
  const origQuery = store.query;
  for (let run = 0; run < 2; run++) {
    const times = [];
    store.query = async (sql, params) => { const t = performance.now(); const r = await origQuery(sql, params); times.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 110)]); return r; };
    t = performance.now();
    await summarizeSurvey(store, { surveyId: 'bench-nps' });
    console.log('summary', (performance.now() - t).toFixed(0), 'queries', times.length, 'sum', times.reduce((a, b) => a + b[0], 0).toFixed(0));
    times.sort((a, b) => b[0] - a[0]); for (const [ms, sql] of times.slice(0, 8)) console.log(ms.toFixed(1), sql);
  }
  await c.close();
} finally { cl.stop(); }
