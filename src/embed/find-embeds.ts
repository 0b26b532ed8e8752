// HTML-only embedding (`<earshot-survey src=…>`), the part every page pays for: finding such
// elements. What runs them (embed.ts: reading the definition, choosing and checking the survey,
// showing it) each build gets its own way: bundled, or loaded only on a page that has one
// (lazy-embeds.ts; docs/architecture.md §7).
import { whenStarted } from '../api/internal.js';
import { EMBED_REQUEST, SURVEY_TAG } from '../core/presenter.js';
import type { EmbedHost } from './embed-core.js';

/** What runs the surveys of elements a page placed (embed.ts, bundled or on demand). */
export interface Embeds {
  /** Runs the element's survey (or keeps it until Earshot runs). */
  embed(host: EmbedHost): void;
  /** Earshot (re)started, after `init` or when consent is granted: every element runs again. */
  restarted(): void;
}

let embeds: Embeds | undefined;

/** How this build runs them: embed.ts bundled, or loaded on demand (lazy-embeds.ts). */
export function useEmbeds(chosen: Embeds): void {
  embeds = chosen;
}

/** Starts embed support: elements already on the page, those added later that announce themselves, and each (re)start of Earshot. */
export function watchEmbeds(): void {
  addEventListener(EMBED_REQUEST, (event) => offer(event.composedPath()[0] as EmbedHost), true);
  whenStarted(() => embeds?.restarted());
  scan();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', () => scan(), { once: true });
}

/**
 * For the split build, which defines the element only once the UI arrives: an element added to
 * the page before then announces nothing, so it is looked for until the definition exists.
 */
export function watchUndefinedEmbeds(): void {
  if (customElements.get(SURVEY_TAG)) return;
  // Only what was added is searched: on a page where no survey shows, the UI (and the definition)
  // may never arrive, and the page's own DOM changes must stay cheap.
  const added = new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName === SURVEY_TAG) offer(node as EmbedHost);
        else scan(node);
      }
    }
  });
  added.observe(document, { childList: true, subtree: true });
  void customElements.whenDefined(SURVEY_TAG).then(() => added.disconnect());
}

/** Elements parsed before this script, or not upgraded yet (the split build defines them on demand). */
function scan(root: ParentNode = document): void {
  root.querySelectorAll<EmbedHost>(SURVEY_TAG).forEach(offer);
}

/** An element the page placed, unless Earshot filled it in already. */
function offer(host: EmbedHost): void {
  if (!host.survey) embeds?.embed(host);
}
