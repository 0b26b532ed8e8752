import { checkObject, expect, oneOf, type Check, type Fields } from './checks.js';
import type { ColorScheme } from '../types.js';

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
