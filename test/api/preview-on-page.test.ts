// A preview link never fails in silence, simulate mode waits for the trigger, and the debug panel
// opens from the address bar only where the site allows it (docs/architecture.md §1).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explain, init, on, preview, track, type EarshotConfig, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { getByRole, rendered } from '../support/dom.js';

const page = usePublicApiPage();

const cartSurvey: Survey = {
  id: 'cart-findability',
  trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] },
  // Everyone is sampled out: simulate mode ignores it.
  sample: 0,
  questions: [{ id: 'ease', type: 'rating', text: 'How easy was it to find what you needed?' }],
};
const nps: Survey = { id: 'nps', trigger: { event: 'checkout_completed' }, questions: [{ id: 'score', type: 'nps', text: 'How likely?' }] };

let shown: EarshotEvents['shown'][] = [];

async function open(address: string, config: Partial<EarshotConfig>): Promise<void> {
  history.replaceState(null, '', address);
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [cartSurvey, nps], ...config });
  shown = [];
  on('shown', (event) => shown.push(event));
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

/** The panel's text once it is on the page (its code is imported on demand). */
async function panelText(): Promise<string> {
  const panel = await vi.waitFor(() => document.querySelector<HTMLElement>('earshot-debug-panel') ?? Promise.reject(new Error('no panel')));
  await vi.dynamicImportSettled();
  await settle();
  await rendered(panel);
  return panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];

afterEach(() => {
  history.replaceState(null, '', '/');
  document.querySelector('earshot-debug-panel')?.remove();
});

describe('a preview link whose survey cannot show', () => {
  it('says so on the page, without debug: the unknown id, and nothing of the other surveys', async () => {
    await open('/shop/cart.html?earshot_preview=cart-findabilty', {});
    const text = await panelText();
    expect(text).toContain('Earshot preview: the survey could not be shown');
    expect(text).toContain('?earshot_preview=: no survey with id "cart-findabilty"');
    expect(text).not.toContain('checkout_completed');
    expect(widgets()).toHaveLength(0);
  });

  it('lists every problem of a refused definition from surveysUrl with its path, and a list that could not load', async () => {
    const collector = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, request?: RequestInit) =>
      String(input) === '/surveys.json' ? Response.json({ id: 'remote', trigger: { delay: -1 }, sample: 2, questions: [] }) : collector(input, request),
    );
    await open('/?earshot_preview=remote', { surveysUrl: '/surveys.json' });
    const text = await panelText();
    expect(text).toContain('?earshot_preview=: survey "remote" was refused');
    expect(text).toContain('surveysUrl.trigger.delay expected a number from 0 to 86400 (got -1)');
    expect(text).toContain('surveysUrl.sample expected a number from 0 to 1 (got 2)');

    document.querySelector('earshot-debug-panel')?.remove();
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, request?: RequestInit) =>
      String(input) === '/missing.json' ? new Response('', { status: 404 }) : collector(input, request),
    );
    await open('/?earshot_preview=remote', { surveysUrl: '/missing.json' });
    expect(await panelText()).toContain('surveysUrl /missing.json could not be loaded (HTTP 404)');
  });

  it('preview(definition) with mistakes lists each with its path on the page', async () => {
    await open('/', {});
    preview({ id: 'draft', questions: [{ id: 'q', type: 'ratng', text: '' }] } as never);
    const text = await panelText();
    // What a survey asks is checked just before it would show (docs/architecture.md §7), and said on the page too.
    expect(text).toContain('survey "draft" has 2 problems; nothing was shown');
    expect(text).toContain('preview.questions[0].type expected one of');
    expect(text).toContain('preview.questions[0].text expected a non-empty string');
    expect(widgets()).toHaveLength(0);
  });

  it('a preview link to a survey whose questions have a mistake lists each with its path', async () => {
    await open('/?earshot_preview=broken', { surveys: [nps, { id: 'broken', questions: [{ id: 'q', type: 'nps', text: 'How likely?', next: 'nowhere' }] }] });
    const text = await panelText();
    expect(text).toContain('survey "broken" has a problem; nothing was shown');
    expect(text).toContain('surveys[1].questions[0].next expected "end" or the id of a later question in this survey (got "nowhere")');
    expect(text).not.toContain('checkout_completed');
    expect(widgets()).toHaveLength(0);
  });
});

