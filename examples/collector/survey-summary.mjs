// What the results page shows for one survey, computed in the database: counts, a summary per
// question, a daily trend, the scores per journey point and per page, the template scores, and
// the words that set unhappy answers apart from happy ones. Every figure is a SQL aggregate over
// the rows the store keeps per answer (answer-rows.mjs) and per response, read through one filter
// (result-filter.mjs); JavaScript only turns the counts into scores (scoring.mjs), so no
// response is ever held in memory for it. It needs no survey definitions: each response's
// `questions` says what kind every answer is.
//
// Samples, where a figure reads text: the listed text answers are the 50 newest; the words of
// unhappy and happy answers come from the TERMS_SAMPLE (5,000) most recent text answers; the
// texts typed into "Other" from the OTHER_TEXTS_SAMPLE most recent. Counts are always exact.
import { frequentTerms } from './frequent-terms.mjs';
import { funnelOf } from './funnel.mjs';
import { summarizeCta, summarizeMatrix, summarizeRanking, summarizeSlider } from './kind-summaries.mjs';
import { KEY_KIND_PRIORITY, QUESTION_KINDS } from './question-kinds.mjs';
import { contextValueSql, whereOf } from './result-filter.mjs';
import { UTC, localDayNumber } from './time-zone.mjs';
import { PMF_ANSWERS, addToTally, emptyTally, tallyOf } from './scoring.mjs';
import { DAY_MS } from './stored-version.mjs';
import { SMALL_SAMPLE, TEMPLATE_SCORERS, isKnownTemplate, templateScore } from './template-scores.mjs';

/** The trend covers at most this many days, ending on the day of the latest response. */
export const MAX_TREND_DAYS = 60;
/** Text answers listed per question, newest first; the CSV export has all of them. */
export const MAX_TEXT_ANSWERS_LISTED = 50;
/** Questions summarized per survey (a survey has at most 50; more come from many versions, or from abuse). */
export const MAX_QUESTIONS_SUMMARIZED = 100;
const MAX_QUESTIONS_LEFT_OUT_COUNTED = 10_000;
/** Distinct question lists (survey versions) read to find the questions, first seen first. */
export const MAX_QUESTION_SETS_READ = 1000;
/** Values a breakdown (`by=context.KEY`) shows, most frequent first; the rest share one row. */
export const BREAKDOWN_VALUES = 20;
/** Rows per comparison table (journey points, pages); the rest share one row. */
export const MAX_SEGMENTS_SHOWN = 25;
/** Groups read per comparison; past it, the counts of the rest come from one more query. */
const MAX_SEGMENT_GROUPS_READ = 1000;
/** Text answers the frequent words of unhappy and happy answers are counted in: the most recent. */
export const TERMS_SAMPLE = 5000;
/** Texts typed into a choice's "Other" read for the list of them: the most recent. */
export const OTHER_TEXTS_SAMPLE = 5000;
/** Options a choice question lists, most picked first; the others are counted. */
export const MAX_OPTIONS_LISTED = 100;
/** Templates read per survey. */
const MAX_TEMPLATES = 100;

const keyOf = (id, kind) => `${id}:${kind}`;
const isoOf = (ms) => new Date(ms).toISOString();
const dayIsoOf = (day) => isoOf(day * DAY_MS).slice(0, 10);
const list = (values) => values.map(() => '?').join(', ');

/**
 * Reads for one filter: `rows(table, build, before, after)` runs `build(where)` (the filter's
 * condition on `table` as SQL) with the parameters `before`, the filter's, then `after`.
 */
function reader(store, filter) {
  const condition = (table, alias = null) => whereOf(filter, store.engine, table, alias);
  const rows = (table, build, { before = [], after = [], alias = null } = {}) => {
    const where = condition(table, alias);
    return store.query(build(where.sql), [...before, ...where.params, ...after]);
  };
  return { rows, one: async (...args) => (await rows(...args))[0], query: store.query };
}

