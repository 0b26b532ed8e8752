// The CSV export's question columns, from the database rather than from a first pass over every
// response: each question id in the order it first appears (the response that first carried it,
// then its place among that response's questions), read from the distinct question lists and
// from the answers no question describes. Ids past MAX_ANSWER_COLUMNS share one column. The
// context keys come from the same responses, one column each.
import { MAX_ANSWER_COLUMNS, MAX_CONTEXT_COLUMNS } from './csv-export.mjs';
import { whereOf } from './result-filter.mjs';

/** Question lists read (survey versions); answers without a described question read. */
const MAX_SETS_READ = 1000;
const MAX_LOOSE_IDS_READ = 2000;
/** Undescribed answers come after the questions of the response that carried them. */
const AFTER_THE_QUESTIONS = 1_000_000;

/** The context keys `filter`'s responses carry, in order, at most MAX_CONTEXT_COLUMNS + 1 (one more says there are more). */
async function contextKeysIn(store, filter) {
  const responses = whereOf(filter, store.engine, 'responses');
  const sql =
    store.engine === 'postgres'
      ? `SELECT DISTINCT k AS key FROM responses, jsonb_object_keys(context) AS k WHERE context IS NOT NULL AND jsonb_typeof(context) = 'object' AND ${responses.sql} ORDER BY 1 LIMIT ${MAX_CONTEXT_COLUMNS + 1}`
      : `SELECT DISTINCT j.key AS key FROM responses, json_each(responses.context) AS j WHERE responses.context IS NOT NULL AND ${responses.sql} ORDER BY 1 LIMIT ${MAX_CONTEXT_COLUMNS + 1}`;
  return (await store.exportQuery(sql, responses.params)).map((row) => row.key);
}

/**
 * `{ ids, overflow, contextKeys, contextOverflow }` for the responses `filter` selects, as
 * csv-export.mjs's headerRow and responseRow take them: the question ids, and the context keys
 * (one column each, sorted; past MAX_CONTEXT_COLUMNS the rest share one column).
 */
export async function answerColumnsIn(store, filter) {
  const responses = whereOf(filter, store.engine, 'responses');
  const sets = await store.exportQuery(
    `SELECT question_set AS hash, MIN(seq) AS first FROM responses WHERE ${responses.sql} GROUP BY question_set ORDER BY first LIMIT ${MAX_SETS_READ}`,
    responses.params,
  );
  const firstSeen = new Map();
  const see = (id, seq, index) => {
    const seen = firstSeen.get(id);
    if (!seen || seq < seen[0] || (seq === seen[0] && index < seen[1])) firstSeen.set(id, [seq, index]);
  };
  for (let i = 0; i < sets.length; i += 500) {
    const chunk = sets.slice(i, i + 500);
    const firstOf = new Map(chunk.map((set) => [set.hash, Number(set.first)]));
    const rows = await store.exportQuery(`SELECT hash, questions FROM question_sets WHERE hash IN (${chunk.map(() => '?').join(', ')})`, [...firstOf.keys()]);
    for (const row of rows) JSON.parse(row.questions).forEach((question, index) => see(question.id, firstOf.get(row.hash), index));
  }
  const answers = whereOf(filter, store.engine, 'answers');
  const loose = await store.exportQuery(
    `SELECT question_id, MIN(response_seq) AS first FROM answers WHERE ${answers.sql} AND kind = '' GROUP BY question_id ORDER BY first, question_id LIMIT ${MAX_LOOSE_IDS_READ}`,
    answers.params,
  );
  for (const row of loose) see(row.question_id, Number(row.first), AFTER_THE_QUESTIONS);
  const ordered = [...firstSeen].sort(([a, [sa, ia]], [b, [sb, ib]]) => sa - sb || ia - ib || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
  const keys = await contextKeysIn(store, filter);
  return {
    ids: ordered.slice(0, MAX_ANSWER_COLUMNS),
    overflow: ordered.length > MAX_ANSWER_COLUMNS,
    contextKeys: keys.slice(0, MAX_CONTEXT_COLUMNS),
    contextOverflow: keys.length > MAX_CONTEXT_COLUMNS,
  };
}
