import { describe, expect, it, vi } from 'vitest';
import { consent, explain, flush, init, on, preview, track, type EarshotConfig, type EarshotEvents, type Survey } from '../../src/index.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { push } from '../../src/snippet/queue.js';
import { getByRole, rendered } from '../support/dom.js';

const page = usePublicApiPage();

const nps: Survey = {
  id: 'nps',
  trigger: { event: 'checkout_completed' },
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us?' }],
};

let errors: EarshotEvents['error'][] = [];

async function start(overrides: Partial<EarshotConfig> = {}): Promise<void> {
  init({ endpoint: '/api/earshot', locale: 'en', surveys: [nps], ...overrides });
  errors = [];
  on('error', (error) => errors.push(error));
  // `init` starts Earshot in the next task.
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

const widgets = () => [...document.body.querySelectorAll('earshot-survey')];

/** The visitor answers 9 and submits the survey on the page. */
async function answerNine(): Promise<void> {
  const [survey] = widgets();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'radio', '9').click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await rendered(survey);
}

describe('preview(definition)', () => {
  it('reports every problem of a bad definition with its path, shows nothing and throws nothing', async () => {
    await start();
    expect(() =>
      preview({
        id: 'draft',
        questions: [
          { id: 'q', type: 'ratng', text: 'Hi' },
          { id: 'q', type: 'text', text: '' },
        ],
      } as never),
    ).not.toThrow();
    await settle();
    expect(widgets()).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('definition');
    expect(errors[0].message).toContain('preview.questions[0].type: expected one of nps');
    expect(errors[0].message).toContain('(got "ratng")');
    expect(errors[0].message).toContain('preview.questions[1].text:');
    expect(errors[0].message).toContain('preview.questions[1].id: duplicate question id "q"');
  });

  it('reports a call before init instead of throwing', () => {
    const seen: string[] = [];
    addEventListener('earshot:error', (event) => seen.push((event as CustomEvent).detail.message), { once: true });
    expect(() => preview(nps)).not.toThrow();
    expect(seen[0]).toContain('preview(): call earshot.init() first');
  });

  it('shows at once, marked Preview, whatever the targeting says; the answers go out flagged preview: true', async () => {
    await start({ surveys: [] });
    const shown: EarshotEvents['shown'][] = [];
    on('shown', (event) => shown.push(event));
    preview({ ...nps, audience: { traits: { plan: 'enterprise' } }, sample: 0 });
    await settle();
    const [survey] = widgets();
    await rendered(survey);
    expect(survey.shadowRoot!.querySelector('[part="preview-badge"]')?.textContent).toBe('Preview');
    expect(shown).toEqual([{ surveyId: 'nps', trigger: { manual: true }, preview: true }]);
    await answerNine();
    await flush();
    const received = page.collector().received();
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((response) => response.preview === true && response.surveyId === 'nps')).toBe(true);
    expect(received.at(-1)).toMatchObject({ completed: true, answers: { score: 9 } });
  });

  it('remembers nothing for frequency: the real survey still shows at its journey point', async () => {
    await start();
    preview('nps');
    await settle();
    await answerNine();
    getByRole(widgets()[0].shadowRoot!, 'button', 'Close').click();
    await flush();
    expect((await explain()).find((entry) => entry.surveyId === 'nps')?.reasons.map(({ code }) => code)).toEqual(['trigger']);
    track('checkout_completed');
    await settle();
    const [survey] = widgets();
    await rendered(survey);
    expect(survey.shadowRoot!.querySelector('[part="preview-badge"]')).toBeNull();
  });

  it('with previews: "discard", sends nothing at all', async () => {
    await start({ previews: 'discard' });
    preview(nps);
    await settle();
    await answerNine();
    await flush();
    expect(page.collector().requests).toHaveLength(0);
  });

  it('waits while consent is pending, storing and sending nothing, and shows once it is granted', async () => {
    await start({ consent: 'pending' });
    preview(nps);
    await settle();
    expect(widgets()).toHaveLength(0);
    consent('granted');
    await vi.advanceTimersByTimeAsync(0);
    await settle();
    expect(widgets()).toHaveLength(1);
  });

  it("can be queued in the loader snippet's format", async () => {
    push(['init', { endpoint: '/api/earshot', locale: 'en', surveys: [nps] }], ['preview', 'nps']);
    await settle();
    const [survey] = widgets();
    await rendered(survey);
    expect(survey.shadowRoot!.querySelector('[part="preview-badge"]')?.textContent).toBe('Preview');
  });

  it('reports an unknown survey id', async () => {
    await start();
    preview('nope');
    expect(errors.map(({ message }) => message)).toEqual(['preview(): no survey with id "nope"']);
  });
});

describe('?earshot_preview=<surveyId>', () => {
  it('shows that configured survey at init, marked Preview', async () => {
    history.replaceState(null, '', '/?earshot_preview=nps');
    try {
      await start();
      const [survey] = widgets();
      await rendered(survey);
      expect(survey.shadowRoot!.querySelector('[part="preview-badge"]')?.textContent).toBe('Preview');
    } finally {
      history.replaceState(null, '', '/');
    }
  });

  it('reports an id that no survey has, naming it', async () => {
    history.replaceState(null, '', '/?earshot_preview=missing');
    const seen: string[] = [];
    addEventListener('earshot:error', (event) => seen.push((event as CustomEvent).detail.message));
    try {
      await start();
      expect(seen).toContain('?earshot_preview=: no survey with id "missing"');
      expect(widgets()).toHaveLength(0);
    } finally {
      history.replaceState(null, '', '/');
    }
  });
});
