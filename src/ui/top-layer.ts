/**
 * Puts a widget element in the top layer, above every host element whatever their z-index.
 * Without the Popover API the maximal z-index of the widget's styles has to do.
 */
export function raiseToTopLayer(element: HTMLElement): void {
  element.popover = 'manual';
  try {
    element.showPopover();
  } catch {
    // No Popover API (or the element is not connected): the styles' z-index applies.
  }
}
