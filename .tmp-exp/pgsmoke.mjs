import { startPostgresCluster, TEST_SETTINGS } from '../test/collector/support/postgres-cluster.mjs';
import { spawnSync } from 'node:child_process';
const c = await startPostgresCluster({ settings: TEST_SETTINGS });
try {
  const r = spawnSync('node', ['.tmp-exp/smoke.mjs', c.url], { encoding: 'utf8' });
  console.log(r.stdout, r.stderr);
} finally { c.stop(); }
