// What the targeting tests share: Earshot started through the public API with the real UI in
// happy-dom, a fake clock, a fresh fake IndexedDB and collector per test, and a record of what the
// visitor saw (`shown` events, surveys on the page).
import { afterEach, beforeEach, vi } from 'vitest';
import { destroy, init, on, type EarshotConfig, type EarshotEvents, type Survey } from '../../../src/index.js';
import { runtime } from '../../../src/api/runtime.js';
import { getByRole, rendered } from '../../support/dom.js';
import { installCollector, resetIndexedDB, settle, useFakeClock } from '../../support/fakes.js';

export const DAY_MS = 86_400_000;

/** A one-question survey; the question text names the survey so a test can tell which one is up. */
export function survey(id: string, fields: Partial<Survey> = {}): Survey {
  return { id, questions: [{ id: 'score', type: 'nps', text: `Survey ${id}` }], ...fields };
}

export interface Visit {
  /** `shown` events so far, in order. */
  shown: EarshotEvents['shown'][];
  errors: EarshotEvents['error'][];
}

/**
 * Registers the per-test setup and returns the current test's record. Each test starts on `/`
 * with an empty fake IndexedDB (a new visitor), a page 4000 px high in a 768 px window, scrolled
 * to the top, and a mouse (not a touch screen).
 */
export function useTargeting(): Visit {
  const visit: Visit = { shown: [], errors: [] };
  beforeEach(() => {
    // A new page: a consent() call of an earlier test (which outlives destroy(), as on one page) no longer holds.
    runtime.consent = undefined;
    resetIndexedDB();
    useFakeClock();
    installCollector();
    history.replaceState(null, '', '/');
    scrollTo(0, 0);
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 4000 });
    visit.shown = [];
    visit.errors = [];
  });
  afterEach(() => {
    destroy();
    for (const leftover of document.body.querySelectorAll('earshot-survey, earshot-feedback-tab')) leftover.remove();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return visit;
}

/**
 * A page load: stops what an earlier start left running (as leaving the page would), starts Earshot,
 * listens to `shown` and `error`, and waits for the start `init` leaves to the next task and for the
 * visitor's state to load.
 */
export async function start(visit: Visit, config: Partial<EarshotConfig>): Promise<void> {
  destroy();
  for (const leftover of document.body.querySelectorAll('earshot-survey, earshot-feedback-tab')) leftover.remove();
  init({ endpoint: '/api/earshot', locale: 'en', ...config });
  on('shown', (payload) => visit.shown.push(payload));
  on('error', (payload) => visit.errors.push(payload));
  // `init` starts Earshot in the next task.
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

/** Ids of the surveys shown so far. */
export const shownIds = (visit: Visit) => visit.shown.map(({ surveyId }) => surveyId);

/** The survey on the page, if any. */
export const openSurvey = () => document.body.querySelector('earshot-survey');

/** Lets time pass on the fake clock (and the work it starts finish). */
export async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

/** The visitor closes the survey on the page without answering. */
export async function dismiss(): Promise<void> {
  const element = openSurvey()!;
  await rendered(element);
  getByRole(element.shadowRoot!, 'button', 'Close').click();
  await settle();
}

/** The visitor answers 9 and submits, then closes the thank-you step. */
export async function complete(): Promise<void> {
  const element = openSurvey()!;
  await rendered(element);
  getByRole(element.shadowRoot!, 'radio', '9').click();
  await rendered(element);
  getByRole(element.shadowRoot!, 'button', 'Submit').click();
  await rendered(element);
  getByRole(element.shadowRoot!, 'button', 'Close').click();
  await settle();
}

/** A click as the visitor makes it: bubbling, from the element. */
export function click(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
}

/** Scrolls the window to `y` and fires the scroll event a browser would. */
export function scrollToY(y: number): void {
  scrollTo(0, y);
  dispatchEvent(new Event('scroll'));
}
