// A throwaway PostgreSQL cluster for the collector's tests and bench, made the way TOOLCHAIN.md
// measured it: Debian's `postgresql` programs, `initdb` in a temporary folder (as the `postgres`
// user when we are root: initdb refuses root), `pg_ctl` on a free port with its socket in that
// folder, listening on 127.0.0.1 only. `stop()` removes the folder; so does the process's exit.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder (`/usr/lib/postgresql/15/bin`), or null. */
export function postgresBinFolder() {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(POSTGRES_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(POSTGRES_ROOT, versions[0], 'bin') : null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as `postgres` when root; throws with its output when it fails. */
function run(bin, program, args) {
  const command = isRoot() ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
  const result = spawnSync(command[0], command[1], { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
}

/**
 * Starts a cluster and resolves to `{ url, folder, stop() }`; `url` is `postgres://postgres@127.0.0.1:PORT/postgres`.
 * `settings` are extra `-c name=value` server settings. The tests turn durability off (fsync) for speed.
 */
export async function startPostgresCluster({ settings = {} } = {}) {
  const bin = postgresBinFolder();
  if (!bin) throw new Error(`PostgreSQL is not installed (no ${POSTGRES_ROOT}/*/bin/initdb): sudo apt-get install -y postgresql`);
  const folder = mkdtempSync(path.join(tmpdir(), 'earshot-pg-'));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    if (existsSync(path.join(folder, 'data', 'postmaster.pid'))) {
      try {
        run(bin, 'pg_ctl', ['-D', path.join(folder, 'data'), '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone: the folder still goes.
      }
    }
    rmSync(folder, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    if (isRoot()) chownSync(folder, ...ids('postgres'));
    run(bin, 'initdb', ['-D', path.join(folder, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${folder}`, '-c listen_addresses=127.0.0.1', ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)];
    run(bin, 'pg_ctl', ['-D', path.join(folder, 'data'), '-o', options.join(' '), '-l', path.join(folder, 'log'), '-w', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, folder, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The uid and gid of a system user. */
function ids(user) {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`no ${user} user: is PostgreSQL installed (apt-get install -y postgresql)?`);
  return [Number(result.stdout), Number(group.stdout)];
}

/** Settings that make a test cluster fast; nothing in it needs to survive a power cut. */
export const TEST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 200 };
