import { supportsAdoptingStyleSheets } from 'lit';

/** Runs `work` once <body> exists: a script in <head> may show a survey before it does. Returns what cancels it. */
export function whenBodyExists(work: () => void): () => void {
  if (document.body) {
    work();
    return () => {};
  }
  addEventListener('DOMContentLoaded', work, { once: true });
  return () => removeEventListener('DOMContentLoaded', work);
}

/**
 * Browsers without constructable stylesheets (Safari before 16.4) get the widget's styles as
 * `<style>` elements, which a strict CSP blocks unless they carry its nonce. Lit takes it from
 * `window.litNonce`, so that global is set there only.
 */
export function useStyleNonce(nonce: string | undefined): void {
  if (nonce && !supportsAdoptingStyleSheets) (globalThis as { litNonce?: string }).litNonce ??= nonce;
}
