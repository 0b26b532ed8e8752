// What the build entries and the embeds need from the running Earshot, kept apart from the public
// API: none of it is exported to the page.
import { init } from './api.js';
import { report, runtime, started } from './runtime.js';
import type { Controller } from '../core/controller.js';
import type { Presenter } from '../core/presenter.js';
import type { Survey } from '../core/types.js';

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

/** Fetches the survey UI, and the code of these surveys' questions, ahead of time (at idle, or `now`) where they are loaded on demand. */
export function prefetchUi(surveys: Survey[], now?: boolean): void {
  runtime.presenter?.prefetch?.(surveys, now);
}
