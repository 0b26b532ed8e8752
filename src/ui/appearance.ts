import type { Appearance } from '../core/presenter.js';

/** Whether this browser knows `light-dark()`; without it a theme gives its light colours only. */
const knowsLightDark = () => globalThis.CSS?.supports?.('color', 'light-dark(#000, #fff)') ?? false;

const cssOf = (value: string | number) => (typeof value === 'number' ? `${value}px` : value);

/**
 * Sets the config's theme as the element's `--earshot-*` custom properties (so it beats the page's
 * own) and its colour scheme as the `scheme` attribute the styles read. A colour given for both
 * schemes becomes one `light-dark()` value; one for the dark scheme alone, `--earshot-dark-*`.
 */
export function applyAppearance(element: HTMLElement, { theme = {}, colorScheme = 'light' }: Appearance): void {
  element.setAttribute('scheme', colorScheme);
  const { dark = {}, ...light } = theme;
  const both = knowsLightDark();
  for (const name of new Set([...Object.keys(light), ...Object.keys(dark)])) {
    const day = light[name as keyof typeof light];
    const night = both ? dark[name as keyof typeof dark] : undefined;
    const property = name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);
    // A colour for the dark scheme alone keeps the built-in light one (and is dropped without light-dark()).
    if (day === undefined) {
      if (night) element.style.setProperty(`--earshot-dark-${property}`, night);
    } else element.style.setProperty(`--earshot-${property}`, night === undefined ? cssOf(day) : `light-dark(${day}, ${night})`);
  }
}
