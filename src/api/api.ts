import { Controller } from '../core/controller.js';
import { Emitter, type Listener } from '../core/emitter.js';
import { EarshotConfigError } from '../core/errors.js';
import { CONSENT_STATES, allowStorage, consentOf, eraseVisitorData } from '../core/consent.js';
import type { ConsentState, DeadLetter, EarshotConfig, EarshotErrorCode, EarshotEventName, Survey, SurveyDefinition, SurveyEligibility, UserTraits } from '../core/types.js';
import { validateConfig, validateSurvey, type ResolvedConfig } from '../core/definition/validate.js';
import type { PresentedSurvey, Presenter } from '../core/presenter.js';
import { explainSurvey } from '../core/targeting/eligibility.js';
import { currentPath } from '../core/targeting/route-changes.js';

// Listeners belong to the page, not to one config: they outlive a second `init`.
const emitter = new Emitter();
let controller: Controller | null = null;
let stopDebugLog: (() => void) | null = null;
/** How surveys reach the page. None outside a browser, or beside a copy that runs the page (index.ts): then the API does nothing. */
let presenter: Presenter | undefined;
/** The config of the latest `init`, kept while consent is not granted. */
let configured: ResolvedConfig | null = null;
/** The latest `consent()` call; it outranks the config's `consent`. */
let chosenConsent: ConsentState | undefined;
/** Told each time Earshot starts running (embedded surveys attach to it). */
let onStart: (() => void) | undefined;
/** The start that `init` left for the next task; a call that needs Earshot running starts it at once. */
let pendingStart: ReturnType<typeof setTimeout> | undefined;
/** A preview asked for while consent is not granted: it shows once Earshot runs. */
let waitingPreview: Survey | string | undefined;
/** The `debug: true` panel, and who listens for changes to what `explain()` says. */
let debugPanel: PresentedSurvey | undefined;
const explainWatchers = new Set<() => void>();
let explainChangeQueued = false;

/** How surveys reach the page: each build's entry decides (bundled, or loaded on demand). */
export function usePresenter(chosen: Presenter): void {
  presenter = chosen;
}

/** Validates the config, opens the outbox and starts listening for journey points. Throws `EarshotConfigError`. */
export function init(config: EarshotConfig): void {
  if (!presenter) return;
  const { config: resolved, problems, warnings } = validateConfig(config);
  if (!resolved) throw new EarshotConfigError(problems);
  stopRunning();
  if (resolved.debug) {
    for (const warning of warnings) console.warn(`earshot: ${warning}`);
    stopDebugLog = emitter.on('error', ({ code, message }) => console.warn(`earshot (${code}): ${message}`));
  }
  configured = resolved;
  // Only config problems throw: a panel that cannot be shown is an `error` event.
  if (resolved.debug) guarded(openDebugPanel)(resolved);
  startIfGranted();
}

/** The panel that shows `explain()` on the page; its UI arrives with the survey UI. */
function openDebugPanel({ locale, theme, colorScheme, styleNonce }: ResolvedConfig): void {
  debugPanel = presenter?.debugPanel?.({
    locale,
    theme,
    colorScheme,
    styleNonce,
    explain,
    watch(listener) {
      explainWatchers.add(listener);
      return () => explainWatchers.delete(listener);
    },
  });
}

/** What `explain()` says may have changed: the panel hears of it once per burst of changes. */
function explainChanged(): void {
  if (explainChangeQueued || !explainWatchers.size) return;
  explainChangeQueued = true;
  queueMicrotask(() => {
    explainChangeQueued = false;
    for (const listener of explainWatchers) guarded(listener)();
  });
}

/** Runs the configured Earshot once consent allows it; before that nothing is shown, stored or sent. */
function startIfGranted(): void {
  if (controller || !configured || consentOf(configured, chosenConsent) !== 'granted') return;
  allowStorage();
  controller = new Controller(configured, emitter, presenter!, explainChanged);
  // Listeners, IndexedDB and the first look at the page wait for the next task, so that `init`
  // adds almost nothing to the host page's own script.
  pendingStart = setTimeout(started, 0);
}

/** The running Earshot, started now if `init` left its start for later. */
function started(): Controller | null {
  if (pendingStart !== undefined) {
    clearTimeout(pendingStart);
    pendingStart = undefined;
    guarded(() => controller?.start())();
    guarded(() => onStart?.())();
    if (waitingPreview) guarded((waiting: Survey | string) => controller?.preview(waiting))(waitingPreview);
    waitingPreview = undefined;
    explainChanged();
  }
  return controller;
}

/**
 * `granted` starts Earshot (with the config of `init`); `pending` stops it; `denied` stops it and
 * erases the outbox, the refused answers and the visitor's state. May be called before `init`.
 */
export const consent: (state: ConsentState) => void = guarded((state) => {
  if (!presenter) return;
  if (!CONSENT_STATES.includes(state)) return report('definition', `consent(): expected one of ${CONSENT_STATES.join(', ')} (got ${String(state)})`);
  chosenConsent = state;
  explainChanged();
  if (state === 'granted') return startIfGranted();
  stopController();
  if (state === 'denied') void eraseVisitorData();
});

