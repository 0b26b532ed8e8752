import { describe, expect, it, vi } from 'vitest';
import { consent, destroy, explain, identify, init, track, type EligibilityReason, type SurveyEligibility } from '../../../src/index.js';
import { settle } from '../../support/fakes.js';
import { DAY_MS, complete, dismiss, openSurvey, start, survey, useTargeting } from './support.js';

const visit = useTargeting();

/** What `explain()` says of one survey. */
async function verdictOf(surveyId: string): Promise<SurveyEligibility> {
  const found = (await explain()).find((entry) => entry.surveyId === surveyId);
  if (!found) throw new Error(`explain() has no entry for ${surveyId}`);
  return found;
}

/** The reason with that code, failing when there is none. */
async function reasonOf<C extends EligibilityReason['code']>(surveyId: string, code: C): Promise<Extract<EligibilityReason, { code: C }>> {
  const { reasons } = await verdictOf(surveyId);
  const found = reasons.find((reason) => reason.code === code);
  expect(found, `reasons of ${surveyId}: ${JSON.stringify(reasons)}`).toBeDefined();
  return found as Extract<EligibilityReason, { code: C }>;
}

const codesOf = async (surveyId: string) => (await verdictOf(surveyId)).reasons.map(({ code }) => code);

describe('explain()', () => {
  it('before init says nothing has started', async () => {
    expect(await explain()).toEqual([{ surveyId: '*', eligible: false, showing: false, reasons: [expect.objectContaining({ code: 'notStarted' })] }]);
  });

  it('names the page URL and the url rule it does not match', async () => {
    history.replaceState(null, '', '/cart');
    await start(visit, { surveys: [survey('checkout', { trigger: { url: { startsWith: '/checkout' } } })] });
    expect((await verdictOf('checkout')).eligible).toBe(false);
    expect(await reasonOf('checkout', 'url')).toEqual({
      code: 'url',
      path: '/cart',
      url: { startsWith: '/checkout' },
      message: 'the page URL /cart does not match trigger.url startsWith "/checkout"',
    });
  });

  it('follows a single-page-app route change to a matching URL', async () => {
    history.replaceState(null, '', '/cart');
    await start(visit, { surveys: [survey('checkout', { trigger: { all: [{ url: '/checkout/*' }, { event: 'paid' }] } })] });
    expect(await codesOf('checkout')).toEqual(['url', 'trigger']);
    history.pushState(null, '', '/checkout/pay');
    expect(await codesOf('checkout')).toEqual(['trigger']);
  });

  it('says which part of the trigger has not happened yet', async () => {
    await start(visit, { surveys: [survey('nps', { trigger: { event: 'checkout_completed' } })] });
    expect(await reasonOf('nps', 'trigger')).toEqual({
      code: 'trigger',
      pending: [{ event: 'checkout_completed' }],
      message: 'trigger not reached: waiting for the event "checkout_completed"',
    });
    track('something_else');
    expect(await codesOf('nps')).toEqual(['trigger']);
  });

  it("names the audience rule that failed and the visitor's value, and updates on identify()", async () => {
    await start(visit, {
      user: { id: 'u1', traits: { plan: 'free' } },
      surveys: [survey('pro-only', { audience: { traits: { plan: { in: ['pro', 'team'] } } }, trigger: { event: 'go' } })],
    });
    expect(await reasonOf('pro-only', 'audience')).toMatchObject({ rule: 'traits.plan', condition: { in: ['pro', 'team'] }, actual: 'free' });
    expect((await reasonOf('pro-only', 'audience')).message).toBe('audience rule traits.plan {"in":["pro","team"]} failed: the visitor\'s value is "free"');
    identify('u1', { plan: 'pro' });
    expect(await codesOf('pro-only')).toEqual(['trigger']);
  });

  it('says the visitor was sampled out, with the sample rate', async () => {
    await start(visit, { surveys: [survey('rare', { sample: 0, trigger: { event: 'go' } })] });
    expect(await reasonOf('rare', 'sample')).toMatchObject({ sample: 0, message: expect.stringContaining('sampled out (sample 0') });
  });

  it('gives the date a completed survey was completed, and when it may show again', async () => {
    await start(visit, { surveys: [survey('nps', { trigger: { event: 'go' } }), survey('recontact', { recontactDays: 90, trigger: { event: 'again' } })] });
    track('go');
    await complete();
    const completedAt = new Date().toISOString();
    expect(await reasonOf('nps', 'completed')).toEqual({ code: 'completed', completedAt, message: `completed on ${completedAt}; never shown again (no recontactDays)` });

    await start(visit, { cooldownDays: 0, surveys: [survey('recontact', { recontactDays: 90, trigger: { event: 'again' } })] });
    track('again');
    await complete();
    const again = new Date();
    expect(await reasonOf('recontact', 'completed')).toMatchObject({ completedAt: again.toISOString(), until: new Date(again.getTime() + 90 * DAY_MS).toISOString() });
  });

  it('says what a nested trigger waits for with its ands and ors, and drops what already happened', async () => {
    const trigger = { all: [{ event: 'a' }, { any: [{ delay: 5 }, { all: [{ event: 'b' }, { scroll: 50 }] }] }] };
    await start(visit, { surveys: [survey('nested', { trigger })] });
    expect((await reasonOf('nested', 'trigger')).message).toBe(
      'trigger not reached: waiting for the event "a" and (5 s on the page or (the event "b" and scrolling to 50% of the page))',
    );
    track('b');
    expect((await reasonOf('nested', 'trigger')).message).toBe('trigger not reached: waiting for the event "a" and (5 s on the page or scrolling to 50% of the page)');
  });

  it('gives the date the cooldown after another survey ends', async () => {
    await start(visit, { cooldownDays: 2, surveys: [survey('first', { trigger: { event: 'go' } }), survey('second', { trigger: { event: 'later' } })] });
    track('go');
    const shownAt = Date.now();
    await dismiss();
    expect(await reasonOf('second', 'cooldown')).toMatchObject({ until: new Date(shownAt + 2 * DAY_MS).toISOString(), surveyId: 'first' });
    expect((await reasonOf('second', 'cooldown')).message).toContain('after survey "first" was shown');
    expect(await reasonOf('first', 'dismissed')).toMatchObject({ shownAt: new Date(shownAt).toISOString(), until: new Date(shownAt + 30 * DAY_MS).toISOString() });
  });

  it('names the other survey on the page, and calls the one shown eligible and showing', async () => {
    await start(visit, { surveys: [survey('first', { trigger: { event: 'go' } }), survey('second', { trigger: { event: 'go' } })] });
    track('go');
    expect(openSurvey()).not.toBeNull();
    expect(await verdictOf('first')).toEqual({ surveyId: 'first', eligible: true, showing: true, reasons: [] });
    expect(await reasonOf('second', 'busy')).toEqual({ code: 'busy', surveyId: 'first', message: 'another survey ("first") is on the page' });
  });

  it('says a survey without a trigger shows only on request', async () => {
    await start(visit, { surveys: [survey('button-only')] });
    expect(await codesOf('button-only')).toEqual(['noTrigger']);
  });

  it('while consent is pending gives consent as the first reason, still judging the URL; once granted, every rule', async () => {
    history.replaceState(null, '', '/cart');
    init({ endpoint: '/api/earshot', consent: 'pending', surveys: [survey('checkout', { trigger: { url: '/checkout' } }), survey('here', { trigger: { url: '/cart' } })] });
    expect(await reasonOf('checkout', 'consent')).toMatchObject({ consent: 'pending', message: expect.stringContaining('consent is pending') });
    expect(await codesOf('checkout')).toEqual(['consent', 'url']);
    expect(await verdictOf('here')).toMatchObject({ eligible: false, reasons: [expect.objectContaining({ code: 'consent' })] });
    consent('granted');
    await vi.advanceTimersByTimeAsync(0);
    await settle();
    expect(await verdictOf('here')).toMatchObject({ eligible: true, showing: true });
    // "here" showed: the other now also waits for the cooldown, and for the survey on the page.
    expect(await codesOf('checkout')).toEqual(['url', 'cooldown', 'busy']);
  });

  it('asked right after a reload, waits for the visitor\'s state: a completed survey says so, never "still loading"', async () => {
    const config = { surveys: [survey('nps', { trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    await complete();
    // The next page: Earshot starts again, and explain() is asked before the stored state is read.
    destroy();
    init({ endpoint: '/api/earshot', locale: 'en', ...config });
    const verdict = await verdictOf('nps');
    expect(verdict.reasons.map(({ code }) => code)).toEqual(['trigger', 'completed']);
  });

  it('asked right after init, waits for the surveys of surveysUrl', async () => {
    const fetched = survey('remote', { trigger: { event: 'go' } });
    const collectorFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, options?: RequestInit) =>
      String(input).endsWith('/surveys.json') ? Promise.resolve(new Response(JSON.stringify([fetched]))) : collectorFetch(input, options),
    );
    init({ endpoint: '/api/earshot', locale: 'en', surveysUrl: '/surveys.json', surveys: [survey('local', { trigger: { event: 'go' } })] });
    expect((await explain()).map(({ surveyId }) => surveyId)).toEqual(['local', 'remote']);
  });

  it('after consent is denied says so', async () => {
    await start(visit, { surveys: [survey('nps', { trigger: { event: 'go' } })] });
    consent('denied');
    expect((await reasonOf('nps', 'consent')).consent).toBe('denied');
  });
});
