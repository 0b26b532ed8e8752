// HTML-only embedding: `<earshot-survey src="/surveys/feedback.json" endpoint="/api/earshot">`,
// or with the definition in a `<script type="application/json">` child, renders an inline survey
// with no JavaScript written by the site. Answers go through the running Earshot (the config's
// endpoint), or one started with the element's `endpoint` when the page never called `init`.
import { prefetchUi, report, running, whenStarted } from '../api/internal.js';
import type { Report } from '../core/definition/checks.js';
import { EMBED_REQUEST, type PresentRequest, type SurveyCallbacks } from '../core/presenter.js';
import type { EarshotErrorCode, EarshotEventName, Survey } from '../core/types.js';
import { checkSurvey } from '../core/definition/validate.js';
import { awaitingContentCheck, contentVerdict, loadContentCheck } from '../core/definition/unchecked.js';
import { isRecord } from '../core/definition/checks.js';
import { surveysIn } from '../core/targeting/remote-surveys.js';

const TAG = 'earshot-survey';
/** Events repeated on the embedded element, for frameworks that listen to the element they rendered. */
const ELEMENT_EVENTS: EarshotEventName[] = ['shown', 'answered', 'completed', 'dismissed'];

/** The element as the embed fills it in (the UI's `<earshot-survey>`, seen from the core). */
interface EmbedHost extends HTMLElement {
  survey?: Survey;
  locale?: string;
  callbacks?: SurveyCallbacks;
  requested?: boolean;
  recall?: PresentRequest['recall'];
}

/** Valid definitions by element, kept so that a later `init` (or consent) runs them again. */
const surveys = new Map<EmbedHost, Survey>();
/** Elements Earshot shows a survey in. */
const presented = new Set<EmbedHost>();
/** Elements waiting for Earshot to run (no endpoint yet, or consent not granted). */
const waiting = new Set<EmbedHost>();
const loading = new Set<EmbedHost>();

/** Starts embed support: elements already on the page, those added later, and each (re)start of Earshot. */
export function watchEmbeds(): void {
  addEventListener(EMBED_REQUEST, (event) => void embed(event.composedPath()[0] as EmbedHost), true);
  for (const name of ELEMENT_EVENTS) {
    addEventListener(`earshot:${name}`, (event) => {
      const { detail } = event as CustomEvent<{ surveyId: string }>;
      for (const [host, survey] of surveys) if (presented.has(host) && survey.id === detail.surveyId) host.dispatchEvent(new CustomEvent(`earshot:${name}`, { detail }));
    });
  }
  whenStarted(() => {
    presented.clear();
    for (const host of [...surveys.keys(), ...waiting]) void embed(host);
  });
  scan();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => scan(), { once: true });
}

/**
 * For the split build, which defines the element only once the UI arrives: an element added to
 * the page before then announces nothing, so it is looked for until the definition exists.
 */
export function watchUndefinedEmbeds(): void {
  if (customElements.get(TAG)) return;
  // Only what was added is searched: on a page where no survey shows, the UI (and the definition)
  // may never arrive, and the page's own DOM changes must stay cheap.
  const added = new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName === TAG) offer(node as EmbedHost);
        else scan(node);
      }
    }
  });
  added.observe(document, { childList: true, subtree: true });
  void customElements.whenDefined(TAG).then(() => added.disconnect());
}

/** Elements parsed before this script, or not upgraded yet (the split build defines them on demand). */
function scan(root: ParentNode = document): void {
  root.querySelectorAll<EmbedHost>(TAG).forEach(offer);
}

/** An element the page placed, unless Earshot filled it in already. */
function offer(host: EmbedHost): void {
  if (!host.survey) void embed(host);
}

