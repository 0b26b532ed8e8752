import { checkObject, expect, oneOf, type Check, type Fields } from './checks.js';
import type { ColorScheme, Theme } from '../types.js';

export const COLOR_SCHEMES: readonly ColorScheme[] = ['light', 'dark', 'auto'];

/** A value set as a CSS custom property; nothing that could end the declaration. */
const cssValue: Check = expect(
  (value) => typeof value === 'string' && value.trim() !== '' && value.length <= 200 && !/[;{}<>\\]/.test(value),
  'expected a CSS value (at most 200 characters, no ; { } < > \\)',
);

/** Pixels as a number, or any CSS length. */
const size: Check = (value, path, report) =>
  typeof value === 'number' ? expect((px) => (px as number) >= 0 && (px as number) <= 200, 'expected pixels from 0 to 200')(value, path, report) : cssValue(value, path, report);

const COLORS = ['accent', 'onAccent', 'surface', 'text', 'muted', 'border', 'error', 'hover'] as const;
const COLOR_FIELDS: Fields = Object.fromEntries(COLORS.map((name) => [name, cssValue]));

export const THEME_FIELDS: Fields = {
  ...COLOR_FIELDS,
  radius: size,
  font: cssValue,
  fontSize: size,
  shadow: cssValue,
  dark: (value, path, report) => checkObject(value, path, report, COLOR_FIELDS),
};

export const theme: Check = (value, path, report) => checkObject(value, path, report, THEME_FIELDS);
export const colorScheme: Check = oneOf(COLOR_SCHEMES);

/** A survey's look: its own `theme` fields over the config's (its `dark` colours over the config's), and its own `colorScheme` first. */
export function surveyAppearance(
  config: { theme?: Theme; colorScheme?: ColorScheme },
  survey: { theme?: Theme; colorScheme?: ColorScheme },
): { theme?: Theme; colorScheme?: ColorScheme } {
  const { theme: own, colorScheme = config.colorScheme } = survey;
  const base = config.theme;
  const theme = own && base ? { ...base, ...own, ...((base.dark || own.dark) && { dark: { ...base.dark, ...own.dark } }) } : (own ?? base);
  return { theme, colorScheme };
}
