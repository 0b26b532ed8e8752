// Which responses a result reads: one filter object that every aggregate, the JSON list and the
// CSV export take, so a new filter is one more field here, not a rewrite of each query.
//   surveyId      one survey (null: all)
//   from, to      the shown creation time (client-time.mjs), ms; from inclusive, to exclusive
//   journeyPoint  the journey point as results name it (journey-point.mjs)
//   page          the page path
//   context       { key, value }: responses whose context has that value under that key
// The routes take survey, from and to today (filterFromParams); the others are for the results
// filters of issues #21 and #25 and are tested at this level.

/**
 * SQL of a context value as text, as PostgreSQL's `->>` gives it (`pro`, `3`, `true`), for each
 * engine: SQLite keeps context as JSON text, PostgreSQL as jsonb. The key is a parameter.
 */
const CONTEXT_VALUE = {
  sqlite: (column) => `(SELECT CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(value AS TEXT) END FROM json_each(${column}) WHERE key = ?)`,
  postgres: (column) => `(${column} ->> ?)`,
};

/**
 * `{ sql, params }`: the WHERE condition (without the word) selecting `filter`'s rows of `table`
 * (responses, answers or choice_picks: all carry the survey, time, journey point and page).
 * `counted` (responses only) keeps what results count: real (not preview), readable rows. `alias`
 * qualifies the columns (`a.survey_id`) for a join.
 */
export function whereOf(
  { surveyId = null, from = null, to = null, journeyPoint = null, page = null, context = null, counted = true } = {},
  engine,
  table = 'responses',
  alias = null,
) {
  const c = (column) => (alias === null ? column : `${alias}.${column}`);
  const parts = [];
  const params = [];
  const add = (sql, ...values) => {
    parts.push(sql);
    params.push(...values);
  };
  if (table === 'responses' && counted) add(`${c('preview')} = 0 AND ${c('readable')} = 1`);
  if (surveyId !== null) add(`${c('survey_id')} = ?`, surveyId);
  if (from !== null) add(`${c('created_ms')} >= ?`, from);
  if (to !== null) add(`${c('created_ms')} < ?`, to);
  if (journeyPoint !== null) add(`${c('journey_point')} = ?`, journeyPoint);
  if (page !== null) add(`${c('page_path')} = ?`, page);
  if (context !== null) {
    const condition = `${CONTEXT_VALUE[engine](table === 'responses' ? c('context') : 'context')} = ?`;
    const values = [context.key, String(context.value)];
    if (table === 'responses') add(condition, ...values);
    else add(`${c('response_seq')} IN (SELECT seq FROM responses WHERE ${condition})`, ...values);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Thrown for a filter parameter the collector cannot read; the route answers 400 with its message. */
export class FilterError extends Error {}

/** A `YYYY-MM-DD` day as the ms its UTC start, or a FilterError naming the parameter. */
function dayStart(name, text) {
  const ms = DAY_PATTERN.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new FilterError(`${name}: must be a day as YYYY-MM-DD, e.g. 2026-11-27 (got ${JSON.stringify(text.slice(0, 40))})`);
  }
  return ms;
}

const DAY_MS = 86_400_000;

/**
 * The filter a read route's query asks for: `survey`, and `from`/`to` as whole UTC days, both
 * included (`?from=2026-11-01&to=2026-11-30` is November).
 */
export function filterFromParams(params) {
  const surveyId = params.get('survey');
  if (surveyId === '') throw new FilterError('survey: must not be empty');
  const fromText = params.get('from');
  const toText = params.get('to');
  const from = fromText === null ? null : dayStart('from', fromText);
  const to = toText === null ? null : dayStart('to', toText) + DAY_MS;
  if (from !== null && to !== null && to <= from) throw new FilterError(`to: must not be before from (${toText} is before ${fromText})`);
  return { surveyId, from, to };
}

/** The query string of a filter's route parameters, for links that keep it. */
export function paramsOfFilter({ surveyId = null, from = null, to = null }) {
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  return {
    ...(surveyId !== null && { survey: surveyId }),
    ...(from !== null && { from: day(from) }),
    ...(to !== null && { to: day(to - DAY_MS) }),
  };
}
