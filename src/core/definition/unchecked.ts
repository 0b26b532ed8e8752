import type { Report } from './checks.js';
import type { localizeSurvey } from './localize.js';
import type { recaller } from './recall.js';
import type { Survey } from '../types.js';
import { onDemand } from '../on-demand.js';

/** What the check of a survey's content found; with no problems, the survey as the rest of the SDK sees it (its template's items in). */
export interface ContentVerdict extends Report {
  survey?: Survey;
}

/**
 * What check-content.ts gives the core, which each build loads its own way (bundled, or on demand):
 * the check, and what a survey that passed it needs before it shows (its texts in the visitor's
 * language, its recalled values). A page where no survey shows never loads them.
 */
export interface ContentCheck {
  contentReport(survey: Record<string, unknown>, path: string): ContentVerdict;
  localizeSurvey: typeof localizeSurvey;
  recaller: typeof recaller;
}

/**
 * Surveys whose identity and targeting passed `init` (validate.ts) and whose content is still to
 * be checked (and their template expanded, templates.ts), with where each was found (`surveys[2]`,
 * `surveysUrl[0]`, `preview`). Keyed by the survey object the core holds, as written.
 */
const unchecked = new WeakMap<Survey, string>();
/** What each checked survey's check found. */
const verdicts = new WeakMap<Survey, ContentVerdict>();

export function awaitingContentCheck(survey: Survey, path: string): Survey {
  unchecked.set(survey, path);
  return survey;
}

const contentCheck = onDemand<ContentCheck>('content check');

/** How this build gets check-content.ts: the module itself (bundled), or a loader (a file fetched on demand). */
export const useContentCheck = contentCheck.use;

/** What check-content.ts gives, once loaded: a survey whose verdict is known can be shown with it. */
export const loadedContentCheck = contentCheck.atHand;

/** Loads the content check (once; again after a failure, as the network may be back). */
export const loadContentCheck = contentCheck.load;

/**
 * What the check of `survey`'s content found (no problems when it has none to check): at once
 * when the check is loaded, else undefined (`loadContentCheck()`, then ask again).
 */
export function contentVerdict(survey: Survey): ContentVerdict | undefined {
  // Even a survey with nothing to check waits for the file: what it needs to show comes with it.
  const loaded = contentCheck.atHand();
  if (!loaded) return undefined;
  const path = unchecked.get(survey);
  if (path === undefined) return { problems: [], warnings: [], survey };
  const known = verdicts.get(survey);
  if (known) return known;
  const verdict = loaded.contentReport(survey as unknown as Record<string, unknown>, path);
  verdicts.set(survey, verdict);
  return verdict;
}

/** The survey with its template's items once its check passed; as written before then (a template's items still unknown). */
export const asAsked = (survey: Survey): Survey => contentVerdict(survey)?.survey ?? survey;
