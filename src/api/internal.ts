// What the build entries and the embeds need from the running Earshot, kept apart from the public
// API: none of it is exported to the page.
import { init } from './api.js';
import { report, runtime, started } from './runtime.js';
import type { Controller } from '../core/controller.js';
import type { Presenter } from '../core/presenter.js';

export { report };

/** How surveys reach the page: each build's entry decides (bundled, or loaded on demand). */
export function usePresenter(chosen: Presenter): void {
  runtime.presenter = chosen;
}

/** The running Earshot; when the page never called `init`, started with `endpoint` alone (an embedded survey's). */
export function running(endpoint?: string | null): Controller | undefined {
  if (!runtime.configured && endpoint) init({ endpoint });
  return started();
}

/** `listener` runs each time Earshot starts (after `init`, or when consent is granted). */
export function whenStarted(listener: () => void): void {
  runtime.onStart = listener;
}

/** Fetches the survey UI ahead of time where it is loaded on demand. */
export function prefetchUi(): void {
  runtime.presenter?.prefetch?.();
}
