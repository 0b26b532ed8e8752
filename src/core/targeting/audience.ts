import type { Audience, Condition, UserTraits } from '../types.js';
import { satisfies } from './conditions.js';

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

/** An audience condition the visitor does not meet: its path in the audience (`traits.plan`, `device`), the condition, and the value found. */
export interface AudienceMiss {
  rule: string;
  condition: Condition;
  actual: unknown;
}

/** Every audience condition the visitor does not meet (none: they belong to it; no audience: everyone does). `facts`: the page's, or a simulated visitor's. */
export function audienceMisses(audience: Audience | undefined, traits: UserTraits | undefined, facts: Record<string, string> = pageFacts()): AudienceMiss[] {
  const { traits: onTraits, ...onPage } = audience ?? {};
  const checks: [string, Condition, unknown][] = [
    ...Object.entries(onTraits ?? {}).map(([name, condition]): [string, Condition, unknown] => [`traits.${name}`, condition, traits?.[name]]),
    ...Object.entries(onPage).map(([name, condition]): [string, Condition, unknown] => [name, condition as Condition, facts[name]]),
  ];
  return checks.filter(([, condition, actual]) => !satisfies(actual, condition)).map(([rule, condition, actual]) => ({ rule, condition, actual }));
}
