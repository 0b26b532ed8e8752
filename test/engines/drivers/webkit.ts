// WebKit (the Safari engine, as WebKitGTK's MiniBrowser) through selenium-webdriver and
// /usr/bin/WebKitWebDriver. The driver needs a display, so it runs under `xvfb-run -a`, inside
// an outer `timeout` so that neither it nor its browsers can outlive a crashed test run, in a
// process group of its own that close() ends. One driver per file, one session (a new
// MiniBrowser with fresh storage) per test. Accessibility comes from WebKit's computed role and
// label of each element (WebDriver "Get Computed Role" / "Get Computed Label").
// WebKitGTK has no offline emulation: the flows cut the collector's connections instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, Key as SeleniumKey, type WebDriver, type WebElement } from 'selenium-webdriver';
import { withTimeout, type AccessibilityView, type Engine, type EngineDriver, type EngineSession, type Key, type Target } from '../engine';
import { locate } from '../page-functions';

const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Upper bound on the driver's whole life (the outer `timeout`); a test file takes well under a minute. */
const DRIVER_MAX_SECONDS = 600;
/** Without a working display a session never starts; this turns that hang into an error. */
const SESSION_START_MS = 20_000;
const DRIVER_READY_MS = 15_000;

const KEYS: Record<Exclude<Key, 'Shift+Tab'>, string> = {
  Tab: SeleniumKey.TAB,
  ArrowRight: SeleniumKey.ARROW_RIGHT,
  ArrowLeft: SeleniumKey.ARROW_LEFT,
  Enter: SeleniumKey.ENTER,
  Escape: SeleniumKey.ESCAPE,
};

export const webkitDriver: EngineDriver = {
  name: 'webkit',
  label: 'WebKit (WebKitGTK)',
  requires: [{ file: WEBKIT_DRIVER }, { file: MINIBROWSER }, { command: 'xvfb-run' }, { command: 'xauth' }],
  packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  async launch({ env }) {
    let display = await startDriverOnDisplay(env);
    const sessions = new Set<WebDriver>();
    // WebKitWebDriver has no --version; a session's capabilities name the WebKitGTK version.
    let version = 'WebKitGTK (version known after the first session)';
    const engine: Engine = {
      name: 'webkit',
      get version() {
        return version;
      },
      async newSession() {
        let driver: WebDriver;
        try {
          driver = await startSession(display);
        } catch (firstFailure) {
          // Xvfb has been seen to refuse a new MiniBrowser on a loaded machine; a fresh driver on a
          // fresh display (after closing the sessions of the old one) gets one more chance.
          await closeSessions(sessions);
          await display.stop();
          try {
            display = await startDriverOnDisplay(env);
            driver = await startSession(display);
          } catch (secondFailure) {
            await display.stop();
            throw new Error(`${(secondFailure as Error).message}\n(first attempt: ${(firstFailure as Error).message})`, { cause: secondFailure });
          }
        }
        sessions.add(driver);
        const granted = await driver.getCapabilities();
        version = `${granted.getBrowserName()} on WebKitGTK/${granted.getBrowserVersion()}`;
        await driver.manage().window().setRect({ width: 1280, height: 800 });
        return session(driver, () => sessions.delete(driver));
      },
      async close() {
        await closeSessions(sessions);
        await display.stop();
      },
    };
    return engine;
  },
};

interface DriverOnDisplay {
  server: string;
  output(): string;
  stop(): Promise<void>;
}