/**
 * The questions of the survey in survey order (the order each first appears in, a new one placed
 * after the question before it), at most MAX_QUESTIONS_SUMMARIZED; a question is its id and kind
 * together, and its text is the one of the latest response that describes it. Read from the
 * distinct question lists the responses carry, not from the responses.
 */
async function collectQuestions(read, groups) {
  const byHash = new Map();
  for (const group of groups) {
    const set = byHash.get(group.hash);
    if (!set) byHash.set(group.hash, { hash: group.hash, first: Number(group.first), last: Number(group.last) });
    else Object.assign(set, { first: Math.min(set.first, Number(group.first)), last: Math.max(set.last, Number(group.last)) });
  }
  const sets = [...byHash.values()].sort((a, b) => a.first - b.first);
  const questionsByHash = new Map();
  for (let i = 0; i < sets.length; i += 500) {
    const hashes = sets.slice(i, i + 500).map((set) => set.hash);
    for (const row of await read.query(`SELECT hash, questions FROM question_sets WHERE hash IN (${list(hashes)})`, hashes))
      questionsByHash.set(row.hash, JSON.parse(row.questions));
  }
  const order = [];
  const latest = new Map();
  const leftOut = new Set();
  for (const set of sets) {
    let previousAt = -1;
    for (const question of questionsByHash.get(set.hash) ?? []) {
      const key = keyOf(question.id, question.type);
      let at = latest.has(key) ? order.indexOf(key) : -1;
      if (at === -1) {
        if (order.length >= MAX_QUESTIONS_SUMMARIZED) {
          if (leftOut.size < MAX_QUESTIONS_LEFT_OUT_COUNTED) leftOut.add(key);
          continue;
        }
        at = previousAt + 1;
        order.splice(at, 0, key);
      }
      previousAt = at;
      // The text of the latest response describing it: the set seen last wins.
      if (!latest.has(key) || latest.get(key).last <= Number(set.last)) {
        latest.set(key, {
          last: Number(set.last),
          question: {
            key,
            id: question.id,
            kind: question.type,
            text: question.text,
            scale: question.scale,
            style: question.style,
            format: question.format,
            rows: question.rows,
            columns: question.columns,
            options: question.options,
            min: question.min,
            max: question.max,
          },
        });
      }
    }
  }
  return { questions: order.map((key) => latest.get(key).question), leftOut: leftOut.size };
}

/**
 * The responses' question sets and templates, one scan: `{ hash, template, first, last }` per
 * pair, first seen first, at most MAX_QUESTION_SETS_READ.
 */
function questionSetsAndTemplates(read) {
  return read.rows(
    'responses',
    (where) =>
      `SELECT question_set AS hash, template, MIN(seq) AS first, MAX(seq) AS last FROM responses WHERE ${where} GROUP BY question_set, template ORDER BY first LIMIT ${MAX_QUESTION_SETS_READ}`,
  );
}

/** The templates among the groups of questionSetsAndTemplates, first seen first. */
function templatesOf(groups) {
  const first = new Map();
  for (const group of groups) if (group.template !== null && !(Number(first.get(group.template)) <= Number(group.first))) first.set(group.template, Number(group.first));
  return [...first]
    .sort((a, b) => a[1] - b[1])
    .map(([template]) => template)
    .slice(0, MAX_TEMPLATES);
}

/**
 * One scan over the answers: per question key its tally and how many of its answers are non-blank
 * texts and valid choices (`byKey`), and per template the tally of each question id's primary
 * answers (`byTemplate`, what template scores read).
 */
