// Which responses a result reads: one filter object that every aggregate, the JSON routes and the
// CSV export take, so a new filter is one more field here, not a rewrite of each query.
//   surveyId      one survey (null: all)
//   from, to      the shown creation time (client-time.mjs), ms; from inclusive, to exclusive
//   journeyPoint  the journey point as results name it (journey-point.mjs)
//   page          the page path
//   scoreGroup    detractors, passives or promoters: responses with an NPS answer in that group
//   contexts      [{ key, value }]: responses whose context has each value under its key (all of them)
//   context       one { key, value }, the same as a list of one
// Routes read it from the query (filterFromParams): survey, from/to or range, journey, page,
// group, where=context.KEY:VALUE (repeatable), in the time zone tz.
import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from './scoring.mjs';
import { UTC, canonicalZone, localDayStart, zoneOffsetMs as zoneOffset } from './time-zone.mjs';

/** The NPS answers of each score group, both ends included. */
export const SCORE_GROUPS = {
  detractors: [0, NPS_DETRACTOR_MAX],
  passives: [NPS_DETRACTOR_MAX + 1, NPS_PROMOTER_MIN - 1],
  promoters: [NPS_PROMOTER_MIN, 10],
};

/** Date range presets: the last N days, today included. */
export const RANGE_PRESETS = { '7d': 7, '30d': 30, '90d': 90 };
/** At most this many `where` conditions in one filter. */
export const MAX_WHERE = 10;

/**
 * SQL of a context value as text, as PostgreSQL's `->>` gives it (`pro`, `3`, `true`), for each
 * engine: SQLite keeps context as JSON text, PostgreSQL as jsonb. The key is a parameter.
 */
const CONTEXT_VALUE = {
  sqlite: (column) => `(SELECT CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(value AS TEXT) END FROM json_each(${column}) WHERE key = ?)`,
  postgres: (column) => `(${column} ->> ?)`,
};

/** A context key as a SQL string literal: keys are letters, digits and _ . : - only (CONTEXT_BY), so nothing needs escaping. */
const keyLiteral = (key) => {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/.test(key)) throw new FilterError(`context key: ${JSON.stringify(key.slice(0, 80))} is not one`);
  return `'${key}'`;
};

/** What a breakdown groups a response without the key under. */
export const NOT_SET = '(not set)';

/**
 * SQL of the value of context key `key` (as text; NOT_SET when absent) for rows of `table`:
 * a response's own column, or its response's for an answer or a pick.
 */
export function contextValueSql(engine, key, table) {
  const literal = keyLiteral(key);
  const of = (column) =>
    engine === 'postgres'
      ? `(${column} ->> ${literal})`
      : `(SELECT CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(value AS TEXT) END FROM json_each(${column}) WHERE key = ${literal})`;
  const value = table === 'responses' ? of('context') : `(SELECT ${of('r.context')} FROM responses r WHERE r.seq = ${table}.response_seq)`;
  return `COALESCE(${value}, '${NOT_SET}')`;
}

/**
 * `{ sql, params }`: the WHERE condition (without the word) selecting `filter`'s rows of `table`
 * (responses, answers or choice_picks: all carry the survey, time, journey point and page).
 * `counted` (responses only) keeps what results count: real (not preview), readable rows. `alias`
 * qualifies the columns (`a.survey_id`) for a join.
 */
