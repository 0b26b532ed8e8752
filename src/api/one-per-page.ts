/**
 * One Earshot runs a page. Copies can arrive from a script tag, the npm build and another app's
 * bundle; two running would show surveys twice and race over one outbox. The first copy to load in
 * a browser claims the page under a registered symbol, which every bundle sees; a later one warns
 * once and starts nothing. (The script-tag builds check the same symbol in their rollup `intro`,
 * before anything runs, and hand `window.earshot` to the copy already running.)
 */
export const PAGE_OWNER = Symbol.for('earshot');

/**
 * Whether this copy may run the page: in a browser (not Node, Deno, Bun or a server render), and
 * no other copy running it. The first caller claims the page, leaving `api` for later copies.
 */
export function claimPage(api: object): boolean {
  if (typeof document === 'undefined') return false;
  const page = globalThis as { [PAGE_OWNER]?: object };
  if (page[PAGE_OWNER]) {
    console.warn('earshot: loaded twice; this copy steps aside');
    return false;
  }
  page[PAGE_OWNER] = api;
  return true;
}