describe('simulate mode: ?earshot_preview=<id>&simulate=1', () => {
  it('waits for the trigger, whatever the sample; the panel says what it waits for; it shows as a preview', async () => {
    await open('/shop/cart.html?earshot_preview=cart-findability&simulate=1', {});
    expect(widgets()).toHaveLength(0);
    const text = await panelText();
    expect(text).toContain('Earshot simulation of "cart-findability"');
    expect(text).toContain('waiting for 20 s on the page or exit intent');
    // The other surveys are not listed: a visitor's page without debug must not show every rule.
    expect(text).not.toContain('nps');

    await vi.advanceTimersByTimeAsync(19_000);
    expect(widgets()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);
    await settle();
    expect(shown).toEqual([
      { surveyId: 'cart-findability', trigger: { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] }, firedBy: { delay: 20 }, preview: true },
    ]);
    const [survey] = widgets();
    await rendered(survey);
    expect(survey.shadowRoot!.querySelector('[part="preview-badge"]')?.textContent).toBe('Preview');
    // Nothing is remembered for frequency: the real survey is still sampled out, and nothing held back the NPS survey.
    track('checkout_completed');
    expect((await explain()).find(({ surveyId }) => surveyId === 'nps')?.reasons.map(({ code }) => code)).not.toContain('cooldown');
  });

  it('respects the audience', async () => {
    await open('/shop/cart.html?earshot_preview=cart-findability&simulate=1', { surveys: [{ ...cartSurvey, audience: { traits: { plan: 'pro' } } }] });
    await vi.advanceTimersByTimeAsync(21_000);
    expect(widgets()).toHaveLength(0);
    expect(await panelText()).toContain('audience rule traits.plan "pro" failed');
  });

  it('never shows on a page its url rule does not match, and says why', async () => {
    await open('/shop/index.html?earshot_preview=cart-findability&simulate=1', {});
    await vi.advanceTimersByTimeAsync(21_000);
    expect(widgets()).toHaveLength(0);
    expect(await panelText()).toContain('the page URL /shop/index.html does not match trigger.url "/shop/cart.html"');
  });
});

describe('?earshot_debug=1', () => {
  it('opens the debug panel where init({ debugParam: true }) allows it', async () => {
    await open('/?earshot_debug=1', { debugParam: true });
    const text = await panelText();
    expect(text).toContain('Earshot: why surveys show or not');
    expect(text).toContain('nps not eligible');
  });

  it('does nothing by default, so visitors cannot read the targeting rules', async () => {
    await open('/?earshot_debug=1', {});
    await vi.advanceTimersByTimeAsync(1000);
    await vi.dynamicImportSettled();
    expect(document.querySelector('earshot-debug-panel')).toBeNull();
  });

  it('lists the problems met loading definitions, dates in the reader’s locale', async () => {
    const collector = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, request?: RequestInit) =>
      String(input) === '/gone.json' ? new Response('', { status: 410 }) : collector(input, request),
    );
    await open('/?earshot_debug=1', { debugParam: true, surveysUrl: '/gone.json', cooldownDays: 1 });
    expect(page.collector()).toBeDefined();
    track('checkout_completed');
    const survey = widgets()[0];
    await rendered(survey);
    getByRole(survey.shadowRoot!, 'button', 'Close').click();
    await settle();
    const text = await panelText();
    expect(text).toContain('surveysUrl /gone.json could not be loaded (HTTP 410)');
    const until = new Date(Date.now() + 86_400_000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(text).toContain(`until ${until}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
