// The one Earshot of this page, behind the public API (api.ts) and the hooks of the entries and
// embeds (internal.ts): what it remembers between calls, in one object, and how it starts and stops.
import { allowStorage, consentOf } from '../core/consent.js';
import { Controller, type ControllerHost } from '../core/controller.js';
import { Emitter } from '../core/emitter.js';
import type { PresentedSurvey, Presenter } from '../core/presenter.js';
import type { ResolvedConfig } from '../core/definition/validate.js';
import type { ConsentState, EarshotErrorCode, Survey } from '../core/types.js';

export interface Runtime {
  /** Listeners belong to the page, not to one config: they outlive a second `init`. */
  readonly emitter: Emitter;
  /** How surveys reach the page: each build's entry decides (bundled, or loaded on demand). */
  presenter?: Presenter;
  /** The config of the latest `init`, kept while consent is not granted; none before `init` and after `destroy`. */
  configured?: ResolvedConfig;
  /** The latest `consent()` call; it outranks the config's `consent`. */
  consent?: ConsentState;
  /** Earshot running with `configured`, once consent allows it. */
  controller?: Controller;
  /** The start that `init` left for the next task; a call that needs Earshot running starts it at once. */
  startTimer?: ReturnType<typeof setTimeout>;
  /** Told each time Earshot starts running (embedded surveys attach to it). */
  onStart?: () => void;
  /** A preview asked for while consent is not granted: it shows once Earshot runs. */
  waitingPreview?: Survey | string;
  /** The `debug: true` panel, and what stops its console log of errors. */
  debugPanel?: PresentedSurvey;
  stopDebugLog?: () => void;
  /** What the panel is open for: `debug` (every survey) or a `preview` link's survey alone. */
  panelMode?: 'debug' | 'preview';
  /** Problems met loading definitions or showing a preview, each with its path, for the panel. */
  problems: string[];
  stopPanelProblems?: () => void;
  /** Who listens for changes to what `explain()` says, and whether they are told already. */
  readonly watchers: Set<() => void>;
  explainQueued?: boolean;
}

/** Everything the page's Earshot remembers between two API calls. */
export const runtime: Runtime = { emitter: new Emitter(), watchers: new Set(), problems: [] };

/** What `explain()` says may have changed: the debug panel hears of it once per burst of changes. */
export function explainChanged(): void {
  if (runtime.explainQueued || !runtime.watchers.size) return;
  runtime.explainQueued = true;
  queueMicrotask(() => {
    runtime.explainQueued = false;
    for (const listener of runtime.watchers) guard(listener);
  });
}

/** Runs the configured Earshot once consent allows it; before that nothing is shown, stored or sent. `hooks`: what a preview shows on the page. */
export function startIfGranted(hooks: Omit<ControllerHost, 'changed'> = {}): void {
  const { configured } = runtime;
  if (runtime.controller || !configured || consentOf(configured, runtime.consent) !== 'granted') return;
  allowStorage();
  runtime.controller = new Controller(configured, runtime.emitter, runtime.presenter!, { ...hooks, changed: explainChanged });
  // Listeners, IndexedDB and the first look at the page wait for the next task, so that `init`
  // adds almost nothing to the host page's own script.
  runtime.startTimer = setTimeout(started, 0);
}

/** The running Earshot, started now if `init` left its start for later. */
export function started(): Controller | undefined {
  if (runtime.startTimer !== undefined) {
    clearTimeout(runtime.startTimer);
    runtime.startTimer = undefined;
    guard(() => runtime.controller?.start());
    guard(() => runtime.onStart?.());
    const { waitingPreview } = runtime;
    runtime.waitingPreview = undefined;
    if (waitingPreview) guard(() => runtime.controller?.preview(waitingPreview));
    explainChanged();
  }
  return runtime.controller;
}

/** Stops everything `init` started: the running Earshot, the debug panel and its console log. */
export function stopRunning(): void {
  stopController();
  runtime.stopDebugLog?.();
  runtime.stopDebugLog = undefined;
  runtime.debugPanel?.close();
  runtime.debugPanel = undefined;
  runtime.stopPanelProblems?.();
  runtime.stopPanelProblems = undefined;
  runtime.panelMode = undefined;
  runtime.problems = [];
  runtime.watchers.clear();
}

export function stopController(): void {
  clearTimeout(runtime.startTimer);
  runtime.startTimer = undefined;
  runtime.controller?.stop();
  runtime.controller = undefined;
}

/** Runs `work`; nothing but `init` throws into the host page, so a failure becomes an `error` event. */
export function guard(work: () => void): void {
  try {
    work();
  } catch (error) {
    reportInternal(error);
  }
}

/** Runs `work`, whose promise never rejects: a failure (thrown or rejected) is an `error` event, and the promise gives `fallback`. */
export function settle<T>(work: () => Promise<T> | undefined, fallback: T): Promise<T> {
  // The executor runs `work` at once and turns a throw into a rejection.
  return new Promise<T | undefined>((resolve) => resolve(work())).then(
    (value) => value ?? fallback,
    (error: unknown) => {
      reportInternal(error);
      return fallback;
    },
  );
}

function reportInternal(error: unknown): void {
  report('internal', String((error as Error)?.message ?? error));
}

/** Reports a problem through the `error` event (and the console with `debug`). */
export function report(code: EarshotErrorCode, message: string): void {
  runtime.emitter.emit('error', { code, message });
}
