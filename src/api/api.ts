// The public API, one function per call, each written the same way: its work runs guarded, so
// that nothing but `init` throws into the host page (a failure is an `error` event), and a call
// that answers later returns a promise that never rejects. State and lifecycle: runtime.ts.
import { CONSENT_STATES, consentOf, eraseVisitorData } from '../core/consent.js';
import { droppedValues, mergeContext } from '../core/context.js';
import type { Listener } from '../core/emitter.js';
import { EarshotConfigError } from '../core/errors.js';
import { validateConfig, validateSurvey } from '../core/definition/validate.js';
import { explainSurvey, sentenceFactsOf, type EligibilityFound } from '../core/targeting/eligibility.js';
import { words } from '../core/words/loader.js';
import { currentPath } from '../core/targeting/route-changes.js';
import type {
  ConsentState,
  Context,
  DeadLetter,
  EarshotConfig,
  EligibilityReason,
  EarshotEventName,
  Survey,
  SurveyDefinition,
  SurveyEligibility,
  UserTraits,
} from '../core/types.js';
import { explainChanged, guard, report, runtime, settle, startIfGranted, started, stopController, stopRunning } from './runtime.js';
import { debugWanted, openDebugPanel, showPreviewProblems, showSimulation } from './debug-panel.js';

/** Validates the config, opens the outbox and starts listening for journey points. Throws `EarshotConfigError`. */
export function init(config: EarshotConfig): void {
  // No presenter: outside a browser, or beside a copy that runs the page (index.ts); the API does nothing.
  if (!runtime.presenter) return;
  const { config: resolved, problems, warnings } = validateConfig(config);
  if (!resolved) throw new EarshotConfigError(problems);
  stopRunning();
  resolved.debug = debugWanted(resolved);
  if (resolved.debug) {
    for (const warning of warnings) console.warn(`earshot: ${warning}`);
    runtime.stopDebugLog = runtime.emitter.on('error', ({ code, message }) => console.warn(`earshot (${code}): ${message}`));
  }
  runtime.configured = resolved;
  // Only config problems throw: a panel that cannot be shown is an `error` event.
  if (resolved.debug) guard(() => openDebugPanel(resolved, explain));
  startIfGranted(PREVIEW_HOOKS);
}

/** What a preview link shows on the page: why its survey could not show, or what a simulation waits for (debug-panel.ts). */
const PREVIEW_HOOKS = {
  previewFailed: (problems: string[]) => showPreviewProblems(problems, explain),
  simulating: (surveyId: string) => showSimulation(surveyId, explain),
};

/**
 * `granted` starts Earshot (with the config of `init`); `pending` stops it; `denied` stops it and
 * erases the outbox, the refused answers and the visitor's state. May be called before `init`.
 */
export function consent(state: ConsentState): void {
  guard(() => {
    if (!runtime.presenter) return;
    if (!CONSENT_STATES.includes(state)) return report('definition', `consent(): expected one of ${CONSENT_STATES.join(', ')} (got ${String(state)})`);
    runtime.consent = state;
    explainChanged();
    if (state === 'granted') return startIfGranted(PREVIEW_HOOKS);
    stopController();
    if (state === 'denied') void eraseVisitorData();
  });
}

/** Records a journey point; a survey whose trigger matches may show. */
export function track(name: string, properties?: Record<string, unknown>): void {
  guard(() => started()?.track(name, properties));
}

/** Shows a survey now, bypassing targeting (for a "Give feedback" button). */
export function show(surveyId: string): void {
  guard(() => started()?.show(surveyId));
}

/**
 * Shows a survey now, marked as a preview: a definition (checked as `init` checks it; problems go
 * to the `error` event, nothing shows) or the id of a configured survey. Targeting, sampling and
 * frequency are bypassed and nothing about it is remembered; its answers are sent flagged
 * `preview: true`, or not at all with `previews: "discard"`. While consent is not granted it
 * waits, as every survey does.
 */
