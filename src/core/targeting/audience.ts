import type { Audience, UserTraits } from '../types.js';
import { satisfiesAll } from './conditions.js';

export const DEVICE_TYPES = ['mobile', 'tablet', 'desktop'] as const;

/** Phones have a coarse pointer and a screen under 600 CSS pixels on its short side; tablets a larger one. */
export function deviceType(): (typeof DEVICE_TYPES)[number] {
  if (!matchMedia('(pointer: coarse)').matches) return 'desktop';
  return Math.min(screen.width, screen.height) < 600 ? 'mobile' : 'tablet';
}

/** What an audience may ask of the page and browser. */
export function pageFacts(): Record<string, string> {
  return {
    device: deviceType(),
    language: navigator.language.split('-')[0].toLowerCase(),
    // An empty referrer (typed address, bookmark, privacy settings) has no host: "".
    referrer: new URL(document.referrer || 'about:blank').hostname,
  };
}

/** Whether the visitor belongs to a survey's audience (none: everyone). */
export function inAudience(audience: Audience | undefined, traits: UserTraits | undefined): boolean {
  const { traits: onTraits, ...onPage } = audience ?? {};
  return satisfiesAll(traits, onTraits) && satisfiesAll(pageFacts(), onPage);
}
