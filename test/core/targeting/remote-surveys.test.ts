import { describe, expect, it, vi } from 'vitest';
import { explain, show, track } from '../../../src/index.js';
import { openVisitorStore } from '../../../src/core/targeting/visitor.js';
import { settle } from '../../support/fakes.js';
import { FRESH_LIST_WAIT_MS } from '../../../src/core/targeting/targeting.js';
import { queryByRole, rendered } from '../../support/dom.js';
import { openSurvey, shownIds, start, survey, useTargeting, wait } from './support.js';

const visit = useTargeting();
const SURVEYS_URL = '/earshot/surveys.json';

/** What the definitions server does for each request, in order; the last answer repeats. */
type Answer = unknown[] | { surveys: unknown[] } | object | number | 'network-error' | 'never' | Late;
/** A list the server sends after a while (on the fake clock). */
interface Late {
  arrivesAfterMs: number;
  list: unknown[];
}
const isLate = (answer: Answer): answer is Late => typeof answer === 'object' && answer !== null && 'arrivesAfterMs' in answer;

/** Serves `SURVEYS_URL` from `answers`; other requests go to the fake collector. Returns the URLs asked for. */
function serveDefinitions(...answers: Answer[]): string[] {
  const asked: string[] = [];
  const collector = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== SURVEYS_URL) return collector(input, init);
    asked.push(String(input));
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer === 'never') return new Promise(() => {});
    if (isLate(answer)) {
      await new Promise((resolve) => setTimeout(resolve, answer.arrivesAfterMs));
      return new Response(JSON.stringify(answer.list), { headers: { 'Content-Type': 'application/json' } });
    }
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (typeof answer === 'number') return new Response('oops', { status: answer });
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}

const remote = survey('remote-nps', { trigger: { event: 'go' } });

