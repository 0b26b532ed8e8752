import { isRecord } from '../../core/definition/checks.js';
import type { SurveyDefinition } from '../../core/types.js';

/** The `localStorage` key of the survey being built, kept until it is exported or published. */
export const DRAFT_KEY = 'earshot-builder-draft';

/** What the builder keeps of a survey in progress. */
export interface Draft {
  definition: SurveyDefinition;
  /** The page tester's address. */
  pageAddress: string;
  /** When it was last saved (ISO 8601). */
  savedAt: string;
}

/** Keeps the draft; storage that is full, disabled or absent (a private mode) keeps nothing, and says so by returning false. */
export function saveDraft(storage: Storage | undefined, definition: SurveyDefinition, pageAddress: string, now = new Date()): boolean {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify({ definition, pageAddress, savedAt: now.toISOString() } satisfies Draft));
    return !!storage;
  } catch {
    return false;
  }
}

/** The kept draft, if there is one the builder can read (anything else is left alone and ignored). */
export function loadDraft(storage: Storage | undefined): Draft | undefined {
  try {
    const kept: unknown = JSON.parse(storage?.getItem(DRAFT_KEY) ?? 'null');
    if (!isRecord(kept) || !isRecord(kept.definition) || typeof kept.savedAt !== 'string') return undefined;
    return { definition: kept.definition as unknown as SurveyDefinition, pageAddress: typeof kept.pageAddress === 'string' ? kept.pageAddress : '', savedAt: kept.savedAt };
  } catch {
    return undefined;
  }
}

export function clearDraft(storage: Storage | undefined): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** `localStorage`, or nothing where reading it throws (storage disabled, sandboxed frames). */
export function browserStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind] ?? undefined;
  } catch {
    return undefined;
  }
}
