import { createCollector } from '../examples/collector/collector.mjs';
import { createServer } from '../examples/server.mjs';
const url = process.argv[2];
const collector = createCollector(url ? { databaseUrl: url } : {});
await collector.ready;
const server = await createServer({ port: 0, collector });
const now = new Date().toISOString();
const r = (id, extra={}) => ({ id, surveyId: 's1', template: 'nps', completed: true, answers: { nps: 9, reason: 'Fast delivery' }, questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }, { id: 'reason', type: 'text', text: 'Why?' }], createdAt: now, updatedAt: now, page: { url: 'https://x.example/a?b', referrer: '' }, trigger: { event: 'x' }, locale: 'en', sdk: { name: 'earshot', version: '1' }, context: { plan: 'pro' }, event: { name: 'x', properties: { a: 1 } }, ...extra });
let res = await fetch(server.url + '/api/earshot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sentAt: now, responses: [r('a'), r('b', { answers: { nps: 3, reason: 'Slow delivery' } }), r('c', {answers: {nps: 10}, completed: false})] }) });
console.log(res.status, await res.text());
for (const p of ['/results', '/api/earshot/scores?survey=s1', '/api/earshot/export.csv', '/api/earshot/responses?survey=s1&from=2020-01-01']) {
  res = await fetch(server.url + p); const t = await res.text(); console.log(p, res.status, t.length, res.status !== 200 || p.includes('scores') ? t.slice(0, 600) : '');
}
console.log((await collector.storedResponses()).length);
await server.close(); await collector.close();
