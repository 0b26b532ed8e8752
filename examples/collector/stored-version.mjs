// One version of a response as the store keeps it: the response as delivered (its locale made
// canonical), with the collector's own times and the columns results are computed from in SQL:
// the journey point and page as the results page names them, the template, the question set, the
// per-response score of SUS and UMUX-Lite, `context` and `event` (docs/architecture.md §3), and one answer
// row per answered question (answer-rows.mjs).
import { createHash } from 'node:crypto';
import { answerRowsOf, questionsDescribed } from './answer-rows.mjs';
import { collectorTimes, parseDateTime } from './client-time.mjs';
import { journeyPointOf, pageOf } from './journey-point.mjs';
import { canonicalLocale } from './locale.mjs';
import { instrumentScoreOf } from './template-scores.mjs';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day (days since 1970-01-01) of a time in ms: the trend's and the date filter's unit. */
export const dayNumberOf = (ms) => Math.floor(ms / DAY_MS);

/** A question set: the questions a response describes, as the summary reads them, and its hash. */
export function questionSetOf(questions) {
  const json = JSON.stringify(questionsDescribed(questions));
  return { hash: createHash('sha256').update(json).digest('base64url').slice(0, 32), json };
}

/**
 * The columns of one response (`response` as delivered, or as an older collector stored it) with
 * the collector's times `times` (client-time.mjs). Preview responses get no answer rows: results
 * never count them.
 */
export function columnsOf(response, times) {
  const preview = response.preview === true;
  const questionSet = questionSetOf(response.questions);
  const base = {
    journeyPoint: journeyPointOf(response),
    pagePath: typeof response.page?.url === 'string' ? pageOf(response.page.url) : '',
    createdMs: times.createdMs,
    updatedMs: times.updatedMs,
    day: dayNumberOf(times.createdMs),
  };
  return {
    id: response.id,
    surveyId: response.surveyId,
    completed: response.completed ? 1 : 0,
    preview: preview ? 1 : 0,
    userId: typeof response.user?.id === 'string' ? response.user.id : null,
    template: typeof response.template === 'string' ? response.template : null,
    locale: canonicalLocale(response.locale),
    ...base,
    questionSet,
    instrumentScore: instrumentScoreOf(response),
    eventName: typeof response.event?.name === 'string' ? response.event.name : null,
    event: response.event === undefined ? null : JSON.stringify(response.event),
    context: response.context === undefined ? null : JSON.stringify(response.context),
    answers: preview ? [] : answerRowsOf(response),
  };
}

/**
 * The versions of a checked batch (ingestion-rules.mjs) ready to store, in batch order.
 * `receivedMs` is the collector's clock when the batch arrived.
 */
export function toStoredVersions(batch, receivedMs) {
  const sentMs = parseDateTime(batch.sentAt);
  return batch.responses.map((response) => {
    const body = { ...response, locale: canonicalLocale(response.locale) };
    const times = collectorTimes({ createdMs: parseDateTime(response.createdAt), updatedMs: parseDateTime(response.updatedAt), sentMs, receivedMs });
    return { ...columnsOf(body, times), ...times, receivedMs, readable: 1, body: JSON.stringify(body) };
  });
}
