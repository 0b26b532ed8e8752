// The long sentences (explain()'s reasons) are no part of the core a page loads: each build gets
// them its own way, bundled or as a file fetched on demand (words.ts), as check-content.ts is got
// (unchecked.ts). The core keeps the codes and their details; these turn them into sentences.
import type { Words } from './words.js';

let loadWords: () => Promise<Words> = () => Promise.reject(new Error('no sentences in this build'));
let loading: Promise<Words> | undefined;
let loaded: Words | undefined;

/** How this build gets the sentences: bundled (the words themselves), or a loader (a file fetched on demand). */
export function useWords(words: Words | (() => Promise<Words>), bundled = false): void {
  loaded = bundled ? (words as Words) : undefined;
  loading = undefined;
  if (!bundled) loadWords = words as () => Promise<Words>;
}

/** The sentences, once (again after a failure, as the network may be back). */
export function words(): Promise<Words> {
  if (loaded) return Promise.resolve(loaded);
  return (loading ??= loadWords().then(
    (got) => (loaded = got),
    (error) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The sentences if they are here already (bundled, or loaded before), else undefined. */
export const wordsAtHand = (): Words | undefined => loaded;
