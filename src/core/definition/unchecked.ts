import type { Report } from './checks.js';
import { expandTemplate } from './templates.js';
import type { Survey } from '../types.js';

/** check-content.ts's entry point, which each build loads its own way (bundled, or on demand). */
export type ContentCheck = (survey: Record<string, unknown>, path: string) => Report;

/**
 * Surveys whose identity and targeting passed `init` (validate.ts) and whose content is still to
 * be checked, with the definition as written and where it was found (`surveys[2]`,
 * `surveysUrl[0]`, `preview`). Keyed by the survey object the core holds: a template expanded
 * from one keeps its note.
 */
const unchecked = new WeakMap<Survey, [written: Survey, path: string]>();
/** What each checked survey's check found. */
const verdicts = new WeakMap<Survey, Report>();

export function awaitingContentCheck(survey: Survey, path: string): Survey {
  unchecked.set(survey, [survey, path]);
  return survey;
}

/** The survey with its template's items (templates.ts), its content still awaiting its check. */
export function expand(survey: Survey): Survey {
  const expanded = expandTemplate(survey);
  const note = unchecked.get(survey);
  if (note) unchecked.set(expanded, note);
  return expanded;
}

let loadCheck: () => Promise<ContentCheck> = () => Promise.reject(new Error('no content check in this build'));
let loading: Promise<ContentCheck> | undefined;
let loaded: ContentCheck | undefined;

/** How this build gets check-content.ts: a function (bundled), or a loader (a file fetched on demand). */
export function useContentCheck(check: ContentCheck | (() => Promise<ContentCheck>), bundled = false): void {
  loaded = bundled ? (check as ContentCheck) : undefined;
  loading = undefined;
  if (!bundled) loadCheck = check as () => Promise<ContentCheck>;
}

/** Loads the content check (once; again after a failure, as the network may be back). */
export function loadContentCheck(): Promise<unknown> {
  if (loaded) return Promise.resolve();
  return (loading ??= loadCheck().then(
    (check) => (loaded = check),
    (error) => {
      loading = undefined;
      throw error;
    },
  ));
}

/**
 * What the check of `survey`'s content found (no problems when it has none to check): at once
 * when the check is loaded, else undefined (`loadContentCheck()`, then ask again).
 */
export function contentVerdict(survey: Survey): Report | undefined {
  const note = unchecked.get(survey);
  if (!note) return { problems: [], warnings: [] };
  const known = verdicts.get(note[0]);
  if (known || !loaded) return known;
  const verdict = loaded(note[0] as unknown as Record<string, unknown>, note[1]);
  verdicts.set(note[0], verdict);
  return verdict;
}