export function whereOf(
  { surveyId = null, from = null, to = null, journeyPoint = null, page = null, context = null, contexts = [], scoreGroup = null, counted = true } = {},
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
  for (const { key, value } of [...(context === null ? [] : [context]), ...contexts]) {
    const condition = `${CONTEXT_VALUE[engine](table === 'responses' ? c('context') : 'context')} = ?`;
    const values = [key, String(value)];
    if (table === 'responses') add(condition, ...values);
    else add(`${c('response_seq')} IN (SELECT seq FROM responses WHERE ${condition})`, ...values);
  }
  if (scoreGroup !== null) {
    // The response's own NPS answer (any NPS question it answered) is in the group.
    const [low, high] = SCORE_GROUPS[scoreGroup];
    // Qualified: inside the subquery a bare column would name the subquery's own.
    const seq = alias === null ? `${table}.${table === 'responses' ? 'seq' : 'response_seq'}` : c(table === 'responses' ? 'seq' : 'response_seq');
    add(`EXISTS (SELECT 1 FROM answers g WHERE g.response_seq = ${seq} AND g.kind = 'nps' AND g.num >= ? AND g.num <= ?)`, low, high);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Thrown for a filter parameter the collector cannot read; the route answers 400 with its message. */
export class FilterError extends Error {}

/** A `YYYY-MM-DD` day as the ms of its UTC midnight, or a FilterError naming the parameter. */
function dayMs(name, text) {
  const ms = DAY_PATTERN.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new FilterError(`${name}: must be a day as YYYY-MM-DD, e.g. 2026-11-27 (got ${JSON.stringify(text.slice(0, 40))})`);
  }
  return ms;
}

const DAY_MS = 86_400_000;
const CONTEXT_WHERE = /^context\.([A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}?):(.*)$/s;
const CONTEXT_BY = /^context\.([A-Za-z0-9_][A-Za-z0-9_.:-]{0,63})$/;

/** The time zone `tz` asks for (default UTC), or a FilterError. */
export function zoneFromParams(params) {
  const text = params.get('tz');
  if (text === null || text === '') return UTC;
  const zone = canonicalZone(text);
  if (zone === null) throw new FilterError(`tz: must be a time zone such as Europe/Paris or UTC (got ${JSON.stringify(text.slice(0, 64))})`);
  return zone;
}

/** `by=context.plan` as the context key to break results down by, or null. */
export function breakdownFromParams(params) {
  const text = params.get('by');
  if (text === null || text === '') return null;
  const match = CONTEXT_BY.exec(text);
  if (!match) throw new FilterError(`by: must be context.KEY, e.g. context.plan (got ${JSON.stringify(text.slice(0, 80))})`);
  return match[1];
}

/**
 * The filter a read route's query asks for: `survey`; `from`/`to` as whole days in the time zone
 * `tz` (default UTC), both included (`?from=2026-11-01&to=2026-11-30` is November), or `range`
 * (7d, 30d, 90d: the last days, today included); `journey`, `page`, `group` (detractors, passives,
 * promoters) and `where=context.KEY:VALUE` (repeatable, all must hold). Empty parameters are
 * ignored, as a GET form sends them.
 */
export function filterFromParams(params, { now = Date.now() } = {}) {
  const text = (name) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  if (params.get('survey') === '') throw new FilterError('survey: must not be empty');
  const surveyId = params.get('survey');
  const zone = zoneFromParams(params);
  const dayStart = (name, day) => localDayStart(dayMs(name, day), zone);
  let from = text('from') === null ? null : dayStart('from', text('from'));
  let to = text('to') === null ? null : dayStart('to', new Date(dayMs('to', text('to')) + DAY_MS).toISOString().slice(0, 10));
  const range = text('range');
  if (range !== null && range !== 'all') {
    if (!Object.hasOwn(RANGE_PRESETS, range))
      throw new FilterError(`range: must be one of ${Object.keys(RANGE_PRESETS).join(', ')} or all (got ${JSON.stringify(range.slice(0, 20))})`);
    // A preset gives way to days typed in: the form sends both when a custom range is chosen.
    if (from === null && to === null) {
      const todayMs = Math.floor((now + zoneOffset(now, zone)) / DAY_MS) * DAY_MS;
      from = localDayStart(todayMs - (RANGE_PRESETS[range] - 1) * DAY_MS, zone);
    }
  }
  if (from !== null && to !== null && to <= from) throw new FilterError(`to: must not be before from (${text('to')} is before ${text('from')})`);
  const group = text('group');
  if (group !== null && !Object.hasOwn(SCORE_GROUPS, group))
    throw new FilterError(`group: must be one of ${Object.keys(SCORE_GROUPS).join(', ')} (got ${JSON.stringify(group.slice(0, 20))})`);
  const wheres = params.getAll('where').filter((w) => w !== '');
  if (wheres.length > MAX_WHERE) throw new FilterError(`where: at most ${MAX_WHERE} conditions (got ${wheres.length})`);
  const contexts = wheres.map((where) => {
    const match = CONTEXT_WHERE.exec(where);
    if (!match) throw new FilterError(`where: must be context.KEY:VALUE, e.g. context.plan:pro (got ${JSON.stringify(where.slice(0, 80))})`);
    return { key: match[1], value: match[2] };
  });
  return { surveyId, from, to, journeyPoint: text('journey'), page: text('page'), scoreGroup: group, contexts };
}

/** The query parameters of a filter, for links that keep it (days in `zone`). */
export function paramsOfFilter({ surveyId = null, from = null, to = null, journeyPoint = null, page = null, scoreGroup = null, contexts = [] }, zone = UTC) {
  const day = (ms) => new Date(ms + (zone === UTC ? 0 : zoneOffset(ms, zone))).toISOString().slice(0, 10);
  const params = new URLSearchParams();
  if (surveyId !== null) params.set('survey', surveyId);
  if (from !== null) params.set('from', day(from));
  if (to !== null) params.set('to', day(to - 1));
  if (journeyPoint !== null) params.set('journey', journeyPoint);
  if (page !== null) params.set('page', page);
  if (scoreGroup !== null) params.set('group', scoreGroup);
  for (const { key, value } of contexts) params.append('where', `context.${key}:${value}`);
  if (zone !== UTC) params.set('tz', zone);
  return params;
}
