import { prefetchUi, running } from '../api/internal.js';
import { loadContentCheck } from '../core/definition/unchecked.js';
import { SURVEY_TAG } from '../core/presenter.js';
import { onDemand } from '../core/on-demand.js';
import type { startEmbeds } from './embed.js';
import { embedCore, failOn, type EmbedHost } from './embed-core.js';
import type { Embeds } from './find-embeds.js';

/**
 * Embed support whose code (embed.ts) arrives only on a page that has an `<earshot-survey>` of
 * its own, once Earshot runs: the split build's earshot.embed.min.js, the ESM build's chunk. An
 * element found before then waits for Earshot to start; a file that cannot be loaded is said on
 * the element (and tried again for the next one, as the network may be back).
 */
export function lazyEmbeds(load: () => Promise<typeof startEmbeds>): Embeds {
  const file = onDemand<typeof startEmbeds>('embed support');
  file.use(load);
  let started: Embeds | undefined;
  /** Elements found while Earshot does not run: nothing is fetched for them until it does. */
  const waiting = new Set<EmbedHost>();
  /**
   * Elements embed.ts was asked for, each once however often it is offered (a scan, then another at
   * DOMContentLoaded): one told that the file could not be loaded is not told twice.
   */
  const asked = new WeakSet<EmbedHost>();
  const embeds: Embeds = {
    embed(host) {
      if (started) return started.embed(host);
      if (asked.has(host) || !host.isConnected) return;
      // Not even embed.ts is fetched before Earshot runs: consent may not be granted yet.
      if (!running(host.getAttribute('endpoint'))) return void waiting.add(host);
      waiting.delete(host);
      asked.add(host);
      // The element will need the UI and the content check too: they come beside this file, not after it.
      if (!customElements.get(SURVEY_TAG)) prefetchUi([], true);
      loadContentCheck().catch(() => {});
      file.load().then(
        (start) => (started ??= start(embedCore)).embed(host),
        (error: unknown) => failOn(host, 'network', `the code that embeds it could not be loaded (${(error as Error)?.message ?? error})`),
      );
    },
    restarted() {
      started?.restarted();
      const found = [...waiting];
      waiting.clear();
      for (const host of found) embeds.embed(host);
    },
  };
  return embeds;
}