export function preview(definition: SurveyDefinition | string): void {
  guard(() => {
    if (!runtime.presenter) return;
    let survey: Survey | string = definition as string;
    if (typeof definition !== 'string') {
      const { survey: valid, problems, warnings } = validateSurvey(definition, 'preview');
      if (!valid) {
        report('definition', `preview(): ${problems.join('; ')}`);
        if (runtime.configured)
          showPreviewProblems([`preview(): the survey has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was shown`, ...problems], explain);
        return;
      }
      if (runtime.configured?.debug) for (const warning of warnings) console.warn(`earshot: ${warning}`);
      survey = valid;
    }
    if (!runtime.configured) return report('definition', 'preview(): call earshot.init() first; a preview is answered and delivered as the config says');
    const running = started();
    if (running) running.preview(survey);
    else runtime.waitingPreview = survey;
  });
}

/**
 * For each survey, whether it can show on this page now and every reason it cannot (URL, trigger,
 * audience, sample, completion, cooldown, consent, another survey on the page). It answers once
 * the visitor's state is loaded and the surveys of `surveysUrl` arrived (or could not).
 */
export function explain(): Promise<SurveyEligibility[]> {
  return settle(() => {
    const { configured } = runtime;
    if (!configured) return said([{ surveyId: '*', eligible: false, showing: false, reasons: [{ code: 'notStarted' }] }]);
    const running = started();
    if (running) return running.explain().then(said);
    // Before consent nothing is read from storage: only the page and the config can be judged.
    const state = consentOf(configured, runtime.consent) === 'denied' ? 'denied' : 'pending';
    const facts = { path: currentPath(), traits: configured.user?.traits, now: Date.now(), cooldownDays: configured.cooldownDays };
    return said(
      configured.surveys.map((survey) => {
        const verdict = explainSurvey(survey, facts);
        return { ...verdict, eligible: false, reasons: [{ code: 'consent', consent: state } as const, ...verdict.reasons] };
      }),
    );
  }, []);
}

/** explain()'s answer with each reason's sentence, from the words loaded on demand; its code stands in when they cannot be loaded. */
async function said(found: EligibilityFound[]): Promise<SurveyEligibility[]> {
  const sentences = await words().catch(() => undefined);
  return found.map((entry) => ({
    ...entry,
    reasons: entry.reasons.map((reason) => ({ ...reason, message: sentences?.reason(reason, sentenceFactsOf(reason)) ?? reason.code }) as EligibilityReason),
  }));
}

/** Sets who answers; attached to responses started from now on. */
export function identify(userId: string, traits?: UserTraits): void {
  guard(() => {
    const { controller, configured } = runtime;
    // While consent is pending, who answers is kept for when Earshot starts.
    if (controller) controller.identify(userId, traits);
    else if (configured) configured.user = { id: userId, ...(traits && { traits }) };
    explainChanged();
  });
}

/**
 * Merges values into the `context` of responses to surveys shown from now on; `null` removes a
 * key. Values that a collector could not take are dropped, each named in an `error` event.
 */
export function setContext(values: Context): void {
  guard(() => {
    const { controller, configured } = runtime;
    if (controller) return controller.setContext(values);
    if (!configured) return;
    // While consent is pending the values wait for Earshot to start, with those of `init({ context })`.
    const [context, dropped] = mergeContext(configured.context ?? {}, values, true);
    configured.context = context;
    if (dropped.length) report('definition', droppedValues('setContext()', dropped));
  });
}

/** Resolves once everything queued so far was delivered or the attempt failed; never rejects. */
export function flush(): Promise<void> {
  return settle(() => started()?.flush(true), undefined);
}

/** Responses the collector refused for good (set aside, never retried), to inspect or export; never rejects. */
export function deadLetters(): Promise<DeadLetter[]> {
  return settle(() => started()?.deadLetters(), []);
}

/** Listens to an Earshot event; returns the function that stops listening. */
export function on<K extends EarshotEventName>(name: K, listener: Listener<K>): () => void {
  return runtime.emitter.on(name, listener);
}

/** Removes every widget, listener and timer; what is queued stays on disk for the next page. */
export function destroy(): void {
  guard(() => {
    stopRunning();
    runtime.configured = undefined;
    runtime.waitingPreview = undefined;
    runtime.emitter.clear();
  });
}