describe('surveysUrl', () => {
  it('fetches definitions at init; a survey defined there shows at its journey point', async () => {
    const asked = serveDefinitions([remote]);
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(asked).toEqual([SURVEYS_URL]);
    track('go');
    expect(visit.shown).toEqual([{ surveyId: 'remote-nps', trigger: { event: 'go' } }]);
  });

  it('accepts { "surveys": [...] } as well as a bare list', async () => {
    serveDefinitions({ surveys: [remote] });
    await start(visit, { surveysUrl: SURVEYS_URL });
    track('go');
    expect(shownIds(visit)).toEqual(['remote-nps']);
  });

  it('accepts a single survey, as the builder exports it; its problems are named surveysUrl.<field>', async () => {
    serveDefinitions(remote);
    await start(visit, { surveysUrl: SURVEYS_URL });
    track('go');
    expect(shownIds(visit)).toEqual(['remote-nps']);

    serveDefinitions({ ...remote, trigger: { delay: -1 } });
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(visit.errors).toEqual([{ code: 'definition', message: 'surveysUrl.trigger.delay: expected a number from 0 to 86400 (got -1)' }]);
  });

  it('skips an invalid definition with an error event naming its path; the others still work; one whose questions are wrong never shows', async () => {
    serveDefinitions([
      survey('broken', { trigger: { url: { matches: '/x' } } as never }),
      remote,
      { ...survey('no-questions'), questions: [] },
      survey('local', { trigger: { event: 'go' } }),
    ]);
    await start(visit, { surveysUrl: SURVEYS_URL, surveys: [survey('local', { trigger: { event: 'other' } })] });
    expect(visit.errors).toEqual([
      { code: 'definition', message: 'surveysUrl[0].trigger.url: expected a glob, or an object with one of equals, startsWith, contains, glob, regex (got {"matches":"/x"})' },
      { code: 'definition', message: 'surveysUrl[3].id: duplicate survey id "local"' },
    ]);
    // What a survey asks is checked before it first shows (docs/architecture.md §7).
    track('go');
    expect(shownIds(visit)).toEqual(['remote-nps']);
    visit.errors = [];
    show('no-questions');
    expect(shownIds(visit)).toEqual(['remote-nps']);
    expect(visit.errors).toEqual([{ code: 'definition', message: 'survey "no-questions" is not shown: surveysUrl[2].questions: expected a list of 1 to 50 questions (got [])' }]);
  });

  it('keeps the last good list: the next load works offline, and says the network failed', async () => {
    serveDefinitions([remote], 'network-error');
    await start(visit, { surveysUrl: SURVEYS_URL });
    visit.shown = [];
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(visit.errors).toEqual([{ code: 'network', message: `surveysUrl: ${SURVEYS_URL} could not be loaded (Failed to fetch)` }]);
    track('go');
    expect(shownIds(visit)).toEqual(['remote-nps']);
  });

  it('uses the last good list when the network has not answered within a moment', async () => {
    serveDefinitions([remote], 'never');
    await start(visit, { surveysUrl: SURVEYS_URL });
    await start(visit, { surveysUrl: SURVEYS_URL });
    track('go');
    // A journey point of the page's first moments waits for the fresh list…
    expect(shownIds(visit)).toEqual([]);
    await wait(FRESH_LIST_WAIT_MS);
    // …then the kept one answers it.
    expect(shownIds(visit)).toEqual(['remote-nps']);
  });

  it('shows a returning visitor a survey published again since in its new words, when the list arrives within that moment', async () => {
    const reworded = { ...remote, questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend our new shop?' }] };
    serveDefinitions([remote], { arrivesAfterMs: FRESH_LIST_WAIT_MS / 3, list: [reworded] });
    await start(visit, { surveysUrl: SURVEYS_URL });
    await start(visit, { surveysUrl: SURVEYS_URL });
    track('go');
    await wait(FRESH_LIST_WAIT_MS / 3);
    expect(shownIds(visit)).toEqual(['remote-nps']);
    const shown = openSurvey()!;
    await rendered(shown);
    expect(queryByRole(shown.shadowRoot!, 'radiogroup', 'How likely are you to recommend our new shop?')).not.toBeNull();
    expect(queryByRole(shown.shadowRoot!, 'radiogroup', 'Survey remote-nps')).toBeNull();
  });

  it('a server error does not replace the last good list', async () => {
    serveDefinitions([remote], 500);
    await start(visit, { surveysUrl: SURVEYS_URL });
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(visit.errors).toMatchObject([{ code: 'network', message: expect.stringContaining('(HTTP 500)') }]);
    track('go');
    expect(shownIds(visit)).toEqual(['remote-nps']);
  });

  it('replaces the cached list with the fresh one once it arrives', async () => {
    serveDefinitions([remote], [survey('newer', { trigger: { event: 'go' } })]);
    await start(visit, { surveysUrl: SURVEYS_URL });
    await start(visit, { surveysUrl: SURVEYS_URL });
    track('go');
    expect(shownIds(visit)).toEqual(['newer']);
  });

  it('a fetched survey for the current page shows when it arrives', async () => {
    history.replaceState(null, '', '/pricing');
    serveDefinitions([survey('pricing', { trigger: { url: '/pricing' } })]);
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(visit.shown).toEqual([{ surveyId: 'pricing', trigger: { url: '/pricing' } }]);
  });

  it('show() right after init waits for a survey still on its way', async () => {
    let answer: (response: Response) => void = () => {};
    const collector = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === SURVEYS_URL ? new Promise<Response>((resolve) => (answer = resolve)) : collector(input, init),
    );
    await start(visit, { surveysUrl: SURVEYS_URL });
    show('remote-nps');
    expect(shownIds(visit)).toEqual([]);
    answer(new Response(JSON.stringify([remote])));
    await settle();
    expect(visit.shown).toEqual([{ surveyId: 'remote-nps', trigger: { manual: true } }]);
    expect(visit.errors).toEqual([]);
  });

  it('a body that is not a list is an error event, not a throw', async () => {
    serveDefinitions({ surveys: 'none' } as never);
    await start(visit, { surveysUrl: SURVEYS_URL, surveys: [survey('local', { trigger: { event: 'go' } })] });
    expect(visit.errors).toEqual([{ code: 'network', message: `surveysUrl: ${SURVEYS_URL} could not be loaded (expected a survey, a list of surveys, or { "surveys": [...] })` }]);
    track('go');
    expect(shownIds(visit)).toEqual(['local']);
    visit.errors = [];
    serveDefinitions('just text' as never);
    await start(visit, { surveysUrl: SURVEYS_URL });
    expect(visit.errors).toEqual([{ code: 'network', message: `surveysUrl: ${SURVEYS_URL} could not be loaded (expected a survey, a list of surveys, or { "surveys": [...] })` }]);
  });

  describe('a definition that could stall the page', () => {
    const REFUSED = 'expected a regular expression of at most 200 characters, without {n}, lookaround or back-references';
    /** Catastrophic for a backtracking engine on any path without "#"; refused, being outside the subset. */
    const lookahead = survey('lookahead', { trigger: { url: { regex: '^(.|.)*(?=#)$' } } });
    /** Catastrophic for a backtracking engine too, but within the subset: matched in linear time. */
    const alternation = survey('alternation', { trigger: { url: { regex: '^(.|.)*#$' } } });

    /** What an earlier version of Earshot kept from `surveysUrl`: it validated less. */
    async function cacheFromEarlierVisit(list: unknown[]): Promise<void> {
      const stopped = new AbortController();
      await openVisitorStore(stopped.signal).write(`surveys ${SURVEYS_URL}`, list);
      stopped.abort();
    }

    it('refuses a regex outside the subset, naming its path in an error event and in explain(); the others still work', async () => {
      history.replaceState(null, '', `/${'a'.repeat(28)}`);
      serveDefinitions([lookahead, alternation, remote]);
      await start(visit, { surveysUrl: SURVEYS_URL });
      expect(visit.errors).toEqual([{ code: 'definition', message: `surveysUrl[0].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")` }]);
      expect((await explain()).find(({ surveyId }) => surveyId === 'lookahead')).toEqual({
        surveyId: 'lookahead',
        eligible: false,
        showing: false,
        reasons: [
          {
            code: 'invalid',
            message: `surveysUrl[0].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")`,
            problems: [`surveysUrl[0].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")`],
          },
        ],
      });
      expect((await explain()).find(({ surveyId }) => surveyId === 'alternation')?.reasons).toMatchObject([{ code: 'url' }]);
      track('go');
      expect(shownIds(visit)).toEqual(['remote-nps']);
    });

    it('checks the list kept from an earlier visit again before using it: a refused definition never runs, the rest do', async () => {
      history.replaceState(null, '', `/${'a'.repeat(28)}`);
      await cacheFromEarlierVisit([lookahead, remote]);
      // The server has fixed its file, but the page uses the kept list once the network has not answered in a moment.
      serveDefinitions('never');
      await start(visit, { surveysUrl: SURVEYS_URL });
      await wait(FRESH_LIST_WAIT_MS);
      expect(visit.errors).toEqual([{ code: 'definition', message: `surveysUrl[0].trigger.url.regex: ${REFUSED} (got "^(.|.)*(?=#)$")` }]);
      expect((await explain()).map(({ surveyId, reasons }) => [surveyId, reasons[0]?.code])).toEqual([
        ['remote-nps', 'trigger'],
        ['lookahead', 'invalid'],
      ]);
      track('go');
      expect(shownIds(visit)).toEqual(['remote-nps']);
    });

    it('keeps what it fetched as written, so a survey made from a template works from the kept list too', async () => {
      const csat = { id: 'remote-csat', template: 'csat', trigger: { event: 'go' } };
      serveDefinitions([csat], 'network-error');
      await start(visit, { surveysUrl: SURVEYS_URL });
      await start(visit, { surveysUrl: SURVEYS_URL });
      expect(visit.errors).toEqual([{ code: 'network', message: `surveysUrl: ${SURVEYS_URL} could not be loaded (Failed to fetch)` }]);
      track('go');
      expect(shownIds(visit)).toEqual(['remote-csat']);
    });
  });
});
