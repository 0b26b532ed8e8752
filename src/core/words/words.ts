// What the on-demand file of sentences gives the core (loader.ts): the split build's
// earshot.words.min.js, the ESM build's chunk; the one-file build bundles it.
import { reasonSentence } from './reason-sentences.js';

export interface Words {
  /** The sentence of one of explain()'s reasons. */
  reason: typeof reasonSentence;
}

export const words: Words = { reason: reasonSentence };
