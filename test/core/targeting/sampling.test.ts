import { describe, expect, it, vi } from 'vitest';
import { track } from '../../../src/index.js';
import { draw, inSample } from '../../../src/core/targeting/sampling.js';
import { resetIndexedDB } from '../../support/fakes.js';
import { shownIds, start, survey, useTargeting } from './support.js';

const visit = useTargeting();

/** Visitor ids shaped like the SDK's (UUID v4), from a seeded generator so every run uses the same ones. */
function visitorIds(count: number, seed = 42): string[] {
  let state = seed;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0).toString(16).padStart(8, '0');
  };
  return Array.from({ length: count }, () => {
    const hex = next() + next() + next() + next();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  });
}

describe('sampling', () => {
  const ids = visitorIds(10_000);

  it.each([0.05, 0.25, 0.5, 0.9])('asks a share of 10,000 visitors within ±2 %% of sample %s, the same ones on a second run', (rate) => {
    const nps = survey('post-checkout-nps', { sample: rate });
    const firstRun = ids.filter((id) => inSample(id, nps));
    const secondRun = ids.filter((id) => inSample(id, nps));
    expect(Math.abs(firstRun.length / ids.length - rate)).toBeLessThanOrEqual(0.02);
    expect(secondRun).toEqual(firstRun);
  });

  it('draws independently per survey: being left out of one sample says nothing about another', () => {
    const inBoth = ids.filter((id) => draw(id, 'survey-a') < 0.5 && draw(id, 'survey-b') < 0.5).length;
    expect(Math.abs(inBoth / ids.length - 0.25)).toBeLessThanOrEqual(0.02);
  });

  it('sample 0 asks nobody, 1 and no sample ask everybody', () => {
    expect(ids.some((id) => inSample(id, survey('s', { sample: 0 })))).toBe(false);
    expect(ids.every((id) => inSample(id, survey('s', { sample: 1 })) && inSample(id, survey('s')))).toBe(true);
  });

  it('is sticky per visitor: over reloads, a visitor left out stays out and one asked stays asked', async () => {
    const outcomes: boolean[][] = [];
    for (let visitor = 0; visitor < 16; visitor++) {
      resetIndexedDB();
      const loads: boolean[] = [];
      for (let load = 0; load < 3; load++) {
        visit.shown = [];
        // A new page load each time; showing again right away is allowed, so only the sample decides.
        await start(visit, { cooldownDays: 0, surveys: [survey('half', { sample: 0.5, dismissedRecontactDays: 0, trigger: { event: 'go' } })] });
        track('go');
        loads.push(shownIds(visit).includes('half'));
      }
      outcomes.push(loads);
    }
    for (const loads of outcomes) expect(new Set(loads).size).toBe(1);
    // Both kinds of visitor exist (probability of all 16 alike: 2 in 65,536).
    expect(new Set(outcomes.map((loads) => loads[0])).size).toBe(2);
  });

  it('keeps the visitor id in IndexedDB, not in a cookie', async () => {
    const setCookie = vi.spyOn(document, 'cookie', 'set');
    await start(visit, { surveys: [survey('half', { sample: 0.5, trigger: { event: 'go' } })] });
    track('go');
    expect(setCookie).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');
  });
});
