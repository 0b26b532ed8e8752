// `node examples/server.mjs` (what `npm start` runs) as a developer meets it: a busy port is one
// line of advice, never a stack trace; the banner says how to let a dev server's pages send
// answers; a refused origin is named in the log; an exposed address without a key is refused.
import { spawn } from 'node:child_process';
import { createServer as createTcpServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../../examples/server.mjs';
import { storeUnderTest } from './support/test-store';

const SERVER = fileURLToPath(new URL('../../examples/server.mjs', import.meta.url));

interface Run {
  output(): string;
  errors(): string;
  exited: Promise<number | null>;
  stop(): void;
}

const runs: Run[] = [];
const holders: Server[] = [];
afterEach(() => {
  runs.splice(0).forEach((run) => run.stop());
  holders.splice(0).forEach((holder) => holder.close());
});

function runDemo(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [SERVER], { env: { PATH: process.env.PATH, EARSHOT_DB: ':memory:', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const run = {
    output: () => output,
    errors: () => errors,
    exited: new Promise<number | null>((resolve) => child.on('exit', resolve)),
    stop: () => child.exitCode === null && child.kill('SIGTERM'),
  };
  runs.push(run);
  return run;
}

async function until(condition: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

/** Holds `port` on 127.0.0.1 (or finds it already held by another program: busy either way). */
async function holdPort(port: number) {
  const holder = createTcpServer();
  holders.push(holder);
  await new Promise<void>((resolve) => {
    holder.once('error', () => resolve());
    holder.listen(port, '127.0.0.1', () => resolve());
  });
  return holder;
}

async function freePort() {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// The demo server's own behaviour, with no store involved: run once, in the SQLite project.
describe.runIf(storeUnderTest === 'sqlite')('examples/server.mjs', () => {
  it("defaults to a port other than Vite's 5173", () => {
    expect(DEFAULT_PORT).toBe(5178);
  });

  it('ends with one line naming the flag when the PORT asked for is busy', async () => {
    const port = await freePort();
    await holdPort(port);
    const run = runDemo({ PORT: String(port) });
    expect(await run.exited).toBe(1);
    expect(run.errors().trim()).toBe(`Port ${port} is in use by another program: stop it, or start the demo on a free port, e.g. PORT=${port + 1} npm start`);
    expect(run.errors()).not.toMatch(/EADDRINUSE|\n\s+at /);
  });

  it('moves to the next free port when the default one is busy, and prints how to allow a dev server', async () => {
    await holdPort(DEFAULT_PORT);
    const run = runDemo({});
    expect(await until(() => run.output().includes('Log lines below'))).toBe(true);
    expect(run.output()).toMatch(new RegExp(`Port ${DEFAULT_PORT} is in use, so the demo listens on \\d+ \\(PORT=… chooses another\\)\\.`));
    expect(run.output()).toContain('ALLOWED_ORIGINS=http://localhost:5173 npm start');
    expect(run.output()).toContain('Reading:      from this machine only');
  });

  it('names a refused origin in its log', async () => {
    const port = await freePort();
    const run = runDemo({ PORT: String(port) });
    expect(await until(() => run.output().includes('Log lines below'))).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/earshot`, { method: 'POST', headers: { Origin: 'http://localhost:5173', 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(await until(() => run.output().includes('"event":"refused"'))).toBe(true);
    const line = run
      .output()
      .split('\n')
      .find((text) => text.includes('"event":"refused"'))!;
    expect(JSON.parse(line)).toMatchObject({ status: 403, origin: 'http://localhost:5173', error: expect.stringContaining('add it to ALLOWED_ORIGINS') });
  });

  it('refuses HOST=0.0.0.0 without EARSHOT_READ_TOKEN, in one line', async () => {
    const run = runDemo({ HOST: '0.0.0.0', PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.errors().trim()).toMatch(/^HOST: 0\.0\.0\.0 can be reached from other machines.*set EARSHOT_READ_TOKEN, or HOST=127\.0\.0\.1$/);
  });

  it('refuses a setting it cannot read, naming it', async () => {
    const run = runDemo({ EARSHOT_RATE_LIMIT: 'lots', PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.errors().trim()).toBe('EARSHOT_RATE_LIMIT: must be a whole number (got "lots")');
  });
});
