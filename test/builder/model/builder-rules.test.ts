// The builder's own rules, one describe each: the share of visitors as a percentage, the page
// tester, which surveys compete, the draft kept in the browser, edits of nested trigger groups,
// the simulated visit of the preview, and the registry client's reading of the collector's answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competition } from '../../../src/builder/model/competition';
import { readableDate } from '../../../src/builder/model/dates';
import { DRAFT_KEY, clearDraft, loadDraft, saveDraft } from '../../../src/builder/model/draft';
import { pathOfAddress, testPage } from '../../../src/builder/model/page-tester';
import { RegistryError, historyOf, liveSurveys, loadSettings, previewLink, publish, republish, saveSettings, unpublish } from '../../../src/builder/model/registry';
import { fractionOf, percentOf, percentProblem } from '../../../src/builder/model/sampling';
import { act, actionsOf, simulationState, startVisit, tick, type SimulatedVisitor } from '../../../src/builder/model/simulation';
import { addPart, canMoveOut, combineAs, depthOf, movePart, moveOut, removePart } from '../../../src/builder/model/trigger-tree';
import type { Survey, Trigger } from '../../../src/core/types';

describe('the share of visitors, as a percentage', () => {
  it('shows the fraction as a percentage without float noise', () => {
    expect([percentOf(0.3), percentOf(0.07), percentOf(0.125), percentOf(1), percentOf(0), percentOf(undefined)]).toEqual(['30', '7', '12.5', '100', '0', '']);
  });

  it('reads a typed percentage as the fraction, with a % sign or a decimal comma', () => {
    expect([fractionOf('30'), fractionOf('12,5 %'), fractionOf(' 7% '), fractionOf('0.1'), fractionOf('100')]).toEqual([0.3, 0.125, 0.07, 0.001, 1]);
  });

  it('keeps empty as everyone and text as typed, for the validator to name', () => {
    expect(fractionOf('  ')).toBeUndefined();
    expect(fractionOf('thirty')).toBe('thirty');
  });

  it('comes back as the same percentage after being stored (any percentage to 4 decimals)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (tenThousandths) => {
        const typed = String(tenThousandths / 10_000);
        expect(percentOf(fractionOf(typed))).toBe(typed);
      }),
    );
  });

  it('words the validator’s problem with the field’s percentage', () => {
    expect(percentProblem('expected a number from 0 to 1 (got 1.5)', 1.5)).toBe('expected a percentage from 0 to 100 (got 150 %)');
    expect(percentProblem('expected a number from 0 to 1 (got "lots")', 'lots')).toBe('expected a percentage from 0 to 100 (got "lots")');
  });
});