/** WebKitWebDriver on a virtual display of its own, ready for sessions. */
async function startDriverOnDisplay(env: NodeJS.ProcessEnv): Promise<DriverOnDisplay> {
  const port = await freePort();
  // The inner `sh` reports its pid and then becomes WebKitWebDriver, so stop() can end the
  // driver itself and let xvfb-run shut Xvfb down and remove its temporary files. `-noreset`:
  // an X server resets when its last client leaves, and a MiniBrowser connecting during that
  // reset fails with "cannot open display".
  const driverProcess = spawn(
    'timeout',
    [
      '--kill-after=5',
      String(DRIVER_MAX_SECONDS),
      'xvfb-run',
      '-a',
      '-s',
      '-screen 0 1280x1024x24 -noreset',
      'sh',
      '-c',
      'echo "driver-pid $$"; exec "$0" "$@"',
      WEBKIT_DRIVER,
      `--port=${port}`,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let driverPid: number | undefined;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
    driverPid ??= Number(/driver-pid (\d+)/.exec(output)?.[1]) || undefined;
  };
  driverProcess.stdout!.on('data', keep);
  driverProcess.stderr!.on('data', keep);
  const stop = () => stopDriverProcesses(driverProcess, driverPid);

  const server = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(server, driverProcess, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, output: () => output, stop };
}

async function startSession(display: DriverOnDisplay): Promise<WebDriver> {
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  const starting = new Builder().usingServer(display.server).withCapabilities(capabilities).build();
  // If the start times out, its later failure (the driver is stopped) is expected.
  starting.catch(() => undefined);
  return withTimeout(
    Promise.resolve(starting),
    SESSION_START_MS,
    () => `WebKit: no session after ${SESSION_START_MS / 1000} s (does Xvfb start? driver output: ${display.output().trim() || 'none'})`,
  );
}

async function closeSessions(sessions: Set<WebDriver>): Promise<void> {
  await Promise.allSettled([...sessions].map((driver) => withTimeout(driver.quit(), 10_000, 'WebKit session did not quit')));
  sessions.clear();
}

function session(driver: WebDriver, forget: () => void): EngineSession {
  const run = <A, R>(fn: (arg: A) => R, arg: A) => driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg) as Promise<Awaited<R>>;
  return {
    async open(url) {
      await driver.get(url);
    },
    async reload() {
      await driver.navigate().refresh();
    },
    evaluate: run,
    async click(target: Target) {
      const element = (await run(locate, { op: 'find' as const, target })) as unknown as WebElement | null;
      if (!element) throw new Error(`no visible ${'text' in target ? `text "${target.text}"` : `${target.role} "${target.name}"`} on the page`);
      await element.click();
    },
    async press(key: Key) {
      const actions = driver.actions();
      if (key === 'Shift+Tab') await actions.keyDown(SeleniumKey.SHIFT).sendKeys(SeleniumKey.TAB).keyUp(SeleniumKey.SHIFT).perform();
      else await actions.sendKeys(KEYS[key]).perform();
    },
    async type(text) {
      await driver.actions().sendKeys(text).perform();
    },
    async accessibility(): Promise<AccessibilityView> {
      const elements = (await driver.executeScript(`
        const found = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            found.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        const host = document.querySelector('earshot-survey');
        if (host && host.shadowRoot) walk(host.shadowRoot);
        return found;
      `)) as WebElement[];
      if (elements.length === 0) throw new Error('no <earshot-survey> shadow root on the page');
      const nodes: Array<{ role: string; name: string }> = [];
      for (const element of elements) {
        const role = await element.getAriaRole();
        // Names matter only for roles a visitor interacts with or that group them.
        if (role && role !== 'generic' && role !== 'none' && role !== 'presentation') nodes.push({ role, name: await element.getAccessibleName() });
      }
      return {
        source: 'WebKit computed roles and labels via WebDriver getComputedRole/getComputedLabel',
        async count(role, name) {
          return nodes.filter((n) => n.role === role && (name === undefined || n.name === name)).length;
        },
      };
    },
    async close() {
      forget();
      await withTimeout(driver.quit(), 10_000, 'WebKit session did not quit');
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForDriver(server: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + DRIVER_READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`WebKitWebDriver exited (${child.exitCode ?? child.signalCode}) before it was ready: ${output().trim() || 'no output'}`);
    }
    try {
      const response = await fetch(`${server}/status`, { signal: AbortSignal.timeout(1_000) });
      const status = (await response.json()) as { value?: { ready?: boolean } };
      if (status.value?.ready) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver was not ready after ${DRIVER_READY_MS / 1000} s: ${output().trim() || 'no output'}`);
}

/**
 * Stops what launch() started: WebKitWebDriver first (xvfb-run then stops Xvfb and removes its
 * files), then, if anything of the process group (timeout → xvfb-run → Xvfb, WebKitWebDriver →
 * MiniBrowser) is still there after a grace period, the whole group by force.
 */
async function stopDriverProcesses(child: ChildProcess, driverPid: number | undefined): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  const signal = (pid: number, name: NodeJS.Signals | 0) => {
    try {
      process.kill(pid, name);
      return true;
    } catch {
      return false; // gone already
    }
  };
  const groupAlive = () => signal(-group, 0);
  const waitForGroup = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  if (driverPid !== undefined && signal(driverPid, 'SIGTERM')) await waitForGroup(5_000);
  if (groupAlive()) {
    signal(-group, 'SIGTERM');
    await waitForGroup(3_000);
  }
  if (groupAlive()) signal(-group, 'SIGKILL');
}
