// Results never fail because of a row: a row that cannot be summarized is left out and counted on
// the page, and what was posted (how many rows, how wide, how many surveys or pages) bounds what
// the page draws, never whether it answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector, MAX_SURVEYS_SUMMARIZED } from '../../examples/collector/collector.mjs';
import { MAX_ANSWER_COLUMNS, guardFormulas } from '../../examples/collector/csv-export.mjs';
import { ratingScaleOf, summarizeAnswers } from '../../examples/collector/question-kinds.mjs';
import { MAX_SEGMENTS_SHOWN } from '../../examples/collector/survey-summary.mjs';
import { createServer, type DemoServer } from '../../examples/server.mjs';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';
import { storeUnderTest } from './support/test-store';

const demo = useDemo({ postsPerMinute: 0 });
const page = async (path = '/results') => {
  const res = await fetch(demo.url(path));
  expect(res.status, path).toBe(200);
  return res.text();
};
const NPS_AND_TEXT = [
  { id: 'score', type: 'nps', text: 'Recommend?' },
  { id: 'reason', type: 'text', text: 'Why?' },
];

// Older collectors wrote only SQLite files (versions 1 and 2); PostgreSQL starts at version 3.
describe.runIf(storeUnderTest === 'sqlite')('a database an older collector wrote', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A version-1 database (as collectors before the ingestion rules made it) holding `rows`. */
  function versionOneDatabase(rows: Array<{ id: string; updatedAt: string; body: string }>) {
    const folder = mkdtempSync(path.join(tmpdir(), 'earshot-v1-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const file = path.join(folder, 'earshot.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE responses (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, survey_id TEXT NOT NULL, completed INTEGER NOT NULL,
      updated_at TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL); CREATE INDEX responses_by_survey ON responses (survey_id, seq);
      PRAGMA user_version = 1;`);
    const insert = db.prepare(
      "INSERT INTO responses (id, survey_id, completed, updated_at, received_at, body) VALUES (?, 'post-checkout-nps', 1, ?, '2026-11-27T10:00:00.000Z', ?)",
    );
    for (const row of rows) insert.run(row.id, row.updatedAt, row.body);
    db.close();
    return file;
  }

  async function open(file: string): Promise<DemoServer> {
    const server = await createServer({ port: 0, collector: createCollector({ database: file }) });
    cleanups.push(async () => {
      await server.close();
      server.collector.close();
    });
    return server;
  }

  it("is migrated: rows that fail today's rules are left out and counted, the others shown, and /results, /scores and the CSV answer 200", async () => {
    const leap = makeResponse({ id: 'leap', updatedAt: '2026-06-30T23:59:60Z', createdAt: '2026-06-30T23:59:60Z', answers: { score: 9, reason: 'Fast' }, questions: NPS_AND_TEXT });
    const underscore = makeResponse({ id: 'underscore', locale: 'en_US', answers: { score: 2, reason: 'Slow delivery, damaged box' }, questions: NPS_AND_TEXT });
    const wide = makeResponse({ id: 'wide', questions: Array.from({ length: 5000 }, (_, i) => ({ id: `q${i}`, type: 'nps', text: '' })) });
    const file = versionOneDatabase([
      { id: 'leap', updatedAt: leap.updatedAt as string, body: JSON.stringify(leap) },
      { id: 'underscore', updatedAt: underscore.updatedAt as string, body: JSON.stringify(underscore) },
      { id: 'wide', updatedAt: wide.updatedAt as string, body: JSON.stringify(wide) },
      { id: 'broken', updatedAt: 'whenever', body: '{"id": "broken", "answers": ' },
    ]);
    const server = await open(file);
    const results = await fetch(`${server.url}/results`);
    expect(results.status).toBe(200);
    const html = await results.text();
    expect(html).toContain('2 responses could not be shown');
    expect(html).toContain('2 responses</strong>: <strong>2</strong> complete');
    expect(html).toContain('damaged');
    for (const route of ['/api/earshot/scores?survey=post-checkout-nps', '/api/earshot/export.csv']) expect((await fetch(`${server.url}${route}`)).status, route).toBe(200);
    expect(await (await fetch(`${server.url}/api/earshot/scores?survey=post-checkout-nps`)).json()).toMatchObject({ responses: 2, unreadableResponses: 2 });
    const listed = await (await fetch(`${server.url}/api/earshot/responses`)).json();
    expect(listed.responses.map((r: { id: string }) => r.id)).toEqual(['leap', 'underscore', 'wide', 'broken']);
    expect(listed.responses[3]).toEqual({ id: 'broken', surveyId: 'post-checkout-nps', unreadable: true });

    // The leap-second row no longer pins its id: a later version replaces it.
    const later = makeResponse({ id: 'leap', updatedAt: new Date().toISOString(), answers: { score: 10, reason: 'Fast' }, questions: NPS_AND_TEXT });
    const res = await fetch(`${server.url}/api/earshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batchOf(later)) });
    expect(await res.json()).toEqual({ ok: true, stored: 1, kept: 0 });
  });
});

