// HTML-only embedding: `<earshot-survey src="/surveys/feedback.json" endpoint="/api/earshot">`,
// or with the definition in a `<script type="application/json">` child, renders an inline survey
// with no JavaScript written by the site. Answers go through the running Earshot (the config's
// endpoint), or one started with the element's `endpoint` when the page never called `init`.
// The core finds such elements (find-embeds.ts) and loads this only on a page that has one
// (lazy-embeds.ts): the split build's earshot.embed.min.js, the ESM build's chunk; the one-file
// build bundles it. What it needs of the running Earshot, the core gives it (embed-core.ts).
import type { Report } from '../core/definition/checks.js';
import { isRecord } from '../core/definition/checks.js';
import { SURVEY_TAG } from '../core/presenter.js';
import type { EarshotErrorCode, EarshotEventName, Survey } from '../core/types.js';
import type { EmbedCore, EmbedHost } from './embed-core.js';
import type { Embeds } from './find-embeds.js';

/** Events repeated on the embedded element, for frameworks that listen to the element they rendered. */
const ELEMENT_EVENTS: EarshotEventName[] = ['shown', 'answered', 'completed', 'dismissed'];

/** Valid definitions by element, kept so that a later `init` (or consent) runs them again. */
const surveys = new Map<EmbedHost, Survey>();
/** Elements Earshot shows a survey in. */
const presented = new Set<EmbedHost>();
/** Elements waiting for Earshot to run (no endpoint yet, or consent not granted). */
const waiting = new Set<EmbedHost>();
const loading = new Set<EmbedHost>();

/** What the core gave (embed-core.ts): the running Earshot and its checks; this file has no copy of its own. */
let core: EmbedCore;

/** Starts embed support with what the core gives. */
export function startEmbeds(given: EmbedCore): Embeds {
  core = given;
  for (const name of ELEMENT_EVENTS) {
    addEventListener(`earshot:${name}`, (event) => {
      const { detail } = event as CustomEvent<{ surveyId: string }>;
      for (const [host, survey] of surveys) if (presented.has(host) && survey.id === detail.surveyId) host.dispatchEvent(new CustomEvent(`earshot:${name}`, { detail }));
    });
  }
  return {
    embed,
    restarted() {
      presented.clear();
      for (const host of [...surveys.keys(), ...waiting]) void embed(host);
    },
  };
}

async function embed(host: EmbedHost): Promise<void> {
  if (presented.has(host) || loading.has(host) || !host.isConnected) return;
  loading.add(host);
  try {
    const controller = core.running(host.getAttribute('endpoint'));
    // Nothing is fetched before Earshot runs: consent may not be granted yet.
    if (!controller) return void waiting.add(host);
    waiting.delete(host);
    let survey = surveys.get(host);
    if (!survey) {
      survey = toSurvey(pickSurvey(host, await readDefinition(host)));
      surveys.set(host, survey);
    }
    if (!customElements.get(SURVEY_TAG)) core.prefetchUi([survey], true);
    // What it asks is checked before it shows (its check may arrive on demand, beside the UI): a
    // problem there is said on the element, as any other.
    await checkContent(survey);
    await customElements.whenDefined(SURVEY_TAG);
    const shown = survey;
    // Earshot may have stopped or restarted while the definition was on its way.
    if (core.running() !== controller || !host.isConnected) return;
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
    core.failOn(host, (error as { code?: EarshotErrorCode }).code ?? 'definition', String((error as Error).message ?? error));
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
  const { list } = core.surveysIn(body);
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
  core.checkSurvey(rest, '', report, new Set());
  if (report.problems.length) throw new Error(report.problems.join('; '));
  // What it asks is checked just before it shows (unchecked.ts).
  return core.awaitingContentCheck({ ...(rest as unknown as Survey), display: 'inline' }, '');
}

/** Throws what the check of the survey's questions found, or that the check could not be loaded. */
async function checkContent(survey: Survey): Promise<void> {
  if (!core.contentVerdict(survey)) {
    await core.loadContentCheck().catch((error: unknown) => {
      throw Object.assign(new Error(`the check of its questions could not be loaded (${(error as Error)?.message ?? error})`), { code: 'network' });
    });
  }
  const { problems } = core.contentVerdict(survey)!;
  if (problems.length) throw new Error(problems.join('; '));
}