async function answerCounts(read) {
  const rows = await read.rows(
    'answers',
    (where) => `SELECT question_id, kind, num, has_text, picked, is_primary, template, COUNT(*) AS n FROM answers WHERE ${where}
      GROUP BY question_id, kind, num, has_text, picked, is_primary, template`,
  );
  const byKey = new Map();
  const byTemplate = new Map();
  for (const row of rows) {
    if (Number(row.is_primary) === 1 && row.template !== null) {
      const key = `${row.template}\u0000${row.question_id}`;
      if (!byTemplate.has(key)) byTemplate.set(key, emptyTally());
      addToTally(byTemplate.get(key), row.num === null ? null : Number(row.num), Number(row.n));
    }
    const key = keyOf(row.question_id, row.kind);
    const counts = byKey.get(key) ?? { tally: emptyTally(), texts: 0, picked: 0, total: 0 };
    addToTally(counts.tally, row.num === null ? null : Number(row.num), Number(row.n));
    counts.texts += Number(row.has_text) * Number(row.n);
    counts.picked += Number(row.picked) * Number(row.n);
    counts.total += Number(row.n);
    byKey.set(key, counts);
  }
  return { byKey, byTemplate };
}

const tallyFor = (counts, question) => counts.get(question.key)?.tally ?? emptyTally();
const summarizeTally = (question, tally) => QUESTION_KINDS[question.kind].summarizeTally(tally, question);

/** A choice question's figures: options by picks (ties: first picked first), Other, and the answers left out. */
async function summarizeChoice(read, question, counts) {
  const { picked = 0, total = 0 } = counts.get(question.key) ?? {};
  const after = { after: [question.id, question.kind] };
  const percent = (count) => (picked === 0 ? null : (count / picked) * 100);
  const options = await read.rows(
    'choice_picks',
    (where) => `SELECT option, COUNT(*) AS n, MIN(response_seq * 64 + position) AS first FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ? AND option IS NOT NULL
     GROUP BY option ORDER BY n DESC, first ASC LIMIT ${MAX_OPTIONS_LISTED}`,
    after,
  );
  const optionCount =
    options.length < MAX_OPTIONS_LISTED
      ? options.length
      : Number((await read.one('choice_picks', (where) => `SELECT COUNT(DISTINCT option) AS n FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ?`, after)).n);
  const otherCount = Number(
    (await read.one('choice_picks', (where) => `SELECT COUNT(*) AS n FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ? AND option IS NULL`, after)).n,
  );
  const texts = await read.rows(
    'choice_picks',
    (where) =>
      `SELECT other_text FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ? AND option IS NULL ORDER BY response_seq DESC, position DESC LIMIT ${OTHER_TEXTS_SAMPLE}`,
    after,
  );
  return {
    answers: picked,
    ignored: total - picked,
    options: options.map((o) => ({ option: o.option, count: Number(o.n), percent: percent(Number(o.n)) })),
    optionCount,
    other: { count: otherCount, percent: percent(otherCount), texts: texts.map((t) => t.other_text).reverse(), sampled: otherCount > texts.length },
  };
}

/** "NPS 9" for a key answer `num` (a whole number or null) as the key question's summary would count it, or null. */
function describeKeyAnswer(num, keyQuestion, keyResult) {
  if (!keyQuestion || num === null || num === undefined) return null;
  const value = Number(num);
  return summarizeTally(keyQuestion, tallyOf([value])).answers === 1 ? QUESTION_KINDS[keyQuestion.kind].describeAnswer(value, keyResult) : null;
}