describe('scale', () => {
  it('summarizes 130,000 rating answers (a spread of them overflowed the call stack)', () => {
    const answers = Array.from({ length: 200_000 }, (_, i) => 1 + (i % 5));
    expect(ratingScaleOf({}, answers)).toBe(5);
    // The database hands the summary a tally; an array of answers is tallied the same way.
    expect(summarizeAnswers('rating', answers.slice(0, 130_000))).toMatchObject({ answers: 130_000, average: 3, scale: 5 });
  });

  it('bounds the page and the CSV by what it draws, however wide the responses', async () => {
    // 100 responses of 50 questions each, none shared: 5,000 questions.
    const wide = Array.from({ length: 100 }, (_, r) => {
      const questions = Array.from({ length: 50 }, (_, q) => ({ id: `r${r}q${q}`, type: 'rating', text: `Question ${q}` }));
      return makeResponse({ id: `wide-${r}`, questions, answers: Object.fromEntries(questions.map((q) => [q.id, 4])) });
    });
    for (let i = 0; i < wide.length; i += 50) expect((await demo.post(batchOf(...wide.slice(i, i + 50)))).status).toBe(200);

    const started = Date.now();
    const html = await page();
    expect(html).toContain('4900 more questions not shown: see the CSV export.');
    const csv = await fetch(demo.url('/api/earshot/export.csv'));
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    const [header, ...rows] = (await csv.text()).trim().split('\r\n');
    expect(header.split(',')).toHaveLength(19 + MAX_ANSWER_COLUMNS); // 19 fixed columns (trigger, firedBy, label, event, eventProperties among them)
    expect(header.endsWith(',moreAnswers')).toBe(true);
    expect(rows).toHaveLength(100);
    expect(rows.at(-1)).toContain('""r99q0"":4');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('summarizes the first surveys and links the others', async () => {
    const surveys = Array.from({ length: MAX_SURVEYS_SUMMARIZED + 5 }, (_, i) => makeResponse({ surveyId: `survey-${i}` }));
    await demo.post(batchOf(...surveys));
    const html = await page();
    expect(html).toContain(`${MAX_SURVEYS_SUMMARIZED + 5} responses in ${MAX_SURVEYS_SUMMARIZED + 5} surveys`);
    expect(html.match(/<section class="survey" aria-labelledby="survey-/g)).toHaveLength(MAX_SURVEYS_SUMMARIZED);
    expect(html).toContain('5 more surveys');
    expect(html).toContain('href="/results?survey=survey-24"');
  });

  it('compares at most MAX_SEGMENTS_SHOWN pages, the rest in one row', async () => {
    const pages = Array.from({ length: 40 }, (_, i) => makeResponse({ page: { url: `https://shop.example/p${i}`, referrer: '' } }));
    await demo.post(batchOf(...pages));
    const html = await page();
    expect(html).toContain(`${40 - MAX_SEGMENTS_SHOWN + 1} other pages`);
  });
});

describe('CSV formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['ok;=1+1', "ok;'=1+1"],
    ['ok,=1+1', "ok,'=1+1"],
    ['ok; -2+3', "ok; '-2+3"],
    ['tab\t@SUM(A1)', "tab\t'@SUM(A1)"],
    ['line\n+1', "line\n'+1"],
    ['a|=cmd', "a|'=cmd"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['well-made, 5 - 3 = 2', 'well-made, 5 - 3 = 2'],
  ])('guards %j as %j', (text, guarded) => {
    expect(guardFormulas(text)).toBe(guarded);
  });

  it('guards every cell a ;-separated spreadsheet would split off, and quotes the cell', async () => {
    await demo.post(batchOf(makeResponse({ id: 'semi', answers: { score: 9, reason: 'ok;=HYPERLINK("http://evil.example")' }, questions: NPS_AND_TEXT })));
    const csv = await page('/api/earshot/export.csv');
    const row = csv.split('\r\n').find((line) => line.startsWith('semi,'));
    expect(row).toContain(`"ok;'=HYPERLINK(""http://evil.example"")"`);
    // No cell, split at , or ;, starts like a formula.
    for (const cell of row!.split(/[,;]/)) expect(cell.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@]/);
  });
});
