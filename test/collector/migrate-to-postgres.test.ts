// Moving an existing SQLite file's responses into PostgreSQL (examples/collector/migrate.mjs, run
// as a user runs it): afterwards the collector on PostgreSQL shows what it showed on SQLite, keeps
// the order, and goes on storing; a database that already holds responses is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, type CollectorOptions } from '../../examples/collector/collector.mjs';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { batchOf } from './demo';
import { freshPostgresDatabase, storeUnderTest } from './support/test-store';

const MIGRATE = fileURLToPath(new URL('../../examples/collector/migrate.mjs', import.meta.url));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(options: CollectorOptions): Promise<DemoServer> {
  const collector = createCollector(options);
  await collector.ready;
  const server = await createServer({ port: 0, collector });
  cleanups.push(async () => {
    await server.close();
    await collector.close();
  });
  return server;
}

const get = async (server: DemoServer, route: string) => (await fetch(`${server.url}${route}`)).text();
const withoutClock = (html: string) => html.replace(/generated [^·]*·/, 'generated ·');
const runMigrate = (env: Record<string, string>) => spawnSync(process.execPath, [MIGRATE], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

const QUESTIONS = [
  { id: 'score', type: 'nps', text: 'Recommend?' },
  { id: 'reason', type: 'text', text: 'Why?' },
  { id: 'found', type: 'choice', text: 'How did you find us?' },
];

// Moving a SQLite file into PostgreSQL needs a PostgreSQL to move it to: run in the PostgreSQL project.
describe.runIf(storeUnderTest === 'postgres')('node examples/collector/migrate.mjs', () => {
  it('copies a SQLite file into PostgreSQL: the same results, scores, CSV and list, and new answers go on after them', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'earshot-migrate-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'earshot.sqlite');
    const sqlite = await start({ database: file });
    const responses = [
      makeResponse({ id: 'm1', template: 'nps', answers: { score: 10, reason: 'Fast delivery', found: ['Search', 'Ad'] }, questions: QUESTIONS, context: { plan: 'pro' } }),
      makeResponse({
        id: 'm2',
        answers: { score: 3, reason: 'Slow delivery', found: { other: 'A podcast' } },
        questions: QUESTIONS,
        page: { url: 'https://shop.example/cart', referrer: '' },
      }),
      makeResponse({ id: 'm3', completed: false, answers: { score: 8 }, questions: QUESTIONS, trigger: { manual: true } }),
      makeResponse({ id: 'm4', preview: true, answers: { score: 0 }, questions: QUESTIONS }),
    ];
    expect(
      (await fetch(`${sqlite.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batchOf(...responses)) })).status,
    ).toBe(200);
    const routes = ['/results', '/api/earshot/scores?survey=post-checkout-nps', '/api/earshot/export.csv', '/api/earshot/responses'];
    const before = await Promise.all(routes.map((route) => get(sqlite, route)));
    await cleanups.pop()!();

    const databaseUrl = await freshPostgresDatabase();
    const run = runMigrate({ EARSHOT_DB: file, DATABASE_URL: databaseUrl });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Copied 4 responses');

    const postgres = await start({ databaseUrl });
    const after = await Promise.all(routes.map((route) => get(postgres, route)));
    expect(withoutClock(after[0])).toBe(withoutClock(before[0]));
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toContain('3 responses</strong>: <strong>2</strong> complete');

    const later = makeResponse({ id: 'm5', answers: { score: 9 }, questions: QUESTIONS });
    expect((await fetch(`${postgres.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batchOf(later)) })).status).toBe(
      200,
    );
    const listed = JSON.parse(await get(postgres, '/api/earshot/responses'));
    expect(listed.responses.map((r: { id: string }) => r.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);

    // A second run finds the responses there and copies nothing.
    const again = runMigrate({ EARSHOT_DB: file, DATABASE_URL: databaseUrl });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Nothing was copied: DATABASE_URL: ');
    expect(again.stderr).toContain('already holds 5 responses');
  }, 30_000);
});
