/** How far down the page the visitor has seen, in percent; a page that fits the viewport is at 100. */
export function scrollDepth(): number {
  return Math.min(100, ((scrollY + innerHeight) / document.documentElement.scrollHeight) * 100);
}
