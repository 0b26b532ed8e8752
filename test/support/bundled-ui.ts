// Unit-project setup: the public API tests (targeting, delivery, consent, recipes...) assert what
// the visitor sees right after `track()` or `show()`, as the one-file script tag (src/iife.ts)
// presents it, with the UI bundled in. The ESM face (src/index.ts) imports its UI on demand
// instead; so that those assertions keep their strength (a survey that must not show is checked
// at once, not after an import that may not have settled), each test file gets src/index.ts with
// the bundled presenter, content check, sentences and embed support, as iife.ts binds them. Test files named `*.on-demand.test.ts` keep the
// ESM face's own on-demand loading: they are its tests.
import { expect } from 'vitest';

/** Binds the bundled presenter to the SDK instance loaded now (again after `vi.resetModules()`). */
export async function useBundledUi(): Promise<void> {
  // The elements are defined before the ESM face runs, as in iife.ts: it then looks for no undefined embeds.
  const { presenter } = await import('../../src/ui/present.js');
  // Every kind and the Feedback tab defined, as iife.ts does.
  await (await import('../../src/ui/questions/registry.js')).defineEveryKind();
  await (await import('../../src/ui/tab/define-feedback-tab.js')).defineFeedbackTab();
  await import('../../src/index.js');
  const { usePresenter } = await import('../../src/api/internal.js');
  // With the live region, as iife.ts prepares it.
  usePresenter({ ...presenter, prepare: (await import('../../src/a11y/announcer.js')).prepareAnnouncer });
  // What a survey asks is checked in the task that shows it, as iife.ts does.
  (await import('../../src/core/definition/unchecked.js')).useContentCheck(await import('../../src/core/definition/check-content.js'), true);
  // explain()'s sentences at hand, as iife.ts has them.
  (await import('../../src/core/words/loader.js')).useWords((await import('../../src/core/words/words.js')).words, true);
  // An <earshot-survey> the page placed runs in the task that finds it, as iife.ts has it.
  const { embedCore } = await import('../../src/embed/embed-core.js');
  (await import('../../src/embed/find-embeds.js')).useEmbeds((await import('../../src/embed/embed.js')).startEmbeds(embedCore));
}

const onDemandTests = /\.on-demand\.test\.ts$/.test(expect.getState().testPath ?? '');
// Files in the node environment have no page to show anything on.
if (typeof document !== 'undefined' && !onDemandTests) await useBundledUi();
