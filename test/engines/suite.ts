// Runs every scenario in one engine: the browser is launched once for the file (with a scratch
// HOME), each test gets a fresh server and a fresh context or session, and everything started is
// closed in afterEach/afterAll, also when a test or the launch fails.
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { assertEngineInstalled, makeScratchHome, type Engine, type EngineDriver, type EngineSession } from './engine';
import { PAGES, SCENARIOS } from './scenarios';
import { startEngineServer, type EngineServer } from './server';

/** Launching includes a first start of the browser (Firefox takes 3–5 s on 2 cores). */
const LAUNCH_TIMEOUT_MS = 60_000;

export function runEngineSuite(driver: EngineDriver): void {
  let engine: Engine | undefined;
  let scratch: ReturnType<typeof makeScratchHome> | undefined;
  let server: EngineServer | undefined;
  let session: EngineSession | undefined;

  beforeAll(async () => {
    assertEngineInstalled(driver);
    scratch = makeScratchHome(driver.name);
    engine = await driver.launch({ env: scratch.env });
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    if (engine) console.info(`[engines] ${driver.label}: ${engine.version}`);
    try {
      await engine?.close();
    } finally {
      engine = undefined;
      scratch?.remove();
    }
  });

  beforeEach(async () => {
    if (!engine) throw new Error(`${driver.label} was not launched`);
    server = await startEngineServer(PAGES);
    session = await engine.newSession().catch(async (error: unknown) => {
      await server?.close();
      server = undefined;
      throw error;
    });
  });

  afterEach(async () => {
    const closing = session;
    const stopping = server;
    session = undefined;
    server = undefined;
    try {
      await closing?.close();
    } finally {
      await stopping?.close();
    }
  });

  describe(driver.label, () => {
    for (const scenario of SCENARIOS) {
      it(`flow ${scenario.flow}: ${scenario.title}`, () => scenario.run({ engine: driver.name, session: session!, server: server! }));
    }
  });
}
