import { expect, it } from 'vitest';
import { openVisitorStore, VISITOR_DB } from '../../../src/core/targeting/visitor.js';

it("applies another tab's change from the channel, and ignores malformed ones and those that would reach Object.prototype", async () => {
  const stopping = new AbortController();
  const store = openVisitorStore(stopping.signal);
  await store.load();
  // Any script of the site can post on the channel.
  const page = new BroadcastChannel(VISITOR_DB);
  const posts = [
    null,
    'shown',
    { survey: '__proto__', kind: 'polluted', at: 1 },
    { survey: '__proto__', kind: 'shown', at: 1 },
    { survey: 'constructor', kind: 'completed', at: 1 },
    { survey: 'nps', kind: 'shown', at: 'soon' },
    { survey: 'nps', kind: 'completed', at: 5 },
  ];
  for (const data of posts) page.postMessage(data);
  await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    expect(store.visitor.surveys).toEqual({ nps: { completed: 5 } });
    expect(store.visitor.lastShown).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.hasOwn(Object, 'completed')).toBe(false);
  } finally {
    page.close();
    stopping.abort();
  }
});
