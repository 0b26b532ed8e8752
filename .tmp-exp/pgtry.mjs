import { startPostgresCluster, TEST_SETTINGS } from '../test/collector/support/postgres-cluster.mjs';
import pg from 'pg';
const t = Date.now();
const c = await startPostgresCluster({ settings: TEST_SETTINGS });
console.log('started', Date.now() - t, c.url);
const client = new pg.Client(c.url); await client.connect(); console.log((await client.query('select version()')).rows[0]); await client.end();
c.stop(); console.log('stopped', Date.now() - t);
