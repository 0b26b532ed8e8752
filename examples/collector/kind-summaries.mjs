// The figures of the kinds of issue #22 on the results page, each from rows the store keeps
// (answer-rows.mjs): a matrix's rows (one answer row per statement) counted per column value; a
// ranking's picks in ranked order (average rank, first-choice share); a slider's values (as picks:
// the histogram, the median and the average); a call to action's clicks against the responses
// that reached it. Text formats and picture choices are texts and choices.
import { MATRIX_ROW_KIND, matrixRowId } from './answer-rows.mjs';
import { meanMargin, shareMargin } from './margins.mjs';
import { emptyTally } from './scoring.mjs';

/** Bars a slider's histogram draws at most: past it, values share equal-width bins. */
export const SLIDER_BINS = 10;
const percentOf = (part, whole) => (whole === 0 ? null : (part / whole) * 100);

/** Per statement: answers per column value (the columns the response described, lowest first), and the average. */
export function summarizeMatrix(question, counts) {
  const columns = Array.isArray(question.columns) ? question.columns : [];
  const rows = (Array.isArray(question.rows) ? question.rows : []).map((row) => {
    const tally = counts.get(`${matrixRowId(question.id, row.id)}:${MATRIX_ROW_KIND}`)?.tally ?? emptyTally();
    const valid = new Set(columns.map((column) => column.value));
    let answers = 0;
    let sum = 0;
    let squares = 0;
    const perColumn = columns.map((column) => {
      const count = tally.counts.get(column.value) ?? 0;
      answers += count;
      sum += count * column.value;
      squares += count * column.value * column.value;
      return { value: column.value, label: column.label, count };
    });
    const ignored = tally.other + [...tally.counts].filter(([value]) => !valid.has(value)).reduce((total, [, count]) => total + count, 0);
    return { id: row.id, label: row.label, answers, ignored, columns: perColumn, average: answers === 0 ? null : sum / answers, margin: meanMargin(answers, sum, squares) };
  });
  return { answers: counts.get(question.key)?.total ?? 0, rows, columns };
}

/** Per option: its average rank (1 is first) with its margin, and the share of answers that ranked it first; best first. */
export async function summarizeRanking(read, question, counts) {
  const picked = counts.get(question.key)?.picked ?? 0;
  const rows = await read.rows(
    'choice_picks',
    (where) => `SELECT option, COUNT(*) AS n, SUM(position) AS s, SUM(position * position) AS q, SUM(CASE WHEN position = 0 THEN 1 ELSE 0 END) AS f
      FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ? AND option IS NOT NULL GROUP BY option`,
    { after: [question.id, question.kind] },
  );
  const labels = new Map((Array.isArray(question.options) ? question.options : []).map((option) => [option.id, option.label]));
  const options = rows
    .map((row) => {
      const [n, s, q, f] = [row.n, row.s, row.q, row.f].map(Number);
      // Ranks are positions + 1: the sum of ranks is s + n, of squared ranks q + 2s + n.
      return {
        option: row.option,
        label: labels.get(row.option) ?? row.option,
        answers: n,
        averageRank: (s + n) / n,
        margin: meanMargin(n, s + n, q + 2 * s + n),
        first: f,
        firstShare: percentOf(f, picked),
        firstMargin: shareMargin(f, picked),
      };
    })
    .sort((a, b) => a.averageRank - b.averageRank || b.first - a.first || a.option.localeCompare(b.option));
  return { answers: picked, options };
}

/** A slider's values: the histogram (each value, or SLIDER_BINS bins when there are more), the median and the average. */
export async function summarizeSlider(read, question, counts) {
  const rows = await read.rows(
    'choice_picks',
    (where) => `SELECT option, COUNT(*) AS n FROM choice_picks WHERE ${where} AND question_id = ? AND kind = ? AND option IS NOT NULL GROUP BY option`,
    { after: [question.id, question.kind] },
  );
  const values = rows.map((row) => ({ value: Number(row.option), count: Number(row.n) })).sort((a, b) => a.value - b.value);
  const answers = values.reduce((total, v) => total + v.count, 0);
  const sum = values.reduce((total, v) => total + v.value * v.count, 0);
  const squares = values.reduce((total, v) => total + v.value * v.value * v.count, 0);
  const valueAt = (index) => {
    let seen = 0;
    for (const v of values) {
      seen += v.count;
      if (index < seen) return v.value;
    }
    return null;
  };
  // The median: the middle value, or the mean of the two middle ones.
  const median = answers === 0 ? null : answers % 2 === 1 ? valueAt((answers - 1) / 2) : (valueAt(answers / 2 - 1) + valueAt(answers / 2)) / 2;
  const min = Number.isFinite(question.min) ? question.min : (values[0]?.value ?? 0);
  const max = Number.isFinite(question.max) ? question.max : (values.at(-1)?.value ?? 0);
  let bins;
  if (values.length <= SLIDER_BINS) bins = values.map((v) => ({ from: v.value, to: v.value, count: v.count }));
  else {
    const width = (max - min) / SLIDER_BINS || 1;
    bins = Array.from({ length: SLIDER_BINS }, (_, i) => ({ from: min + i * width, to: i === SLIDER_BINS - 1 ? max : min + (i + 1) * width, count: 0 }));
    for (const v of values) bins[Math.min(SLIDER_BINS - 1, Math.max(0, Math.floor((v.value - min) / width)))].count += v.count;
  }
  return {
    answers,
    ignored: (counts.get(question.key)?.total ?? 0) - answers,
    min,
    max,
    median,
    average: answers === 0 ? null : sum / answers,
    margin: meanMargin(answers, sum, squares),
    bins,
    binned: values.length > SLIDER_BINS,
  };
}

/**
 * A call to action's click-through rate: clicks ÷ the responses that reached it. A skipped call to
 * action leaves no trace in a response, so those that reached it are the completed responses and
 * the partial ones that clicked.
 */
export async function summarizeCta(read, question, counts, completed) {
  const clicks = counts.get(question.key)?.total ?? 0;
  const partialClicks = Number(
    (
      await read.one(
        'answers',
        (where) => `SELECT COUNT(*) AS n FROM answers WHERE ${where} AND question_id = ? AND kind = ? AND response_seq IN (SELECT seq FROM responses WHERE completed = 0)`,
        { after: [question.id, question.kind] },
      )
    ).n,
  );
  const reached = completed + partialClicks;
  return { answers: clicks, clicks, reached, rate: percentOf(clicks, reached), margin: shareMargin(clicks, reached) };
}
