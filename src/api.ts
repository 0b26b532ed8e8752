import { Controller } from './core/controller.js';
import { Emitter, type Listener } from './core/emitter.js';
import { EarshotConfigError } from './core/errors.js';
import type { EarshotConfig, EarshotEventName, UserTraits } from './core/types.js';
import { validateConfig } from './core/validate.js';
import type { Presenter } from './core/presenter.js';

// Listeners belong to the page, not to one config: they outlive a second `init`.
const emitter = new Emitter();
let controller: Controller | null = null;
let stopDebugLog: (() => void) | null = null;
let presenter: Presenter | undefined;

/** How surveys reach the page: each build's entry decides (bundled, or loaded on demand). */
export function usePresenter(chosen: Presenter): void {
  presenter = chosen;
}

/** Validates the config, opens the outbox and starts listening for journey points. Throws `EarshotConfigError`. */
export function init(config: EarshotConfig): void {
  const { config: resolved, problems, warnings } = validateConfig(config);
  if (!resolved) throw new EarshotConfigError(problems);
  stopRunning();
  if (resolved.debug) {
    for (const warning of warnings) console.warn(`earshot: ${warning}`);
    stopDebugLog = emitter.on('error', ({ code, message }) => console.warn(`earshot (${code}): ${message}`));
  }
  controller = new Controller(resolved, emitter, presenter!);
  guarded(() => controller?.start())();
}

/** Records a journey point; a survey whose trigger matches may show. */
export const track: (name: string, properties?: Record<string, unknown>) => void = guarded((name, properties) => controller?.track(name, properties));

/** Shows a survey now, bypassing targeting (for a "Give feedback" button). */
export const show: (surveyId: string) => void = guarded((surveyId) => controller?.show(surveyId));

/** Sets who answers; attached to responses started from now on. */
export const identify: (userId: string, traits?: UserTraits) => void = guarded((userId, traits) => controller?.identify(userId, traits));

/** Resolves once everything queued so far was delivered or the attempt failed; never rejects. */
export function flush(): Promise<void> {
  return controller ? controller.flush().catch(reportInternal) : Promise.resolve();
}

/** Listens to an Earshot event; returns the function that stops listening. */
export function on<K extends EarshotEventName>(name: K, listener: Listener<K>): () => void {
  return emitter.on(name, listener);
}

/** Removes every widget, listener and timer; what is queued stays on disk for the next page. */
export function destroy(): void {
  stopRunning();
  emitter.clear();
}

function stopRunning(): void {
  controller?.stop();
  controller = null;
  stopDebugLog?.();
  stopDebugLog = null;
}

/** Nothing but `init` throws into the host page: failures become `error` events. */
function guarded<A extends unknown[]>(work: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      work(...args);
    } catch (error) {
      reportInternal(error);
    }
  };
}

function reportInternal(error: unknown): void {
  emitter.emit('error', { code: 'internal', message: String((error as Error)?.message ?? error) });
}
