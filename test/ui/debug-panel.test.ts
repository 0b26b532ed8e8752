import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresentedSurvey } from '../../src/core/presenter.js';
import type { SurveyEligibility } from '../../src/core/types.js';
import { presenter } from '../../src/ui/present.js';
import { getByRole, press, rendered } from '../support/dom.js';

const waiting: SurveyEligibility = {
  surveyId: 'checkout-nps',
  eligible: false,
  showing: false,
  reasons: [{ code: 'url', path: '/cart', url: { startsWith: '/checkout' }, message: 'the page URL /cart does not match trigger.url startsWith "/checkout"' }],
};
const onPage: SurveyEligibility = { surveyId: 'feedback', eligible: true, showing: true, reasons: [] };

let current: SurveyEligibility[];
const listeners = new Set<() => void>();
let view: PresentedSurvey | undefined;

/** Opens the panel as Earshot does with `debug: true`, over a list the test changes. */
async function openPanel(): Promise<HTMLElement> {
  view = presenter.debugPanel!({
    locale: 'en',
    explain: async () => current,
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  // The panel's code is imported when first asked for.
  const panel = await vi.waitFor(() => document.querySelector<HTMLElement>('earshot-debug-panel') ?? Promise.reject(new Error('no panel yet')));
  await shows(panel, current);
  return panel;
}

/** Waits until the panel shows `entries` (`explain()` answers later than the panel appears). */
async function shows(panel: HTMLElement, entries: SurveyEligibility[]): Promise<void> {
  await vi.waitFor(() => expect((panel as HTMLElement & { entries?: unknown }).entries).toBe(entries));
  await rendered(panel);
}

const textOf = (panel: HTMLElement) => panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');

afterEach(() => {
  view?.close();
  listeners.clear();
});

describe('the debug panel', () => {
  it('is a region named for what it shows, with a Close button, listing each survey and its reasons', async () => {
    current = [waiting, onPage];
    const panel = await openPanel();
    const region = getByRole(panel.shadowRoot!, 'region', 'Earshot: why surveys show or not');
    getByRole(region, 'button', 'Close debug panel');
    expect(textOf(panel)).toContain('checkout-nps not eligible');
    expect(textOf(panel)).toContain('url the page URL /cart does not match trigger.url startsWith "/checkout"');
    expect(textOf(panel)).toContain('feedback on the page now');
  });

  it('shows what explain() says after each change it hears of', async () => {
    current = [waiting];
    const panel = await openPanel();
    current = [{ ...waiting, eligible: true, reasons: [] }];
    for (const listener of listeners) listener();
    await shows(panel, current);
    expect(textOf(panel)).toContain('checkout-nps eligible');
    expect(textOf(panel)).not.toContain('does not match');
  });

  it('closes with Escape and stops listening', async () => {
    current = [waiting];
    const panel = await openPanel();
    press(getByRole(panel.shadowRoot!, 'button', 'Close debug panel'), 'Escape');
    expect(document.querySelector('earshot-debug-panel')).toBeNull();
    expect(listeners.size).toBe(0);
  });

  it('closes with its Close button', async () => {
    current = [];
    const panel = await openPanel();
    expect(textOf(panel)).toContain('No surveys configured.');
    getByRole(panel.shadowRoot!, 'button', 'Close debug panel').click();
    expect(document.querySelector('earshot-debug-panel')).toBeNull();
  });
});
