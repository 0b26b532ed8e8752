// Issue #23: the entrance animation starts visible. In the first animation frame in which a
// survey's first option is laid out, it is already painted (opacity above zero, its own and its
// ancestors') and a click at its centre lands on it.
import { expect, it } from 'vitest';
import type {} from '../support/page-globals';
import { assertNoPageErrors, useBrowserHarness } from './harness';

const h = useBrowserHarness();

it('shows the first option visible and clickable in the first frame it is laid out in', async () => {
  const page = await h.newPage();
  await page.route(h.url('/first-frame'), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><title>First frame</title><main><h1>A page</h1></main><script src="/dist/earshot.min.js"></script></html>',
    }),
  );
  await page.goto(h.url('/first-frame'));
  const firstFrame = await page.evaluate(async () => {
    window.earshot.init({
      endpoint: '/api/earshot',
      surveys: [{ id: 'nps', trigger: { event: 'ask' }, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }] }],
    });
    window.earshot.track('ask');
    const optionLaidOut = (): HTMLElement | null => {
      const question = document.querySelector('earshot-survey')?.shadowRoot?.querySelector('earshot-nps-question');
      const option = question?.shadowRoot?.querySelector<HTMLElement>('[part~="option"]');
      return option && option.getBoundingClientRect().width > 0 ? option : null;
    };
    const option = await new Promise<HTMLElement>((resolve) => {
      const frame = () => {
        const found = optionLaidOut();
        if (found) resolve(found);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    let opacity = 1;
    for (let node: Element | null = option; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) opacity *= Number(getComputedStyle(node).opacity);
    const box = option.getBoundingClientRect();
    let hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    while (
      hit?.shadowRoot?.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) &&
      hit.shadowRoot.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) !== hit
    ) {
      hit = hit.shadowRoot.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    }
    return { opacity, hitsIt: !!hit && option.closest('label')!.contains(hit) };
  });
  // It fades up from half: not a frame of a survey too faint to see (from zero it would be near 0 here).
  expect(firstFrame.opacity).toBeGreaterThanOrEqual(0.5);
  expect(firstFrame.hitsIt).toBe(true);
  assertNoPageErrors(h.problems(page));
});
