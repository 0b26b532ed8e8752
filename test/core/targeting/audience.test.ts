import { describe, expect, it, vi } from 'vitest';
import { identify, track } from '../../../src/index.js';
import type { Audience } from '../../../src/index.js';
import { resetIndexedDB } from '../../support/fakes.js';
import { shownIds, start, survey, useTargeting } from './support.js';

const visit = useTargeting();

/** A new visitor on a page with one survey for `audience`: whether it shows at its journey point. */
async function showsFor(audience: Audience, traits?: Record<string, string | number | boolean | null>): Promise<boolean> {
  resetIndexedDB();
  visit.shown = [];
  await start(visit, { surveys: [survey('s', { audience, trigger: { event: 'go' } })] });
  if (traits) identify('u_1', traits);
  track('go');
  return shownIds(visit).includes('s');
}

describe('audience on traits', () => {
  it.each<[string, Audience['traits'], Record<string, string | number | boolean | null>, Record<string, string | number | boolean | null>]>([
    ['a bare value (eq)', { plan: 'pro' }, { plan: 'pro' }, { plan: 'free' }],
    ['eq', { plan: { eq: 'pro' } }, { plan: 'pro' }, { plan: 'Pro' }],
    ['neq', { plan: { neq: 'free' } }, { plan: 'pro' }, { plan: 'free' }],
    ['in', { plan: { in: ['pro', 'team'] } }, { plan: 'team' }, { plan: 'free' }],
    ['gt', { seats: { gt: 5 } }, { seats: 6 }, { seats: 5 }],
    ['gte', { seats: { gte: 5 } }, { seats: 5 }, { seats: 4 }],
    ['lt', { seats: { lt: 5 } }, { seats: 4 }, { seats: 5 }],
    ['lte', { seats: { lte: 5 } }, { seats: 5 }, { seats: 6 }],
    ['a range (gte and lt together)', { seats: { gte: 5, lt: 10 } }, { seats: 9 }, { seats: 10 }],
    ['exists: true', { company: { exists: true } }, { company: 'Acme' }, { company: null }],
    ['exists: false', { company: { exists: false } }, { plan: 'pro' }, { company: 'Acme' }],
  ])('%s', async (_, traits, inside, outside) => {
    expect(await showsFor({ traits }, outside)).toBe(false);
    expect(await showsFor({ traits }, inside)).toBe(true);
  });

  it('a comparison never holds on a trait that is not a number', async () => {
    expect(await showsFor({ traits: { seats: { gte: 5 } } }, { seats: '10' })).toBe(false);
  });

  it('uses the config user traits until identify() changes them', async () => {
    await start(visit, {
      user: { id: 'u_1', traits: { plan: 'pro' } },
      cooldownDays: 0,
      surveys: [survey('pro', { audience: { traits: { plan: 'pro' } }, trigger: { event: 'go' } })],
    });
    identify('u_1', { plan: 'free' });
    track('go');
    expect(shownIds(visit)).toEqual([]);
    identify('u_1', { plan: 'pro' });
    track('go');
    expect(shownIds(visit)).toEqual(['pro']);
  });
});

describe('audience on page facts', () => {
  const coarsePointer = (coarse: boolean) => vi.stubGlobal('matchMedia', (query: string) => ({ matches: coarse && query === '(pointer: coarse)', media: query }));

  it('device: desktop with a mouse, mobile on a small touch screen, tablet on a large one', async () => {
    coarsePointer(false);
    expect(await showsFor({ device: 'desktop' })).toBe(true);
    coarsePointer(true);
    vi.stubGlobal('screen', { width: 390, height: 844 });
    expect(await showsFor({ device: 'desktop' })).toBe(false);
    expect(await showsFor({ device: 'mobile' })).toBe(true);
    vi.stubGlobal('screen', { width: 1180, height: 820 });
    expect(await showsFor({ device: { in: ['tablet', 'desktop'] } })).toBe(true);
    expect(await showsFor({ device: { neq: 'tablet' } })).toBe(false);
  });

  it("language: the browser's primary language, lowercase", async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr-CA');
    expect(await showsFor({ language: 'fr' })).toBe(true);
    expect(await showsFor({ language: { in: ['de', 'en'] } })).toBe(false);
  });

  it('referrer: the host name of the page the visitor came from, "" when none', async () => {
    const referrer = vi.spyOn(document, 'referrer', 'get');
    referrer.mockReturnValue('https://www.google.com/search?q=mugs');
    expect(await showsFor({ referrer: { in: ['www.google.com', 'google.com'] } })).toBe(true);
    expect(await showsFor({ referrer: { exists: true } })).toBe(true);
    referrer.mockReturnValue('');
    expect(await showsFor({ referrer: 'www.google.com' })).toBe(false);
    expect(await showsFor({ referrer: '' })).toBe(true);
  });

  it('every part of an audience must hold', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(await showsFor({ language: 'en', traits: { plan: 'pro' } }, { plan: 'free' })).toBe(false);
    expect(await showsFor({ language: 'en', traits: { plan: 'pro' } }, { plan: 'pro' })).toBe(true);
  });
});