/** The running Earshot; when the page never called `init`, started with `endpoint` alone (an embedded survey's). */
export function running(endpoint?: string | null): Controller | null {
  if (!configured && endpoint) init({ endpoint });
  return started();
}

/** `listener` runs each time Earshot starts (after `init`, or when consent is granted). */
export function whenStarted(listener: () => void): void {
  onStart = listener;
}

/** Fetches the survey UI ahead of time where it is loaded on demand. */
export function prefetchUi(): void {
  presenter?.prefetch?.();
}

/** Records a journey point; a survey whose trigger matches may show. */
export const track: (name: string, properties?: Record<string, unknown>) => void = guarded((name, properties) => started()?.track(name, properties));

/** Shows a survey now, bypassing targeting (for a "Give feedback" button). */
export const show: (surveyId: string) => void = guarded((surveyId) => started()?.show(surveyId));

/**
 * Shows a survey now, marked as a preview: a definition (checked as `init` checks it; problems go
 * to the `error` event, nothing shows) or the id of a configured survey. Targeting, sampling and
 * frequency are bypassed and nothing about it is remembered; its answers are sent flagged
 * `preview: true`, or not at all with `previews: "discard"`. While consent is not granted it
 * waits, as every survey does.
 */
export const preview: (definition: SurveyDefinition | string) => void = guarded((definition) => {
  if (!presenter) return;
  let survey: Survey | string = definition as string;
  if (typeof definition !== 'string') {
    const { survey: valid, problems, warnings } = validateSurvey(definition, 'preview');
    if (!valid) return report('definition', `preview(): ${problems.join('; ')}`);
    if (configured?.debug) for (const warning of warnings) console.warn(`earshot: ${warning}`);
    survey = valid;
  }
  if (!configured) return report('definition', 'preview(): call earshot.init() first; a preview is answered and delivered as the config says');
  const running = started();
  if (running) running.preview(survey);
  else waitingPreview = survey;
});

/**
 * For each survey, whether it can show on this page now and every reason it cannot (URL, trigger,
 * audience, sample, completion, cooldown, consent, another survey on the page). Never throws.
 */
export function explain(): SurveyEligibility[] {
  try {
    if (!configured) {
      const message = 'earshot.init() was not called (or destroy() ran): no survey can show';
      return [{ surveyId: '*', eligible: false, showing: false, reasons: [{ code: 'notStarted', message }] }];
    }
    const running = started();
    if (running) return running.explain();
    // Before consent nothing is read from storage: only the page and the config can be judged.
    const state = consentOf(configured, chosenConsent) === 'denied' ? 'denied' : 'pending';
    const facts = { path: currentPath(), traits: configured.user?.traits, now: Date.now(), cooldownDays: configured.cooldownDays };
    const message = state === 'denied' ? 'consent was denied: nothing is shown, stored or sent' : 'consent is pending: nothing is shown until earshot.consent("granted")';
    return configured.surveys.map((survey) => {
      const verdict = explainSurvey(survey, facts);
      return { ...verdict, eligible: false, reasons: [{ code: 'consent', consent: state, message }, ...verdict.reasons] };
    });
  } catch (error) {
    reportInternal(error);
    return [];
  }
}

/** Sets who answers; attached to responses started from now on. */
export const identify: (userId: string, traits?: UserTraits) => void = guarded((userId, traits) => {
  // While consent is pending, who answers is kept for when Earshot starts.
  if (controller) controller.identify(userId, traits);
  else if (configured) configured.user = { id: userId, ...(traits && { traits }) };
  explainChanged();
});

/** Resolves once everything queued so far was delivered or the attempt failed; never rejects. */
export function flush(): Promise<void> {
  return started()?.flush().catch(reportInternal) ?? Promise.resolve();
}

/** Responses the collector refused for good (set aside, never retried), to inspect or export; never rejects. */
export function deadLetters(): Promise<DeadLetter[]> {
  return started()?.deadLetters() ?? Promise.resolve([]);
}

/** Listens to an Earshot event; returns the function that stops listening. */
export function on<K extends EarshotEventName>(name: K, listener: Listener<K>): () => void {
  return emitter.on(name, listener);
}

/** Removes every widget, listener and timer; what is queued stays on disk for the next page. */
export function destroy(): void {
  stopRunning();
  configured = null;
  waitingPreview = undefined;
  emitter.clear();
}

function stopRunning(): void {
  stopController();
  stopDebugLog?.();
  stopDebugLog = null;
  debugPanel?.close();
  debugPanel = undefined;
  explainWatchers.clear();
}

function stopController(): void {
  clearTimeout(pendingStart);
  pendingStart = undefined;
  controller?.stop();
  controller = null;
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
  report('internal', String((error as Error)?.message ?? error));
}

/** Reports a problem through the `error` event (and the console with `debug`). */
export function report(code: EarshotErrorCode, message: string): void {
  emitter.emit('error', { code, message });
}
