// The panel on the page that says why surveys show or not (`debug: true`, or `?earshot_debug=1`
// where `debugParam: true` allows it), and what a preview link shows when it cannot show its
// survey, or waits for its trigger in simulate mode: never only on the console.
import type { ResolvedConfig } from '../core/definition/validate.js';
import type { SurveyEligibility } from '../core/types.js';
import { explainChanged, runtime } from './runtime.js';

/** The page URL parameter that opens the debug panel where `init({ debugParam: true })` allows it. */
export const DEBUG_PARAMETER = 'earshot_debug';
/** The panel keeps the newest problems, at most this many. */
const PANEL_PROBLEMS_MAX = 20;

/** Whether this page load runs with the debug panel: `debug: true`, or `?earshot_debug=1` where the config allows it. */
export const debugWanted = (config: ResolvedConfig) => config.debug || (config.debugParam === true && new URLSearchParams(location.search).get(DEBUG_PARAMETER) === '1');

type Explain = () => Promise<SurveyEligibility[]>;

/** Opens the panel; `preview`: a preview link's, limited to its survey. */
function openPanel(config: ResolvedConfig | undefined, explain: Explain, preview?: { simulated?: string }): void {
  runtime.panelMode = preview ? 'preview' : 'debug';
  runtime.debugPanel = runtime.presenter?.debugPanel?.({
    locale: config?.locale ?? 'en',
    theme: config?.theme,
    colorScheme: config?.colorScheme,
    styleNonce: config?.styleNonce,
    explain,
    problems: () => runtime.problems,
    preview,
    watch(listener) {
      runtime.watchers.add(listener);
      return () => runtime.watchers.delete(listener);
    },
  });
}

/** The full panel (`debug`): every survey, and every problem met loading definitions or showing a preview. */
export function openDebugPanel(config: ResolvedConfig, explain: Explain): void {
  runtime.problems = [];
  runtime.stopPanelProblems = runtime.emitter.on('error', ({ code, message }) => {
    if (code === 'definition' || code === 'network') noteProblems([message]);
  });
  openPanel(config, explain);
}

function noteProblems(problems: string[]): void {
  runtime.problems = [...runtime.problems, ...problems].slice(-PANEL_PROBLEMS_MAX);
  explainChanged();
}

/** A preview that could not show: its problems go on the page, with a panel of their own unless the full one is open (which lists them already). */
export function showPreviewProblems(problems: string[], explain: Explain): void {
  if (runtime.panelMode === 'debug') return;
  if (runtime.panelMode) return noteProblems(problems);
  runtime.problems = problems;
  openPanel(runtime.configured, explain, {});
}

/** Simulate mode: the panel follows the simulated survey alone, saying what it waits for. */
export function showSimulation(surveyId: string, explain: Explain): void {
  if (runtime.panelMode) return;
  runtime.problems = [];
  openPanel(runtime.configured, explain, { simulated: surveyId });
}
