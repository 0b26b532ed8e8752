// The ESM face as an app imports it: the UI (Lit and the elements) is a dynamic import that a page
// where no survey can show never makes, and that a page where one may show makes at idle time.
// The tests share one page, in order: what the first finds missing, the second sees arrive.
import { expect, it, vi } from 'vitest';
import { init, on, track, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { getByRole, rendered } from '../support/dom.js';

const page = usePublicApiPage();

const afterCheckout: Survey = {
  id: 'after-checkout',
  trigger: { all: [{ url: '/checkout/*' }, { event: 'checkout_completed' }] },
  questions: [{ id: 'helpful', type: 'thumbs', text: 'Was checking out easy?' }],
};

/** Whether any of the UI's code ran: Lit records its version on the page as it loads, the UI defines its elements. */
const uiLoaded = () => ({
  lit: (globalThis as { litElementVersions?: unknown }).litElementVersions !== undefined,
  surveyElement: customElements.get('earshot-survey') !== undefined,
});

/** The question kinds whose elements are defined: each kind's code arrives with a survey that asks it. */
const kindsDefined = () => ['nps', 'rating', 'csat', 'ces', 'thumbs', 'choice', 'text'].filter((kind) => customElements.get(`earshot-${kind}-question`));

/** Idle time passes (happy-dom has no requestIdleCallback: a timer stands in) and any import started settles. */
async function idle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(5000);
  await vi.dynamicImportSettled();
  await settle();
}

it('loads no UI on a page where no survey can show, not at idle time nor for a journey point no survey listens to', async () => {
  history.replaceState(null, '', '/pricing');
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [afterCheckout] });
  await idle();
  track('checkout_completed'); // Its survey is for checkout pages only.
  track('unrelated_event');
  await idle();
  expect(uiLoaded()).toEqual({ lit: false, surveyElement: false });
  expect(document.querySelector('earshot-survey')).toBeNull();
  // The live region is there already: a survey that appears later is announced.
  expect(document.querySelector('earshot-live')?.getAttribute('aria-live')).toBe('polite');
});

it('loads the UI at idle time once the visitor reaches a page where a survey may show, which then shows and delivers', async () => {
  history.replaceState(null, '', '/pricing');
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [afterCheckout] });
  const shown: EarshotEvents['shown'][] = [];
  on('shown', (payload) => shown.push(payload));
  await idle();
  expect(uiLoaded()).toEqual({ lit: false, surveyElement: false });

  // A single-page app routes to the checkout: its survey may show here, before its journey point.
  history.pushState(null, '', '/checkout/done');
  await idle();
  expect(uiLoaded()).toEqual({ lit: true, surveyElement: true });
  // Fetched at idle with the UI: the kind its survey asks, and no other.
  expect(kindsDefined()).toEqual(['thumbs']);
  expect(shown).toEqual([]);

  track('checkout_completed');
  await settle();
  const survey = document.querySelector('earshot-survey')!;
  expect(survey).not.toBeNull();
  expect(shown).toMatchObject([{ surveyId: 'after-checkout' }]);
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'radio', 'Thumbs up').click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await vi.advanceTimersByTimeAsync(0);
  await settle();
  expect(page.collector().received()).toMatchObject([{ surveyId: 'after-checkout', completed: true, answers: { helpful: 1 } }]);
});

it('brings the Feedback tab’s code only for a tab survey, and shows its tab', async () => {
  // The popover survey of the test above showed without it.
  expect(customElements.get('earshot-feedback-tab')).toBeUndefined();
  history.replaceState(null, '', '/help');
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [{ id: 'help-tab', display: 'tab', questions: [{ id: 'helpful', type: 'thumbs', text: 'Was this page helpful?' }] }] });
  // Its check, then the UI and the tab's code, each an import that settles in turn.
  const tab = await vi.waitFor(async () => {
    await idle();
    const placed = document.querySelector('earshot-feedback-tab');
    expect(placed).not.toBeNull();
    return placed!;
  });
  await rendered(tab);
  getByRole(tab.shadowRoot!, 'button', 'Feedback').click();
  await settle();
  const survey = document.querySelector('earshot-survey')!;
  await rendered(survey);
  expect(getByRole(survey.shadowRoot!, 'radio', 'Thumbs up')).toBeTruthy();
});
