// Many collector processes, one database: two `node examples/server.mjs` processes share the store
// under test (one PostgreSQL database, or one SQLite file), and partial and completed versions of
// the same responses arrive through both at once, in every order. The database decides which
// version is kept (most-complete.mjs): exactly one row per id, the most complete.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { freshPostgresDatabase, storeUnderTest } from './support/test-store';

const SERVER = fileURLToPath(new URL('../../examples/server.mjs', import.meta.url));
const processes: ChildProcess[] = [];
const urls: string[] = [];
let folder: string | null = null;

/** Starts `node examples/server.mjs` on a free port with `env`; resolves to its origin once it listens. */
function startCollector(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [SERVER], { env: { PATH: process.env.PATH, PORT: '0', EARSHOT_RATE_LIMIT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  processes.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Results:\s+(http:\/\/[^/\s]+)\/results/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`collector exited with ${code}: ${output}`)));
  });
}

beforeAll(async () => {
  let env: Record<string, string>;
  if (storeUnderTest === 'postgres') env = { DATABASE_URL: await freshPostgresDatabase() };
  else {
    folder = mkdtempSync(path.join(tmpdir(), 'earshot-shared-'));
    env = { EARSHOT_DB: path.join(folder, 'shared.sqlite') };
  }
  // Both at once: the second waits for the first's migration (an advisory lock, or SQLite's write lock).
  urls.push(...(await Promise.all([startCollector(env), startCollector(env)])));
}, 30_000);

afterAll(async () => {
  await Promise.all(processes.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Every order of four versions: partial, later partial, completed, later completed. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe(`two collector processes on one ${storeUnderTest === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('keep exactly one row per id, the most complete, whatever order the versions arrive in through either', async () => {
    const base = Date.now() - 60_000;
    const version = (id: string, step: number) =>
      makeResponse({
        id,
        surveyId: 'shared',
        completed: step >= 2,
        answers: { score: step, ...(step >= 2 && { reason: `step ${step}` }) },
        questions: [
          { id: 'score', type: 'nps', text: 'Recommend?' },
          { id: 'reason', type: 'text', text: 'Why?' },
        ],
        createdAt: new Date(base).toISOString(),
        updatedAt: new Date(base + step * 1000).toISOString(),
      });
    const orders = permutations([0, 1, 2, 3]);
    // Two rounds of every order: 48 ids, each sent as four versions.
    const ids = Array.from({ length: orders.length * 2 }, (_, i) => `shared-${i}`);
    // Round k holds each id's k-th version; each round is split into batches of 6 ids that alternate
    // between the processes, and every batch of every round is sent at once.
    const posts: Array<Promise<Response>> = [];
    for (let k = 0; k < 4; k++) {
      const versions = ids.map((id, i) => version(id, orders[i % orders.length][k]));
      for (let b = 0; b < versions.length; b += 6) {
        const url = urls[(b / 6 + k) % 2];
        posts.push(
          fetch(`${url}/api/earshot`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ sentAt: new Date().toISOString(), responses: versions.slice(b, b + 6) }),
          }),
        );
      }
    }
    const statuses = await Promise.all(posts.map(async (res) => (await res).status));
    expect(statuses.every((status) => status === 200)).toBe(true);

    for (const url of urls) {
      const listed = await (await fetch(`${url}/api/earshot/responses?survey=shared&limit=1000`)).json();
      expect(listed.total).toBe(ids.length);
      const byId = new Map(listed.responses.map((r: { id: string }) => [r.id, r]));
      expect([...byId.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) expect(byId.get(id), id).toMatchObject({ completed: true, answers: { score: 3, reason: 'step 3' } });
      // The results read the same single rows: 48 responses, all complete, every score a 3.
      const html = await (await fetch(`${url}/results?survey=shared`)).text();
      expect(html).toContain(`${ids.length} responses</strong>: <strong>${ids.length}</strong> complete`);
    }
  }, 60_000);
});
