// Responses answered in a preview (`preview: true`): the reference collector keeps them, flagged,
// and never counts them as what visitors said.
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();

const real = makeResponse({ id: 'real', surveyId: 'nps', template: 'nps', answers: { nps: 9 }, questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }] });
const previewed = makeResponse({ id: 'tried', surveyId: 'nps', template: 'nps', preview: true, answers: { nps: 0 }, questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }] });

describe('preview responses', () => {
  it('are accepted and stored with their flag, and listed as such', async () => {
    const res = await demo.post(batchOf(real, previewed));
    expect(res.status).toBe(200);
    const list = await demo.getJson('/api/earshot/responses?survey=nps');
    expect(list.responses.map((r: { id: string; preview?: boolean }) => [r.id, r.preview ?? false])).toEqual([
      ['real', false],
      ['tried', true],
    ]);
  });

  it('are refused when the flag is anything but true', async () => {
    const res = await demo.post(batchOf(makeResponse({ preview: 'yes' })));
    expect(res.status).toBe(400);
  });

  it('count in no score, no CSV row and no results page', async () => {
    await demo.post(batchOf(real, previewed));
    const scores = await demo.getJson('/api/earshot/scores?survey=nps');
    expect(scores).toMatchObject({ responses: 1, previewResponses: 1, scores: [expect.objectContaining({ template: 'nps', sampleSize: 1, score: 100 })] });
    const csv = await (await fetch(demo.url('/api/earshot/export.csv?survey=nps'))).text();
    expect(csv).toContain('real');
    expect(csv).not.toContain('tried');
    const page = await (await fetch(demo.url('/results'))).text();
    expect(page).toContain('1 response');
    expect(page).not.toContain('2 responses');
  });

  it('alone give a survey no figures, and are counted apart: "1 preview answer left out"', async () => {
    await demo.post(batchOf(makeResponse({ id: 'only-preview', surveyId: 'draft', preview: true })));
    const page = await (await fetch(demo.url('/results'))).text();
    const section = page.slice(page.indexOf('data-survey-id="draft"'));
    expect(section).toContain('No responses to <code>draft</code> yet.');
    expect(section).toContain('1 preview answer left out.');
    expect(section).not.toContain('class="tiles"');
  });

  it("beside real answers are counted apart on the survey's results", async () => {
    await demo.post(batchOf(real, previewed, { ...previewed, id: 'tried-2' }));
    const page = await (await fetch(demo.url('/results?survey=nps'))).text();
    expect(page).toContain('1 response</strong>: <strong>1</strong> complete');
    expect(page).toContain('2 preview answers left out.');
  });
});
