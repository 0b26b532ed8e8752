// What a scenario may ask of a browser, whatever the engine. Each adapter in drivers/ implements
// these few operations with its own driver (Playwright, puppeteer-core over WebDriver BiDi,
// selenium-webdriver with WebKitWebDriver); the flows in scenarios.ts are written once against them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/**
 * Something on the page a visitor can point at: by role and accessible name (`within` the first
 * element of another role and name, such as one row of a matrix), or by its text.
 */
export type Target = { role: string; name: string; within?: { role: string; name: string } } | { text: string };

/** The keys the flows press; `Shift+Tab` is one chord. */
export type Key = 'Tab' | 'Shift+Tab' | 'ArrowRight' | 'ArrowLeft' | 'Enter' | 'Escape';

/**
 * The engine's own accessibility view of the survey (not a DOM guess): how many nodes it exposes
 * with a role and, when given, exactly that accessible name.
 */
export interface AccessibilityView {
  /** Where the roles and names came from, for failure messages and the report. */
  readonly source: string;
  count(role: string, name?: string): Promise<number>;
}

/** One test's browser: a fresh context (Chromium, Firefox) or a fresh session (WebKit). */
export interface EngineSession {
  /** Navigates the one tab and waits for the load event. */
  open(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Runs `fn(arg)` in the page and returns its (JSON) result. `fn` is serialised, so it must be
   * self-contained; a returned promise is awaited.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** A real pointer click at the centre of the first visible element matching `target`, through shadow roots. */
  click(target: Target): Promise<void>;
  /** Key presses sent to whatever has focus. */
  press(key: Key): Promise<void>;
  /** Types text into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  /** The engine's accessibility tree for the `<earshot-survey>` on the page. */
  accessibility(): Promise<AccessibilityView>;
  /**
   * The browser's own offline switch, where the driver has one (not WebKitGTK's). Flows also
   * make the collector drop connections, which works everywhere.
   */
  setOffline?(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

/** One engine for one test file: launched once, a fresh session per test, closed at the end. */
export interface Engine {
  readonly name: EngineName;
  /** Browser name and version as the engine reports it, e.g. `firefox/153.8.0`. */
  readonly version: string;
  newSession(): Promise<EngineSession>;
  /** Closes every session, the browser and its driver; safe to call twice. */
  close(): Promise<void>;
}

/** What an adapter exports. */
export interface EngineDriver {
  readonly name: EngineName;
  /** The human name used in messages, e.g. "WebKit (WebKitGTK)". */
  readonly label: string;
  /** Files and commands the engine needs; a missing one fails the file with `installHint`. */
  readonly requires: ReadonlyArray<{ file?: string; command?: string }>;
  /** Debian packages that provide them. */
  readonly packages: readonly string[];
  /** `env` carries the scratch HOME the browser must use. */
  launch(options: { env: NodeJS.ProcessEnv }): Promise<Engine>;
}

export const SDK_BUNDLE = fileURLToPath(new URL('../../dist/earshot.min.js', import.meta.url));

const hasCommand = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * Throws, naming the engine and the exact install command, when something the engine needs is
 * missing. Both on CI and on a developer's machine that is a failure, never a silent skip.
 */
export function assertEngineInstalled(driver: EngineDriver): void {
  if (!existsSync(SDK_BUNDLE)) throw new Error(`${SDK_BUNDLE} is missing: run \`npm run build\` before the engine tests.`);
  const missing = driver.requires.filter((need) => (need.file ? !existsSync(need.file) : !hasCommand(need.command!)));
  if (missing.length === 0) return;
  const what = missing.map((need) => need.file ?? `the \`${need.command}\` command`).join(', ');
  const install = `sudo apt-get update && sudo apt-get install -y ${driver.packages.join(' ')}`;
  const onCi = process.env.CI === 'true' || process.env.CI === '1';
  throw new Error(
    `${driver.label} is not installed (${what} missing), so its cross-engine tests cannot run.\n` +
      `Install it with:\n  ${install}\n` +
      (onCi ? 'On CI every engine is required; .ci/run installs them when missing.' : 'or run `node test/support/ensure-browsers.mjs` as root.'),
  );
}

/** A scratch HOME (and XDG folders) for one browser, so it writes nothing into the real home. */
export function makeScratchHome(engine: EngineName): { home: string; env: NodeJS.ProcessEnv; remove(): void } {
  const home = mkdtempSync(path.join(tmpdir(), `earshot-${engine}-home-`));
  return {
    home,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Rejects with `message` (a function is called at that moment) when `promise` has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string | (() => string)): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(typeof message === 'function' ? message() : message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
