// What the framework recipe tests share: the recipe copied into a scratch folder inside the repo
// (so the framework and Earshot resolve from this repo's node_modules and package.json, as in an
// app), its production server started on a free port and stopped, and the answers its pages POST
// to their own origin passed on to the test's collector.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Harness } from '../harness';
import { waitUntil } from '../../support/wait.mjs';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A scratch folder in the repo's .tmp/ holding `copies` (from examples/, to paths in it), with
 * Earshot installed as this repo (its package.json and dist/, as `npm run build` left them).
 */
export function scratchApp(name: string, copies: [from: string, to: string][]): string {
  mkdirSync(path.join(REPO, '.tmp'), { recursive: true });
  const scratch = mkdtempSync(path.join(REPO, '.tmp', `${name}-`));
  for (const [from, to] of copies) cpSync(path.join(REPO, 'examples', from), path.join(scratch, to), { recursive: true });
  mkdirSync(path.join(scratch, 'node_modules'));
  symlinkSync(REPO, path.join(scratch, 'node_modules', 'earshot'), 'dir');
  return scratch;
}

export function removeScratch(scratch: string | undefined): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

/** Runs `args` with node in `cwd` to the end; throws with its output if it fails. Returns how long it took. */
export function runNode(args: string[], cwd: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppServer {
  origin: string;
  stop(): Promise<void>;
}

/** Starts `args(port)` with node in `cwd` and waits until `origin/` answers. */
export async function startAppServer(args: (port: number) => string[], cwd: string): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Its own process group, so that stopping it also stops what it started.
  const child: ChildProcess = spawn(process.execPath, args(port), { cwd, detached: true, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  try {
    await waitUntil(async () => (await fetch(`${origin}/`).catch(() => null))?.ok === true, { timeout: 30_000, describe: () => `the app server at ${origin}` });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

/** Answers the page POSTs to `origin`/api/earshot reach the test's collector, as a proxy in front of both would pass them. */
export async function passAnswersToCollector(page: Page, origin: string, h: Harness): Promise<void> {
  await page.route(`${origin}/api/earshot`, async (route) => {
    // Server to server: without the page's Origin header, as a proxy forwards it.
    const { origin: _origin, ...headers } = route.request().headers();
    // A page closed while its last POST is in flight (the SDK sends at page hide) disposes the
    // response: nothing is left to answer, and the test has already read what it needs.
    await route
      .fetch({ url: h.url('/api/earshot'), headers })
      .then(
        (response) => route.fulfill({ response }),
        () => route.abort().catch(() => {}),
      )
      .catch(() => {});
  });
}