describe('dates read back in the reader’s locale', () => {
  it('says a definition’s date as the reader writes dates, in their time zone; nothing for what is no date', () => {
    expect(readableDate('2026-12-01', 'en-GB')).toBe(new Date(Date.UTC(2026, 11, 1)).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' }));
    expect(readableDate('2026-12-01T09:30:00Z', 'fr')).toMatch(/^\S+ \d+ décembre 2026/);
    expect([readableDate('soon'), readableDate(''), readableDate(20261201)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('the page tester', () => {
  const cart: Trigger = { all: [{ url: '/shop/cart' }, { any: [{ delay: 20 }, { exitIntent: true }] }] };

  it('reads the path the SDK matches from an address, a host and path, or a path', () => {
    expect(pathOfAddress('https://shop.example/shop/cart.html?qty=2#reviews')).toBe('/shop/cart.html');
    expect(pathOfAddress('shop.example/app#/settings')).toBe('/app#/settings');
    expect(pathOfAddress('/pricing')).toBe('/pricing');
    expect(pathOfAddress('   ')).toBeUndefined();
  });

  it('says which url rules match, with a hint when a rule lacks * and an extension', () => {
    const tested = testPage(cart, 'https://shop.example/shop/cart.html');
    expect(tested.path).toBe('/shop/cart.html');
    expect(tested.mayShow).toBe(false);
    expect(tested.rules).toEqual([
      {
        path: ['trigger', 'all', 0, 'url'],
        rule: '/shop/cart',
        matches: false,
        hint: '"/shop/cart" has no * and no extension: it matches the address /shop/cart exactly, not /shop/cart.html. For this page write /shop/cart.html or /shop/cart*.',
      },
    ]);
  });

  it('once the rules match, says what else the trigger waits for', () => {
    const fixed = { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] };
    expect(testPage(fixed, 'shop.example/shop/cart.html')).toMatchObject({ mayShow: true, waiting: '20 s on the page or exit intent', rules: [{ matches: true }] });
    expect(testPage(fixed, 'shop.example/shop/cart.html').rules[0]).not.toHaveProperty('hint');
  });

  it('uses the SDK’s matcher for every operator, and hints at equals and at a missing * too', () => {
    const any = { any: [{ url: { startsWith: '/blog' } }, { url: { regex: '^/p/\\d+$' } }, { url: { equals: '/docs' } }, { url: '/docs/intro.html' }] };
    const tested = testPage(any, 'https://example.com/docs/intro.html');
    expect(tested.rules.map(({ matches }) => matches)).toEqual([false, false, false, true]);
    expect(tested.rules[2].hint).toBe('"/docs" has no * and no extension: it matches the address /docs exactly, not /docs/intro.html. For this page write /docs*.');
    expect(tested.rules[1]).not.toHaveProperty('hint');
    expect(testPage(any, '/p/42').rules[1].matches).toBe(true);
  });

  it('finds no rule in a trigger without url parts: it may show on any page', () => {
    expect(testPage({ event: 'go' }, '/anything')).toEqual({ path: '/anything', rules: [], mayShow: true, waiting: 'the event "go"' });
    expect(testPage(undefined, '/anything')).toEqual({ path: '/anything', rules: [], mayShow: false });
  });
});

describe('which surveys compete', () => {
  const draft: Partial<Survey> = { id: 'cart-ease', trigger: { all: [{ url: '/shop/*' }, { any: [{ delay: 20 }, { exitIntent: true }] }] } };

  it('finds a survey that can show on the same page, and the journey points both wait for', () => {
    const nps = { id: 'nps', trigger: { all: [{ url: '/shop/checkout/done.html' }, { any: [{ event: 'paid' }, { exitIntent: true }] }] } };
    expect(competition(draft, [nps]).competitors).toEqual([
      { surveyId: 'nps', shared: ['exit intent'], samePage: '/shop/checkout/done.html', uncertain: false, first: 'listed first', pause: true },
    ]);
  });

  it('finds none on the same page when the url rules never meet, but the pause still holds between them', () => {
    const blog = { id: 'blog', priority: 5, trigger: { all: [{ url: { startsWith: '/blog' } }, { exitIntent: true }] } };
    expect(competition(draft, [blog]).competitors).toEqual([{ surveyId: 'blog', shared: [], uncertain: false, first: 'other', pause: true }]);
  });

  it('tries the page tester’s address, and says when a regex leaves other pages possible', () => {
    const regex = { id: 'regex', trigger: { url: { regex: '^/shop/c[a-z]+\\.html$' } } };
    expect(competition(draft, [regex]).competitors[0]).toMatchObject({ uncertain: true });
    expect(competition(draft, [regex]).competitors[0]).not.toHaveProperty('samePage');
    expect(competition(draft, [regex], 'https://shop.example/shop/cart.html').competitors[0]).toMatchObject({ samePage: '/shop/cart.html', uncertain: true });
  });

  it('lets cooldown: false on either survey lift the pause between them', () => {
    const nps = { id: 'nps', trigger: { event: 'checkout_completed' } };
    expect(competition({ ...draft, cooldown: false }, [nps]).competitors[0].pause).toBe(false);
    expect(competition(draft, [{ ...nps, cooldown: false }]).competitors[0].pause).toBe(false);
    expect(competition(draft, [nps]).competitors[0]).toMatchObject({ pause: true, samePage: '/shop/', shared: [] });
  });

  it('leaves out the survey itself, and sets apart surveys that never pop up', () => {
    const result = competition({ ...draft, priority: 1 }, [
      { id: 'cart-ease', trigger: { event: 'x' } },
      { id: 'button-only' },
      { id: 'tab', display: 'tab', trigger: { event: 'x' } },
      'junk',
    ]);
    expect(result).toEqual({ competitors: [], bystanders: ['button-only', 'tab'] });
  });
});

describe('the draft kept in the browser', () => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
      items,
    } as unknown as Storage & { items: Map<string, string> };
  };

  it('is kept, with the page tester’s address and the time, and read back as it was', () => {
    const kept = storage();
    const definition = { id: 'half-built', questions: [{ id: 'q', type: 'nps' as const, text: '' }] };
    expect(saveDraft(kept, definition, '/shop/cart.html', new Date('2026-12-01T10:00:00Z'))).toBe(true);
    expect(loadDraft(kept)).toEqual({ definition, pageAddress: '/shop/cart.html', savedAt: '2026-12-01T10:00:00.000Z' });
  });

  it('is gone once cleared, and nothing that is not a draft is read as one', () => {
    const kept = storage();
    saveDraft(kept, { id: 'a', questions: [] }, '');
    clearDraft(kept);
    expect(loadDraft(kept)).toBeUndefined();
    kept.setItem(DRAFT_KEY, '{ not json');
    expect(loadDraft(kept)).toBeUndefined();
    kept.setItem(DRAFT_KEY, JSON.stringify({ definition: 'x', savedAt: 'now' }));
    expect(loadDraft(kept)).toBeUndefined();
  });

  it('says when the browser keeps nothing (storage full or disabled), without throwing', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(saveDraft(full, { id: 'a', questions: [] }, '')).toBe(false);
    expect(saveDraft(undefined, { id: 'a', questions: [] }, '')).toBe(false);
    expect(loadDraft(undefined)).toBeUndefined();
  });
});

describe('edits of nested trigger groups', () => {
  const survey = { id: 's', trigger: { all: [{ url: '/cart' }, { any: [{ delay: 20 }, { exitIntent: true }] }, { event: 'x' }] } };

  it('adds a part at the end of a group at any depth, and says where it went', () => {
    const { definition, at } = addPart(survey, ['trigger', 'all', 1], { scroll: 50 });
    expect(definition.trigger.all[1]).toEqual({ any: [{ delay: 20 }, { exitIntent: true }, { scroll: 50 }] });
    expect(at).toEqual(['trigger', 'all', 1, 'any', 2]);
    expect(survey.trigger.all[1]).toEqual({ any: [{ delay: 20 }, { exitIntent: true }] });
  });

  it('moves a part within its group, and stays at either end', () => {
    expect(movePart(survey, ['trigger', 'all', 1, 'any', 1], -1)).toEqual({
      definition: { ...survey, trigger: { all: [{ url: '/cart' }, { any: [{ exitIntent: true }, { delay: 20 }] }, { event: 'x' }] } },
      at: ['trigger', 'all', 1, 'any', 0],
    });
    expect(movePart(survey, ['trigger', 'all', 0], -1).definition).toBe(survey);
  });

  it('moves a part out of its group, just after it, but not out of the trigger', () => {
    expect(canMoveOut(['trigger', 'all', 1, 'any', 0])).toBe(true);
    expect(canMoveOut(['trigger', 'all', 0])).toBe(false);
    expect(moveOut(survey, ['trigger', 'all', 1, 'any', 0])).toEqual({
      definition: { ...survey, trigger: { all: [{ url: '/cart' }, { any: [{ exitIntent: true }] }, { delay: 20 }, { event: 'x' }] } },
      at: ['trigger', 'all', 2],
    });
  });

  it('removes a part, and combines a group the other way in the same order', () => {
    expect(removePart(survey, ['trigger', 'all', 0]).definition.trigger).toEqual({ all: [{ any: [{ delay: 20 }, { exitIntent: true }] }, { event: 'x' }] });
    expect(combineAs(survey, ['trigger', 'all', 1], 'all').trigger.all[1]).toEqual({ all: [{ delay: 20 }, { exitIntent: true }] });
  });

  it('counts a group’s depth, the trigger’s own being 1', () => {
    expect([depthOf(['trigger']), depthOf(['trigger', 'all', 1]), depthOf(['trigger', 'all', 1, 'any', 0, 'all', 2])]).toEqual([1, 2, 4]);
  });
});

describe('the simulated visit of the preview', () => {
  const trigger: Trigger = { all: [{ url: '/shop/cart.html' }, { any: [{ delay: 20 }, { exitIntent: true }] }] };
  const visitor: SimulatedVisitor = { traits: {}, device: 'desktop', language: 'en', referrer: '' };

  it('waits for the trigger, saying for what, until the time passes', () => {
    let visit = startVisit('/shop/cart.html');
    expect(simulationState(trigger, undefined, visit, visitor)).toEqual({ state: 'waiting', sentence: 'Waiting for 20 s on the page or exit intent.' });
    visit = tick(visit, trigger, 19);
    expect(visit.shown).toBeUndefined();
    visit = tick(visit, trigger, 20);
    expect(visit.shown).toEqual({ trigger, firedBy: { delay: 20 } });
    expect(simulationState(trigger, undefined, visit, visitor)).toEqual({ state: 'shown', sentence: 'Shown after 20 s on the page: 20 s on the page fired its trigger.' });
  });

  it('offers a button for each thing the visitor can do, and fires on exit intent', () => {
    const events = { any: [{ event: 'added_to_cart' }, { selector: '#help' }, { scroll: 60 }, { exitIntent: true }, { event: 'added_to_cart' }] } as Trigger;
    expect(actionsOf(events)).toEqual([{ event: 'added_to_cart' }, { click: '#help' }, { scroll: 60 }, { exit: true }]);
    expect(act(startVisit('/x'), events, { click: '#help' }).shown?.firedBy).toEqual({ selector: '#help' });
    expect(act(startVisit('/shop/cart.html'), trigger, { exit: true }).shown?.firedBy).toEqual({ exitIntent: true });
  });

  it('says which labelled journey point fired it, as results will name it', () => {
    const labelled: Trigger = { any: [{ delay: 20, label: 'Cart, waited 20 s' }, { exitIntent: true }] };
    const visit = tick(startVisit('/shop/cart.html'), labelled, 20);
    expect(visit.shown?.label).toBe('Cart, waited 20 s');
    expect(simulationState(labelled, undefined, visit, visitor).sentence).toBe(
      'Shown after 20 s on the page: 20 s on the page fired its trigger (results say “Cart, waited 20 s”).',
    );
  });

  it('never shows on a page the url rule does not match, or to a visitor outside the audience', () => {
    expect(simulationState(trigger, undefined, startVisit('/shop/cart'), visitor)).toEqual({
      state: 'never',
      sentence: 'Never shown on /shop/cart: its page rule ("/shop/cart.html") does not match it. Change the address in the page tester.',
    });
    expect(simulationState(trigger, { traits: { plan: 'pro' }, device: 'mobile' }, startVisit('/shop/cart.html'), { ...visitor, traits: { plan: 'pro' } })).toEqual({
      state: 'never',
      sentence: 'Not shown to this visitor: audience rule device "mobile" fails on their value "desktop".',
    });
  });
});

describe('the registry client', () => {
  const settings = { collector: 'https://collector.example', key: 'secret' };
  const answering = (status: number, body?: unknown, seen: Array<[string, RequestInit | undefined]> = []) =>
    (async (url: URL, init?: RequestInit) => {
      seen.push([String(url), init]);
      return new Response(body === undefined ? null : JSON.stringify(body), { status });
    }) as unknown as typeof fetch;

  it('publishes with PUT and the key, and reads the version the collector gives', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const version = await publish(settings, { id: 'cart ease', questions: [] }, answering(201, { version: 3, publishedAt: '2026-12-01T10:00:00Z' }, seen));
    expect(version).toEqual({ version: 3, publishedAt: '2026-12-01T10:00:00Z' });
    expect(seen[0][0]).toBe('https://collector.example/api/earshot/surveys/cart%20ease');
    expect(seen[0][1]).toMatchObject({ method: 'PUT', headers: { Authorization: 'Bearer secret', 'Content-Type': 'application/json' } });
  });

  it('says what to check when the key is refused, and lists the problems of a refused definition', async () => {
    await expect(publish(settings, { id: 'a', questions: [] }, answering(401))).rejects.toThrow(
      'The collector refused the key (HTTP 401). Check the read key (EARSHOT_READ_TOKEN).',
    );
    const refused = await publish(
      settings,
      { id: 'a', questions: [] },
      answering(400, { error: 'invalid survey', problems: ['questions: expected a list of 1 to 50 questions (got [])'] }),
    ).catch((error: RegistryError) => error);
    expect(refused).toBeInstanceOf(RegistryError);
    expect((refused as RegistryError).message).toBe('The collector refused the survey (HTTP 400): nothing was published.');
    expect((refused as RegistryError).problems).toEqual(['questions: expected a list of 1 to 50 questions (got [])']);
  });

  it('reads the live list in any of its shapes, and versions newest first', async () => {
    expect(await liveSurveys(settings.collector, answering(200, { surveys: [{ id: 'a' }] }))).toEqual([{ id: 'a' }]);
    expect(await historyOf(settings, 'a', answering(200, { versions: [{ version: 1 }, { version: 2, live: true }, { nonsense: true }] }))).toEqual({
      versions: [{ version: 2, live: true }, { version: 1 }],
    });
  });

  // The answers below are those of the collector's registry (branch registry, examples/collector/survey-registry.mjs).
  it('reads where a survey stands: closed by its quota, with its versions and their definitions', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const answer = {
      surveyId: 'a',
      live: 2,
      status: 'closed',
      closed: { reason: 'maxResponses', at: '2026-12-07T09:00:00.000Z' },
      versions: [
        { version: 2, publishedAt: '2026-12-07T08:00:00.000Z', live: true, definition: { id: 'a', questions: [] } },
        { version: 1, publishedAt: '2026-12-06T08:00:00.000Z', live: false, definition: { id: 'a', questions: [] } },
      ],
    };
    expect(await historyOf(settings, 'a', answering(200, answer, seen))).toEqual({ status: 'closed', closed: answer.closed, versions: answer.versions });
    expect(seen[0][0]).toBe('https://collector.example/api/earshot/surveys/a/versions');
    expect(seen[0][1]?.headers).toEqual({ Authorization: 'Bearer secret' });
  });

  it('takes a survey never published for one without versions, and a collector without a registry for a problem', async () => {
    expect(await historyOf(settings, 'a', answering(404, { error: 'survey: "a" was never published' }))).toEqual({ versions: [] });
    await expect(historyOf(settings, 'a', answering(404))).rejects.toThrow(
      'The collector at https://collector.example has no surveys registry (HTTP 404 for /api/earshot/surveys/a/versions).',
    );
    await expect(unpublish(settings, 'a', answering(404, { error: 'survey: "a" was never published' }))).rejects.toThrow(
      'The collector answered HTTP 404: survey: "a" was never published.',
    );
  });

  it('makes an earlier version live again with POST …/versions/:n/publish and the key', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const answer = { surveyId: 'a', status: 'live', version: 1, publishedAt: '2026-12-06T08:00:00.000Z', live: true, definition: { id: 'a', questions: [] } };
    expect(await republish(settings, 'a', 1, answering(200, answer, seen))).toEqual({ version: 1, publishedAt: answer.publishedAt, live: true, definition: answer.definition });
    expect(seen[0][0]).toBe('https://collector.example/api/earshot/surveys/a/versions/1/publish');
    expect(seen[0][1]).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer secret' } });
  });

  it('keeps the collector and key for the session, as typed', () => {
    const items = new Map<string, string>();
    const session = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) } as unknown as Storage;
    expect(loadSettings(session, 'http://127.0.0.1:5178')).toEqual({ collector: 'http://127.0.0.1:5178', key: '' });
    saveSettings(session, settings);
    expect(loadSettings(session)).toEqual(settings);
  });

  it('makes the preview link of the live page, simulating or not', () => {
    expect(previewLink('https://shop.example/shop/cart.html?qty=2', 'cart-ease')).toBe('https://shop.example/shop/cart.html?qty=2&earshot_preview=cart-ease');
    expect(previewLink('shop.example/shop/cart.html', 'cart-ease', true)).toBe('https://shop.example/shop/cart.html?earshot_preview=cart-ease&simulate=1');
    expect(previewLink('/shop/cart.html', 'x', false, 'http://127.0.0.1:5178/builder/')).toBe('http://127.0.0.1:5178/shop/cart.html?earshot_preview=x');
    expect(previewLink('/shop/cart.html', 'x')).toBeUndefined();
    expect(previewLink('javascript:alert(1)', 'x')).toBeUndefined();
  });
});
