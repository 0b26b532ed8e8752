// The surveys registry (docs/collector.md, "The surveys registry"), on the store under test: GET /api/earshot/surveys is public
// and what `surveysUrl` points at, with an ETag and a 304; PUT and DELETE /api/earshot/surveys/:id
// need the key; every version is kept and an earlier one can be live again; a definition the SDK
// would refuse is refused with every problem's path; a quota (maxResponses, closesAt) takes the
// survey out of the list.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo, type Demo } from './demo';

const TOKEN = 'registry test token';
const KEY = { Authorization: `Bearer ${TOKEN}` };
const SURVEY_ID = 'post-checkout-nps';

const definition = (text = 'How likely are you to recommend us to a friend?', extra: Record<string, unknown> = {}) => ({
  id: SURVEY_ID,
  trigger: { event: 'checkout_completed' },
  questions: [{ id: 'score', type: 'nps', text }],
  ...extra,
});

function registry(demo: Demo) {
  const put = (body: unknown, { id = SURVEY_ID, headers = KEY as Record<string, string> } = {}) =>
    fetch(demo.url(`/api/earshot/surveys/${encodeURIComponent(id)}`), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const list = async (headers: Record<string, string> = {}) => {
    const res = await fetch(demo.url('/api/earshot/surveys'), { headers });
    return { res, body: res.status === 200 ? await res.json() : null };
  };
  const versions = async (id = SURVEY_ID) => (await fetch(demo.url(`/api/earshot/surveys/${id}/versions`), { headers: KEY })).json();
  const republish = (version: number | string, id = SURVEY_ID) => fetch(demo.url(`/api/earshot/surveys/${id}/versions/${version}/publish`), { method: 'POST', headers: KEY });
  const unpublish = (id = SURVEY_ID, headers: Record<string, string> = KEY) => fetch(demo.url(`/api/earshot/surveys/${id}`), { method: 'DELETE', headers });
  const answer = (overrides = {}) => demo.post(batchOf(makeResponse({ surveyId: SURVEY_ID, ...overrides })));
  const texts = async () => ((await list()).body.surveys as Array<{ questions: Array<{ text: string }> }>).map((survey) => survey.questions[0].text);
  return { put, list, versions, republish, unpublish, answer, texts };
}

describe('the surveys registry', () => {
  const demo = useDemo({ readToken: TOKEN });
  const api = registry(demo);

  it('serves nothing until a survey is published, then its definition as published', async () => {
    expect((await api.list()).body).toEqual({ surveys: [] });
    const res = await api.put(definition());
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ surveyId: SURVEY_ID, version: 1, live: true, status: 'live', definition: definition() });
    expect((await api.list()).body).toEqual({ surveys: [definition()] });
  });

  it('answers the list with an ETag, 304 when it has not changed, and a new ETag when it has', async () => {
    await api.put(definition());
    const first = await api.list();
    const etag = first.res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('cache-control')).toBe('no-cache');
    const again = await api.list({ 'If-None-Match': etag! });
    expect(again.res.status).toBe(304);
    expect(await again.res.text()).toBe('');
    expect(again.res.headers.get('etag')).toBe(etag);
    await api.put(definition('How likely are you to recommend our shop?'));
    const changed = await api.list({ 'If-None-Match': etag! });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
    expect(await api.texts()).toEqual(['How likely are you to recommend our shop?']);
  });

  it('needs the key to publish, unpublish and list versions, but not to read the list', async () => {
    expect((await api.put(definition(), { headers: {} })).status).toBe(401);
    expect((await api.put(definition(), { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await api.list()).body).toEqual({ surveys: [] });
    await api.put(definition());
    expect((await api.unpublish(SURVEY_ID, {})).status).toBe(401);
    expect((await fetch(demo.url(`/api/earshot/surveys/${SURVEY_ID}/versions`))).status).toBe(401);
    expect((await fetch(demo.url(`/api/earshot/surveys/${SURVEY_ID}/versions/1/publish`), { method: 'POST' })).status).toBe(401);
    expect((await api.list()).body.surveys).toHaveLength(1);
  });

  it('keeps every version, newest first, and makes an earlier one live again', async () => {
    await api.put(definition('First wording'));
    await api.put(definition('Second wording'));
    // The same definition again is no new version: PUT is idempotent.
    const same = await api.put(definition('Second wording'));
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ version: 2, live: true });
    const history = await api.versions();
    expect(history).toMatchObject({ surveyId: SURVEY_ID, live: 2, status: 'live', closed: null });
    expect(history.versions.map((v: { version: number; live: boolean; definition: ReturnType<typeof definition> }) => [v.version, v.live, v.definition.questions[0].text])).toEqual(
      [
        [2, true, 'Second wording'],
        [1, false, 'First wording'],
      ],
    );
    expect(Date.parse(history.versions[0].publishedAt)).not.toBeNaN();

    const again = await api.republish(1);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ version: 1, live: true, definition: definition('First wording') });
    expect(await api.texts()).toEqual(['First wording']);
    expect((await api.versions()).live).toBe(1);
    expect((await api.republish(7)).status).toBe(404);
    // A changed definition after that is version 3, not a rewrite of 1 or 2.
    expect(await (await api.put(definition('Third wording'))).json()).toMatchObject({ version: 3 });
  });

  it('unpublishes: the list leaves it out, its versions stay, and publishing again brings it back', async () => {
    await api.put(definition());
    await api.put({ ...definition('Other'), id: 'other-survey' }, { id: 'other-survey' });
    const res = await api.unpublish();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ surveyId: SURVEY_ID, live: null, status: 'unpublished' });
    expect((await api.list()).body.surveys.map((s: { id: string }) => s.id)).toEqual(['other-survey']);
    expect(await api.versions()).toMatchObject({ live: null, status: 'unpublished', versions: [{ version: 1, live: false }] });
    expect((await api.unpublish('never-published')).status).toBe(404);
    await api.republish(1);
    expect((await api.list()).body.surveys.map((s: { id: string }) => s.id)).toEqual([SURVEY_ID, 'other-survey']);
  });

  it('refuses a definition the SDK would refuse, naming every problem with its path, and publishes nothing', async () => {
    const res = await api.put({
      ...definition(),
      questions: [
        { id: 'score', type: 'nps' },
        { id: 'pick', type: 'choice', text: 'Which?', options: [] },
      ],
      trigger: { selector: 'div[' },
      maxResponses: 0,
      closesAt: 'after the sale',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.problems).toEqual(
      expect.arrayContaining([
        'questions[0].text: is required',
        expect.stringMatching(/^questions\[1\]\.options: /),
        'trigger.selector: expected a CSS selector of at most 500 characters (got "div[")',
        'maxResponses: expected a whole number from 1 to 1000000000 (got 0)',
        'closesAt: expected a date such as "2026-12-01" or "2026-12-01T09:00:00Z" (got "after the sale")',
        'colour: unknown key',
      ]),
    );
    expect(body.error).toContain('nothing was published');
    expect((await api.list()).body).toEqual({ surveys: [] });
    expect((await fetch(demo.url(`/api/earshot/surveys/${SURVEY_ID}/versions`), { headers: KEY })).status).toBe(404);
  });

  it('refuses a body that is not JSON, an id unlike the address, and an id no survey can have', async () => {
    expect((await api.put('{"id":')).status).toBe(400);
    const other = await api.put(definition(), { id: 'another-id' });
    expect(other.status).toBe(400);
    expect((await other.json()).problems).toEqual(['id: expected "another-id", the id in the address (got "post-checkout-nps")']);
    expect((await api.put(definition(), { id: '_bad id' })).status).toBe(400);
    const notJson = await fetch(demo.url(`/api/earshot/surveys/${SURVEY_ID}`), { method: 'PUT', headers: { ...KEY, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(415);
  });
});

describe('the order of the list', () => {
  // A clock that stands still: a script publishing several surveys can do so within one millisecond.
  const demo = useDemo({ readToken: TOKEN, now: () => Date.parse('2026-12-07T10:00:00Z') });
  const api = registry(demo);

  it('serves surveys first published in the same millisecond in the order they were published, which the SDK keeps between equal priorities', async () => {
    for (const id of ['zebra-pricing', 'post-checkout-nps', 'almond-exit']) await api.put({ ...definition(id), id }, { id });
    expect((await api.list()).body.surveys.map((s: { id: string }) => s.id)).toEqual(['zebra-pricing', 'post-checkout-nps', 'almond-exit']);
    // Unpublishing and publishing again keeps a survey's place: it is ordered by its first publish.
    await api.unpublish('zebra-pricing');
    await api.put({ ...definition('zebra-pricing, again'), id: 'zebra-pricing' }, { id: 'zebra-pricing' });
    expect((await api.list()).body.surveys.map((s: { id: string }) => s.id)).toEqual(['zebra-pricing', 'post-checkout-nps', 'almond-exit']);
  });
});

describe('quotas', () => {
  const demo = useDemo({ readToken: TOKEN });
  const api = registry(demo);

  it('leaves a survey out once it holds maxResponses completed responses; partial and preview ones do not count', async () => {
    await api.put(definition('Quota of two', { maxResponses: 2 }));
    await api.answer({ completed: true });
    await api.answer({ completed: false, answers: { score: 3 } });
    await api.answer({ completed: true, preview: true });
    await api.answer({ completed: true, surveyId: 'another-survey' });
    const open = await api.list();
    expect(await api.texts()).toEqual(['Quota of two']);
    await api.answer({ completed: true });
    const closed = await api.list({ 'If-None-Match': open.res.headers.get('etag')! });
    expect(closed.res.status).toBe(200);
    expect(closed.body).toEqual({ surveys: [] });
    expect(await api.versions()).toMatchObject({ live: 1, status: 'closed', closed: { reason: 'maxResponses' } });
  });

  it('leaves a survey out from closesAt on', async () => {
    await api.put(definition('Closes in a moment', { closesAt: new Date(Date.now() + 400).toISOString() }));
    await api.put({ ...definition('No end'), id: 'open-survey', closesAt: new Date(Date.now() + 86_400_000).toISOString() }, { id: 'open-survey' });
    expect(await api.texts()).toEqual(['Closes in a moment', 'No end']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await api.texts()).toEqual(['No end']);
    expect(await api.versions()).toMatchObject({ status: 'closed', closed: { reason: 'closesAt' } });
  });

  it('opens again when a version with a higher quota is published', async () => {
    await api.put(definition('One answer is enough', { maxResponses: 1 }));
    await api.answer();
    expect((await api.list()).body.surveys).toEqual([]);
    // Closed stays closed: the same definition again changes nothing.
    await api.put(definition('One answer is enough', { maxResponses: 1 }));
    expect((await api.list()).body.surveys).toEqual([]);
    await api.put(definition('Three answers', { maxResponses: 3 }));
    expect(await api.texts()).toEqual(['Three answers']);
  });
});

describe('the list for pages of other sites', () => {
  const demo = useDemo({ allowedOrigins: ['https://shop.example'] });

  it('answers an origin of ALLOWED_ORIGINS with CORS headers, and refuses another', async () => {
    const allowed = await fetch(demo.url('/api/earshot/surveys'), { headers: { Origin: 'https://shop.example' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('vary')).toBe('Origin');
    const other = await fetch(demo.url('/api/earshot/surveys'), { headers: { Origin: 'https://elsewhere.example' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
