// The split build's embed support is a file fetched on a page that has an `<earshot-survey>`. When
// that file cannot be loaded, each element says so once, even though the page is scanned twice
// (when the script runs, and again at DOMContentLoaded); the next element tries the file again.
import { expect, it, vi } from 'vitest';
import { init } from '../../src/index.js';
import { lazyEmbeds } from '../../src/embed/lazy-embeds.js';
import { useEmbeds } from '../../src/embed/find-embeds.js';
import type { EmbedHost } from '../../src/embed/embed-core.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';

usePublicApiPage();

function placed(src: string): { host: EmbedHost; errors: unknown[] } {
  const host = document.createElement('earshot-survey') as EmbedHost;
  host.setAttribute('src', src);
  document.body.append(host);
  const errors: unknown[] = [];
  host.addEventListener('earshot:error', (event) => errors.push((event as CustomEvent).detail));
  return { host, errors };
}

it('says once on an element that the code which embeds it could not be loaded, however often the page offers it', async () => {
  init({ endpoint: '/api/earshot' });
  const load = vi.fn(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
  const embeds = lazyEmbeds(load);
  // In place of the ESM build's own: the page's watchers offer the elements they find to this one.
  useEmbeds(embeds);
  const first = placed('/embed/feedback.json');

  await settle();
  embeds.embed(first.host);
  await settle();
  // The scan at DOMContentLoaded finds the same element again, after its failure was said.
  embeds.embed(first.host);
  await settle();

  expect(first.errors).toEqual([
    { code: 'network', message: '<earshot-survey src="/embed/feedback.json">: the code that embeds it could not be loaded (Failed to fetch dynamically imported module)' },
  ]);
  expect(load).toHaveBeenCalledTimes(1);

  // An element placed later tries the file again, as the network may be back.
  const second = placed('/embed/pricing.json');
  await settle();
  expect(load).toHaveBeenCalledTimes(2);
  expect(second.errors).toHaveLength(1);
});
