// What the results page's filter form offers for one survey: its journey points and pages (most
// responses first, from the indexes the comparisons read) and the context keys its responses
// carry, read from the CONTEXT_KEYS_SAMPLE most recent responses, so the form
// costs a bounded read whatever the table's size. Any other key can still be typed into `where`.
import { whereOf } from './result-filter.mjs';

/** Options listed per select. */
export const MAX_CHOICES = 100;
/** Recent responses read for the context keys they use. */
export const CONTEXT_KEYS_SAMPLE = 1000;

/** `{ journeyPoints, pages, contextKeys }` of survey `surveyId`'s counted responses. */
export async function filterChoicesOf(store, surveyId) {
  const where = whereOf({ surveyId }, store.engine);
  const grouped = async (column) =>
    (
      await store.query(`SELECT ${column} AS label, COUNT(*) AS n FROM responses WHERE ${where.sql} GROUP BY ${column} ORDER BY n DESC, label LIMIT ${MAX_CHOICES}`, where.params)
    ).map((row) => row.label);
  // The most recent responses, with a context or not: a bounded read even where none has one.
  const recent = await store.query(
    `SELECT context FROM (SELECT context FROM responses WHERE ${where.sql} ORDER BY seq DESC LIMIT ${CONTEXT_KEYS_SAMPLE}) recent WHERE context IS NOT NULL`,
    where.params,
  );
  const keys = new Set();
  for (const { context } of recent) for (const key of Object.keys(typeof context === 'string' ? JSON.parse(context) : context)) keys.add(key);
  return { journeyPoints: await grouped('journey_point'), pages: await grouped('page_path'), contextKeys: [...keys].sort().slice(0, MAX_CHOICES) };
}