async function embed(host: EmbedHost): Promise<void> {
  if (presented.has(host) || loading.has(host) || !host.isConnected) return;
  loading.add(host);
  try {
    const controller = running(host.getAttribute('endpoint'));
    // Nothing is fetched before Earshot runs: consent may not be granted yet.
    if (!controller) return void waiting.add(host);
    waiting.delete(host);
    let survey = surveys.get(host);
    if (!survey) {
      survey = toSurvey(pickSurvey(host, await readDefinition(host)));
      surveys.set(host, survey);
    }
    if (!customElements.get(TAG)) prefetchUi([survey], true);
    // What it asks is checked before it shows (its check may arrive on demand, beside the UI): a
    // problem there is said on the element, as any other.
    await checkContent(survey);
    await customElements.whenDefined(TAG);
    const shown = survey;
    // Earshot may have stopped or restarted while the definition was on its way.
    if (running() !== controller || !host.isConnected) return;
    // Counted as shown before it is: `shown` comes during `embed`, and the element repeats it.
    presented.add(host);
    controller.embed(shown, ({ locale, callbacks, recall }) => {
      host.setAttribute('display', 'inline');
      Object.assign(host, { survey: shown, locale, callbacks, recall, requested: false });
      callbacks.onShown();
      return {
        close() {
          presented.delete(host);
          host.survey = host.callbacks = undefined;
        },
      };
    });
  } catch (error) {
    fail(host, (error as { code?: EarshotErrorCode }).code ?? 'definition', String((error as Error).message ?? error));
  } finally {
    loading.delete(host);
  }
}

/** The definition in a `<script type="application/json">` child, or at `src`. */
async function readDefinition(host: EmbedHost): Promise<unknown> {
  // The child is parsed after the element's start tag connected it.
  if (document.readyState === 'loading') await new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }));
  const inline = host.querySelector(':scope > script[type="application/json"]');
  if (inline) return JSON.parse(inline.textContent ?? '');
  const src = host.getAttribute('src');
  if (!src) throw new Error('needs a src attribute or a <script type="application/json"> child');
  const response = await fetch(new URL(src, location.href)).catch((error) => {
    throw Object.assign(new Error(`${src} could not be loaded (${error})`), { code: 'network' });
  });
  if (!response.ok) throw Object.assign(new Error(`${src} could not be loaded (HTTP ${response.status})`), { code: 'network' });
  return response.json();
}

/**
 * The definition to show from what `src` (or the child) holds: one survey, or from a list (or
 * `{ "surveys": [...] }`) the one the element's `survey` attribute names, else the first.
 */
function pickSurvey(host: EmbedHost, body: unknown): unknown {
  const { list } = surveysIn(body);
  const wanted = host.getAttribute('survey');
  if (wanted === null && list.length) return list[0];
  const found = list.find((one) => isRecord(one) && one.id === wanted);
  if (!found) throw new Error(wanted === null ? 'the list holds no survey' : `the list holds no survey with id "${wanted}"`);
  return found;
}

/** A valid definition, shown inline whatever its `display`; an embed has no journey point to wait for. */
function toSurvey(definition: unknown): Survey {
  const { $schema, display, target, trigger, ...rest } = (definition ?? {}) as Record<string, unknown>;
  const report: Report = { problems: [], warnings: [] };
  checkSurvey(rest, '', report, new Set());
  if (report.problems.length) throw new Error(report.problems.join('; '));
  // What it asks is checked just before it shows (unchecked.ts).
  return awaitingContentCheck({ ...(rest as unknown as Survey), display: 'inline' }, '');
}

/** Throws what the check of the survey's questions found, or that the check could not be loaded. */
async function checkContent(survey: Survey): Promise<void> {
  if (!contentVerdict(survey)) {
    await loadContentCheck().catch((error: unknown) => {
      throw Object.assign(new Error(`the check of its questions could not be loaded (${(error as Error)?.message ?? error})`), { code: 'network' });
    });
  }
  const { problems } = contentVerdict(survey)!;
  if (problems.length) throw new Error(problems.join('; '));
}

function fail(host: EmbedHost, code: EarshotErrorCode, message: string): void {
  const text = `<earshot-survey${host.hasAttribute('src') ? ` src="${host.getAttribute('src')}"` : ''}>: ${message}`;
  host.dispatchEvent(new CustomEvent('earshot:error', { detail: { code, message: text } }));
  report(code, text);
  if (host.hasAttribute('debug')) console.warn(`earshot: ${text}`);
}