/** `text LIKE ?` for a search: case-insensitive on both engines, with the search's own % and _ taken literally. */
const likePattern = (search) => `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A text question's count and one page of its answers, newest first: MAX_TEXT_ANSWERS_LISTED
 * from `page` × that many, only those containing `search` (a word or phrase) when given.
 */
async function summarizeText(read, question, counts, keyQuestion, keyResult, { search = null, page = 0 } = {}) {
  const matching = search === null ? '' : " AND LOWER(text) LIKE ? ESCAPE '\\'";
  const searchParams = search === null ? [] : [likePattern(search)];
  const rows = await read.rows(
    'answers',
    (where) => `SELECT text, updated_ms, journey_point, page_path,
       (SELECT k.num FROM answers k WHERE k.response_seq = answers.response_seq AND k.question_id = ? AND k.kind = ? LIMIT 1) AS key_num
     FROM answers WHERE ${where} AND question_id = ? AND kind = ? AND has_text = 1${matching} ORDER BY updated_ms DESC, response_seq ASC
     LIMIT ${MAX_TEXT_ANSWERS_LISTED} OFFSET ${page * MAX_TEXT_ANSWERS_LISTED}`,
    { before: keyQuestion ? [keyQuestion.id, keyQuestion.kind] : ['', ''], after: [question.id, question.kind, ...searchParams] },
  );
  const all = counts.get(question.key)?.texts ?? 0;
  const found =
    search === null
      ? all
      : Number(
          (
            await read.one('answers', (where) => `SELECT COUNT(*) AS n FROM answers WHERE ${where} AND question_id = ? AND kind = ? AND has_text = 1${matching}`, {
              after: [question.id, question.kind, ...searchParams],
            })
          ).n,
        );
  return {
    answers: all,
    search,
    found,
    page,
    pageSize: MAX_TEXT_ANSWERS_LISTED,
    items: rows.map((row) => ({
      text: row.text,
      at: isoOf(Number(row.updated_ms)),
      keyAnswer: describeKeyAnswer(row.key_num, keyQuestion, keyResult),
      journeyPoint: row.journey_point,
      page: row.page_path,
    })),
  };
}

/**
 * The groups of responses by `column` (journey point or page), largest first (ties: first seen
 * first): `{ groups (at most MAX_SEGMENT_GROUPS_READ), groupCount, responses, completed }`. The
 * totals come from the groups when all were read.
 */
async function segmentGroups(read, columnOf) {
  const column = columnOf('responses');
  const groups = await read.rows(
    'responses',
    (where) =>
      `SELECT ${column} AS label, COUNT(*) AS n, SUM(completed) AS c, MIN(seq) AS first FROM responses WHERE ${where} GROUP BY ${column} ORDER BY n DESC, first ASC LIMIT ${MAX_SEGMENT_GROUPS_READ}`,
  );
  if (groups.length < MAX_SEGMENT_GROUPS_READ) {
    const sum = (field) => groups.reduce((total, row) => total + Number(row[field]), 0);
    return { groups, groupCount: groups.length, responses: sum('n'), completed: sum('c') };
  }
  const totals = await read.one('responses', (where) => `SELECT COUNT(DISTINCT ${column}) AS g, COUNT(*) AS n, SUM(completed) AS c FROM responses WHERE ${where}`);
  return { groups, groupCount: Number(totals.g), responses: Number(totals.n), completed: Number(totals.c ?? 0) };
}

/** Scores per group (journey point or page), worst key score first; past MAX_SEGMENTS_SHOWN groups, the rest share one row. */
async function compareSegments(read, columnOf, segmentation, counts, scoredQuestions, keyQuestion, othersLabel, maxShown = MAX_SEGMENTS_SHOWN) {
  const column = columnOf('answers');
  const { groups, groupCount } = segmentation;
  const totals = segmentation;
  const shown = groupCount > maxShown ? groups.slice(0, maxShown - 1) : groups;
  const labels = shown.map((row) => row.label);
  const tallies = new Map(labels.map((label) => [label, new Map()]));
  if (scoredQuestions.length > 0 && labels.length > 0) {
    const kinds = [...new Set(scoredQuestions.map((q) => q.kind))];
    const rows = await read.rows(
      'answers',
      // Kind first: the index skips the answers no score reads (texts).
      (where) => `SELECT ${column} AS label, question_id, kind, num, COUNT(*) AS n FROM answers WHERE ${where} AND kind IN (${list(kinds)}) AND ${column} IN (${list(labels)})
       GROUP BY kind, label, question_id, num`,
      { after: [...kinds, ...labels] },
    );
    for (const row of rows) {
      const byKey = tallies.get(row.label);
      const key = keyOf(row.question_id, row.kind);
      if (!byKey.has(key)) byKey.set(key, emptyTally());
      addToTally(byKey.get(key), row.num === null ? null : Number(row.num), Number(row.n));
    }
  }
  const keyIndex = scoredQuestions.indexOf(keyQuestion);
  const segment = (label, responses, completed, tallyOfQuestion) => {
    const metrics = scoredQuestions.map((question) => {
      const result = summarizeTally(question, tallyOfQuestion(question));
      return { value: QUESTION_KINDS[question.kind].headline.value(result), margin: result.margin ?? null, answers: result.answers, small: result.answers < SMALL_SAMPLE };
    });
    // A group is ranked by its key score only on enough answers; else it is marked and listed after the ranked ones.
    const small = keyIndex === -1 ? responses < SMALL_SAMPLE : metrics[keyIndex].small;
    return { label, responses, completed, metrics, small };
  };
  const segments = shown.map((row) => segment(row.label, Number(row.n), Number(row.c), (q) => tallies.get(row.label).get(q.key) ?? emptyTally()));
  if (groupCount > shown.length) {
    // The rest: everything minus the groups shown, counted by subtraction.
    const rest = (question) => {
      const tally = { counts: new Map(tallyFor(counts, question).counts), other: tallyFor(counts, question).other };
      for (const label of labels) {
        const part = tallies.get(label).get(question.key);
        if (!part) continue;
        tally.other -= part.other;
        for (const [value, count] of part.counts) tally.counts.set(value, tally.counts.get(value) - count);
      }
      return tally;
    };
    const sum = (field) => shown.reduce((total, row) => total + Number(row[field]), 0);
    segments.push(segment(othersLabel(groupCount - shown.length), totals.responses - sum('n'), totals.completed - sum('c'), rest));
  }
  const keyValue = (s) => (keyIndex === -1 ? null : s.metrics[keyIndex].value);
  return segments.sort((a, b) => {
    if (a.small !== b.small) return a.small ? 1 : -1;
    const [va, vb] = a.small ? [null, null] : [keyValue(a), keyValue(b)];
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return va - vb;
    }
    return b.responses - a.responses || a.label.localeCompare(b.label);
  });
}

const JOURNEY_POINT = () => 'journey_point';
const PAGE = () => 'page_path';

/** Every score per value of context key `key`: the BREAKDOWN_VALUES most frequent, then the rest in one row. */
async function breakdownBy(read, engine, key, counts, scoredQuestions, keyQuestion) {
  const columnOf = (table) => contextValueSql(engine, key, table);
  const segmentation = await segmentGroups(read, columnOf);
  const segments = await compareSegments(read, columnOf, segmentation, counts, scoredQuestions, keyQuestion, (n) => `other (${n} values)`, BREAKDOWN_VALUES + 1);
  return { key, segments };
}

/** Quarter hours: every zone's offset is a whole number of them, so they fall wholly in one local day. */
const BUCKET_MS = 15 * 60_000;

/**
 * Counts per day from `rows(dayColumn)`: by the stored UTC day in UTC, else by quarter hour,
 * each put in its local day in `zone`. `dayOf(row)` reads the day or bucket a row was grouped by.
 */
const dayGrouping = (zone) =>
  zone === UTC
    ? { column: 'day', dayOf: (value) => Number(value), minimum: (day) => day }
    : { column: `created_ms / ${BUCKET_MS}`, dayOf: (value) => localDayNumber(Number(value) * BUCKET_MS, zone), minimum: (day) => Math.floor((day - 1) * (DAY_MS / BUCKET_MS)) };

/** One entry per day (in `zone`) from the first response (at most MAX_TREND_DAYS back) to the latest. */
async function dailyTrend(read, totalResponses, firstMs, lastMs, keyQuestion, zone) {
  const lastDay = localDayNumber(lastMs, zone);
  const firstDay = Math.max(localDayNumber(firstMs, zone), lastDay - (MAX_TREND_DAYS - 1));
  const grouping = dayGrouping(zone);
  // A day's rows: from its UTC day (a local day starts at most 14 h from it), then by local day.
  const sinceFirst = { after: [grouping.minimum(firstDay)] };
  const minimumColumn = zone === UTC ? 'day' : `created_ms / ${BUCKET_MS}`;
  const perDay = new Map();
  for (const row of await read.rows(
    'responses',
    (where) => `SELECT ${grouping.column} AS d, COUNT(*) AS n FROM responses WHERE ${where} AND ${minimumColumn} >= ? GROUP BY 1`,
    sinceFirst,
  )) {
    const day = grouping.dayOf(row.d);
    perDay.set(day, (perDay.get(day) ?? 0) + Number(row.n));
  }
  const keyTallies = new Map();
  if (keyQuestion) {
    const rows = await read.rows(
      'answers',
      (where) => `SELECT ${grouping.column} AS d, num, COUNT(*) AS n FROM answers WHERE ${where} AND question_id = ? AND kind = ? AND ${minimumColumn} >= ? GROUP BY 1, num`,
      { after: [keyQuestion.id, keyQuestion.kind, grouping.minimum(firstDay)] },
    );
    for (const row of rows) {
      const day = grouping.dayOf(row.d);
      if (!keyTallies.has(day)) keyTallies.set(day, emptyTally());
      addToTally(keyTallies.get(day), row.num === null ? null : Number(row.num), Number(row.n));
    }
  }
  const days = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const key = keyQuestion ? summarizeTally(keyQuestion, keyTallies.get(day) ?? emptyTally()) : null;
    days.push({
      day: dayIsoOf(day),
      responses: perDay.get(day) ?? 0,
      keyValue: key ? QUESTION_KINDS[keyQuestion.kind].headline.value(key) : null,
      keyAnswers: key ? key.answers : 0,
    });
  }
  return { days, earlierResponses: totalResponses - days.reduce((sum, day) => sum + day.responses, 0) };
}

/**
 * The frequent terms in the text answers of unhappy versus happy respondents, per the key
 * question, in the TERMS_SAMPLE most recent text answers: one bounded read, then split by side.
 */
async function contrastTerms(read, keyQuestion, textQuestions) {
  const sentiment = keyQuestion && QUESTION_KINDS[keyQuestion.kind].sentiment;
  if (!sentiment || textQuestions.length === 0) return null;
  const ids = textQuestions.map((q) => q.id);
  const sample = await read.rows(
    'answers',
    (where) => `SELECT s.text AS text, r.locale AS locale, k.num AS num FROM
       (SELECT response_seq, updated_ms, text FROM answers WHERE ${where} AND kind = 'text' AND has_text = 1 AND question_id IN (${list(ids)})
        ORDER BY updated_ms DESC, response_seq ASC LIMIT ${TERMS_SAMPLE}) s
       JOIN responses r ON r.seq = s.response_seq
       LEFT JOIN answers k ON k.response_seq = s.response_seq AND k.question_id = ? AND k.kind = ?`,
    { after: [...ids, keyQuestion.id, keyQuestion.kind] },
  );
  const sampled = sample.length === TERMS_SAMPLE;
  const side = ({ label, min, max }) => {
    const texts = sample.filter((row) => row.num !== null && Number(row.num) >= min && Number(row.num) <= max);
    return { label, answers: texts.length, sampled, sample: TERMS_SAMPLE, ...frequentTerms(texts) };
  };
  const low = side(sentiment.low);
  const high = side(sentiment.high);
  return low.answers + high.answers === 0 ? null : { basis: sentiment.basis, low, high };
}

/** The scores of the known templates among the responses, in the order templates were first seen. */
async function scoreTemplatesOf(read, templates, templateTallies) {
  const scores = [];
  for (const template of templates.filter(isKnownTemplate)) {
    const scorer = TEMPLATE_SCORERS[template];
    if (scorer.perResponse) {
      const row = await read.one(
        'responses',
        (where) =>
          `SELECT COUNT(*) AS total, COUNT(instrument_score) AS scored, SUM(instrument_score) AS sum, SUM(instrument_score * instrument_score) AS squares FROM responses WHERE ${where} AND template = ?`,
        { after: [template] },
      );
      scores.push(
        templateScore(template, scorer.fromTotals({ total: Number(row.total), scored: Number(row.scored), sum: Number(row.sum ?? 0), sumOfSquares: Number(row.squares ?? 0) })),
      );
      continue;
    }
    if (scorer.fromAnswerCounts) {
      const rows = await read.rows(
        'answers',
        (where) =>
          `SELECT CASE WHEN text IN (${list(PMF_ANSWERS)}) THEN text END AS answer, COUNT(*) AS n FROM answers WHERE ${where} AND template = ? AND question_id = ? AND is_primary = 1 GROUP BY 1`,
        { before: PMF_ANSWERS, after: [template, scorer.questionId] },
      );
      const counts = new Map(rows.filter((row) => row.answer !== null).map((row) => [row.answer, Number(row.n)]));
      scores.push(
        templateScore(
          template,
          scorer.fromAnswerCounts(
            counts,
            rows.reduce((sum, row) => sum + Number(row.n), 0),
          ),
        ),
      );
      continue;
    }
    const tally = templateTallies.get(`${template}\u0000${scorer.questionId}`) ?? emptyTally();
    scores.push(templateScore(template, scorer.fromTally(tally)));
  }
  return scores;
}

/** How many responses `filter` selects (readable and real), how many are complete, and the first and last time. */
export async function countResponses(store, filter) {
  const read = reader(store, filter);
  const totals = await read.one('responses', (where) => `SELECT COUNT(*) AS n, SUM(completed) AS c FROM responses WHERE ${where}`);
  return { responses: Number(totals.n), completed: Number(totals.c ?? 0), ...(await span(read)) };
}

/** How many responses `filter` would select but cannot be shown (stored by an older collector without today's checks). */
export async function countUnreadable(store, filter) {
  const where = whereOf({ ...filter, counted: false }, store.engine);
  const row = (await store.query(`SELECT COUNT(*) AS n FROM responses WHERE ${where.sql} AND preview = 0 AND readable = 0`, where.params))[0];
  return Number(row.n);
}

/** The template scores alone (GET /api/earshot/scores). */
export async function scoreTemplatesIn(store, filter) {
  const read = reader(store, filter);
  const templates = templatesOf(await questionSetsAndTemplates(read));
  return scoreTemplatesOf(read, templates, (await answerCounts(read)).byTemplate);
}

/** The first and last creation time of the responses (each one index lookup). */
async function span(read) {
  const first = await read.one('responses', (where) => `SELECT MIN(created_ms) AS ms FROM responses WHERE ${where}`);
  const last = await read.one('responses', (where) => `SELECT MAX(created_ms) AS ms FROM responses WHERE ${where}`);
  return { firstMs: first.ms === null ? null : Number(first.ms), lastMs: last.ms === null ? null : Number(last.ms) };
}

/**
 * Everything the results page shows for the responses `filter` selects (one survey's, with
 * `filter.surveyId`): what renderResultsPage reads. Times are the collector's, as ISO strings in UTC.
 */
export async function summarizeSurvey(store, filter, { by = null, zone = UTC, search = null, commentsPage = 0 } = {}) {
  const read = reader(store, filter);
  // Reads that do not depend on one another are started together: PostgreSQL runs them on
  // connections of their own, on as many cores as it has (better-sqlite3 runs them one by one, as
  // before). Each is still one indexed aggregate.
  const [journeyPoints, timeSpan, setsAndTemplates, { byKey: counts, byTemplate }, pageGroups] = await Promise.all([
    segmentGroups(read, JOURNEY_POINT),
    span(read),
    questionSetsAndTemplates(read),
    answerCounts(read),
    segmentGroups(read, PAGE),
  ]);
  const totals = { responses: journeyPoints.responses, completed: journeyPoints.completed, ...timeSpan };
  const { questions, leftOut: questionsLeftOut } = await collectQuestions(read, setsAndTemplates);
  const scoredQuestions = questions.filter((q) => QUESTION_KINDS[q.kind]?.summarizeTally);
  const keyQuestion = KEY_KIND_PRIORITY.map((kind) => questions.find((q) => q.kind === kind)).find(Boolean) ?? null;
  const keyResult = keyQuestion ? summarizeTally(keyQuestion, tallyFor(counts, keyQuestion)) : null;
  // A text with a format (an e-mail, a phone, a date…) is listed, never counted into words.
  const textQuestions = questions.filter((q) => q.kind === 'text' && q.format === undefined);
  const templates = templatesOf(setsAndTemplates);
  const summarized = [];
  for (const question of questions) {
    let result;
    if (question.kind === 'text') result = await summarizeText(read, question, counts, keyQuestion, keyResult, { search, page: commentsPage });
    else if (question.kind === 'choice') result = await summarizeChoice(read, question, counts);
    else if (question.kind === 'matrix') result = summarizeMatrix(question, counts);
    else if (question.kind === 'ranking') result = await summarizeRanking(read, question, counts);
    else if (question.kind === 'slider') result = await summarizeSlider(read, question, counts);
    else if (question.kind === 'cta') result = await summarizeCta(read, question, counts, totals.completed);
    else if (!QUESTION_KINDS[question.kind]?.summarizeTally) result = { answers: counts.get(question.key)?.total ?? 0, unknownKind: true };
    else result = question === keyQuestion ? keyResult : summarizeTally(question, tallyFor(counts, question));
    summarized.push({ ...question, result });
  }
  const [funnel, templateScores, trend, journeyPointRows, pageRows, breakdown, terms] = await Promise.all([
    funnelOf(store, filter, {
      started: totals.responses,
      completed: totals.completed,
      questions,
      answeredOf: (question) => counts.get(question.key)?.total ?? 0,
      segments: journeyPoints.groups,
    }),
    scoreTemplatesOf(read, templates, byTemplate),
    totals.responses === 0 ? { days: [], earlierResponses: 0 } : dailyTrend(read, totals.responses, totals.firstMs, totals.lastMs, keyQuestion, zone),
    compareSegments(read, JOURNEY_POINT, journeyPoints, counts, scoredQuestions, keyQuestion, (n) => `${n} other journey points`),
    compareSegments(read, PAGE, pageGroups, counts, scoredQuestions, keyQuestion, (n) => `${n} other pages`),
    by === null ? null : breakdownBy(read, store.engine, by, counts, scoredQuestions, keyQuestion),
    contrastTerms(read, keyQuestion, textQuestions),
  ]);
  return {
    surveyId: filter.surveyId,
    funnel,
    templates,
    templateScores,
    responses: totals.responses,
    completed: totals.completed,
    partial: totals.responses - totals.completed,
    firstAt: totals.firstMs === null ? null : isoOf(totals.firstMs),
    lastAt: totals.lastMs === null ? null : isoOf(totals.lastMs),
    questionsLeftOut,
    questions: summarized,
    keyQuestionKey: keyQuestion?.key ?? null,
    scoredQuestionKeys: scoredQuestions.map((q) => q.key),
    timeZone: zone,
    trend,
    journeyPoints: journeyPointRows,
    pages: pageRows,
    breakdown,
    terms,
  };
}
