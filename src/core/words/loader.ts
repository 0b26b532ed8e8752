// The long sentences (explain()'s reasons) are no part of the core a page loads: each build gets
// them its own way, bundled or as a file fetched on demand (words.ts), as check-content.ts is got
// (unchecked.ts). The core keeps the codes and their details; these turn them into sentences.
import { onDemand } from '../on-demand.js';
import type { Words } from './words.js';

const sentences = onDemand<Words>('sentences');

/** How this build gets the sentences: bundled (the words themselves), or a loader (a file fetched on demand). */
export const useWords = sentences.use;
/** The sentences, once (again after a failure, as the network may be back). */
export const words = sentences.load;
/** The sentences if they are here already (bundled, or loaded before), else undefined. */
export const wordsAtHand = sentences.atHand;
