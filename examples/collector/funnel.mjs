// The response funnel of one survey: shown (impressions.mjs) → started (a response exists once the
// visitor gives a first answer) → completed, with each step's rate and how many answered each
// question in survey order (the drop-off), overall and per journey point. Impressions carry the
// survey, the time and the journey point only, so a filter on anything else (page, context, score
// group) cannot narrow them: the funnel then says so and leaves the shown step out.

/** The filter fields impressions can be narrowed by. */
const IMPRESSION_FILTERS = new Set(['surveyId', 'from', 'to', 'journeyPoint']);

/** Whether `filter` narrows responses by something impressions do not carry. */
export function narrowsBeyondImpressions(filter) {
  return Object.entries(filter).some(([key, value]) => !IMPRESSION_FILTERS.has(key) && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0));
}

const rateOf = (part, whole) => (whole > 0 ? (part / whole) * 100 : null);

/** Shown and dismissed counts per journey point for `filter` (one GROUP BY on the impressions index). */
async function impressionCounts(store, filter) {
  const conditions = [
    ['survey_id = ?', filter.surveyId],
    ['at_ms >= ?', filter.from],
    ['at_ms < ?', filter.to],
    ['journey_point = ?', filter.journeyPoint],
  ].filter(([, value]) => value !== null && value !== undefined);
  const parts = conditions.map(([sql]) => sql);
  const params = conditions.map(([, value]) => value);
  const rows = await store.query(`SELECT journey_point, type, COUNT(*) AS n FROM impressions WHERE ${parts.join(' AND ')} GROUP BY type, journey_point`, params);
  const byPoint = new Map();
  for (const row of rows) {
    const counts = byPoint.get(row.journey_point) ?? { shown: 0, dismissed: 0 };
    if (row.type === 'shown' || row.type === 'dismissed') counts[row.type] += Number(row.n);
    byPoint.set(row.journey_point, counts);
  }
  return byPoint;
}

/**
 * The funnel: `{ comparable, shown, dismissed, started, completed, startRate, completionRate,
 * questions: [{ key, id, kind, text, answered, dropped }], journeyPoints: [{ label, shown, started,
 * completed, startRate, completionRate }] }`. `questions` are the survey's in order with their
 * answer counts (`answeredOf(question)`); `segments` are the response groups by journey point.
 */
export async function funnelOf(store, filter, { started, completed, questions, answeredOf, segments }) {
  const comparable = !narrowsBeyondImpressions(filter);
  const impressions = comparable ? await impressionCounts(store, filter) : new Map();
  const sum = (field) => [...impressions.values()].reduce((total, counts) => total + counts[field], 0);
  const shown = comparable ? sum('shown') : null;
  let previous = started;
  const steps = questions.map((question) => {
    const answered = answeredOf(question);
    const step = { key: question.key, id: question.id, kind: question.kind, text: question.text, answered, share: rateOf(answered, started), dropped: previous - answered };
    previous = answered;
    return step;
  });
  const labels = [...new Set([...segments.map((segment) => segment.label), ...impressions.keys()])];
  const startedBy = new Map(segments.map((segment) => [segment.label, segment]));
  const journeyPoints = labels
    .map((label) => {
      const group = startedBy.get(label);
      const groupStarted = group ? Number(group.n) : 0;
      const groupCompleted = group ? Number(group.c ?? 0) : 0;
      const groupShown = comparable ? (impressions.get(label)?.shown ?? 0) : null;
      return {
        label,
        shown: groupShown,
        started: groupStarted,
        completed: groupCompleted,
        startRate: comparable ? rateOf(groupStarted, groupShown) : null,
        completionRate: rateOf(groupCompleted, groupStarted),
      };
    })
    .sort((a, b) => (b.shown ?? 0) - (a.shown ?? 0) || b.started - a.started || a.label.localeCompare(b.label));
  return {
    comparable,
    shown,
    dismissed: comparable ? sum('dismissed') : null,
    started,
    completed,
    startRate: comparable ? rateOf(started, shown) : null,
    completionRate: rateOf(completed, started),
    questions: steps,
    journeyPoints,
  };
}
