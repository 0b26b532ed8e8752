// Turns the stored responses of one survey into what the results page shows: counts, a summary
// per question, a daily trend, the scores per journey point and per page, and the words that set
// unhappy answers apart from happy ones. It needs no survey definitions: each response's
// `questions` says what kind every answer is.
import { dayOf } from './format.mjs';
import { frequentTerms } from './frequent-terms.mjs';
import { describeTrigger, pageOf } from './journey-point.mjs';
import { KEY_KIND_PRIORITY, QUESTION_KINDS } from './question-kinds.mjs';
import { scoreTemplates } from './template-scores.mjs';

/** The trend covers at most this many days, ending on the day of the latest response. */
export const MAX_TREND_DAYS = 60;
/** Text answers listed per question, newest first; the CSV export has all of them. */
export const MAX_TEXT_ANSWERS_LISTED = 50;
/** Questions summarized per survey (a survey has at most 50; more come from many versions, or from abuse). */
export const MAX_QUESTIONS_SUMMARIZED = 100;
const MAX_QUESTIONS_LEFT_OUT_COUNTED = 10_000;
/** Rows per comparison table (journey points, pages); the rest share one row. */
export const MAX_SEGMENTS_SHOWN = 25;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The questions the responses describe, in survey order, at most MAX_QUESTIONS_SUMMARIZED. A
 * question is identified by id and kind together, so a question whose kind changed between survey
 * versions is summarised apart rather than mixed. The text shown is the one from the latest
 * response that describes it.
 */
function collectQuestions(responses) {
  const order = [];
  const byKey = new Map();
  // Counted up to a bound of its own, so a flood of made-up questions costs no memory either.
  const leftOut = new Set();
  for (const response of responses) {
    let previousAt = -1;
    for (const question of response.questions) {
      const key = keyOf(question.id, question.type);
      let at = byKey.has(key) ? order.indexOf(key) : -1;
      if (at === -1) {
        if (order.length >= MAX_QUESTIONS_SUMMARIZED) {
          if (leftOut.size < MAX_QUESTIONS_LEFT_OUT_COUNTED) leftOut.add(key);
          continue;
        }
        at = previousAt + 1;
        order.splice(at, 0, key);
      }
      previousAt = at;
      byKey.set(key, { key, id: question.id, kind: question.type, text: question.text, scale: question.scale, style: question.style });
    }
  }
  return { questions: order.map((key) => byKey.get(key)), leftOut: leftOut.size };
}

const keyOf = (id, kind) => `${id}:${kind}`;
/** Per response, the keys of the questions it describes: looked up once per answer read. */
const describedKeys = new WeakMap();

/** The response's answer to `question`, if the response describes that question as that kind. */
function answerOf(response, question) {
  let keys = describedKeys.get(response);
  if (!keys) {
    keys = new Set(response.questions.map((q) => keyOf(q.id, q.type)));
    describedKeys.set(response, keys);
  }
  return keys.has(question.key) && Object.hasOwn(response.answers, question.id) ? response.answers[question.id] : undefined;
}

function answersTo(question, responses) {
  return responses.map((response) => answerOf(response, question)).filter((answer) => answer !== undefined);
}

function summarizeScored(question, responses) {
  return QUESTION_KINDS[question.kind].summarize(answersTo(question, responses), question);
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (groups.has(key)) groups.get(key).push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const newestFirst = (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);

/** "NPS 9" for the key question's answer in this response, or null. */
function keyAnswerIn(response, keyQuestion, keyResult) {
  if (!keyQuestion) return null;
  const answer = answerOf(response, keyQuestion);
  const { summarize, describeAnswer } = QUESTION_KINDS[keyQuestion.kind];
  // Only an answer the key question's summary would count is worth quoting.
  return answer !== undefined && summarize([answer], keyQuestion).answers === 1 ? describeAnswer(answer, keyResult) : null;
}

function summarizeText(question, responses, keyQuestion, keyResult) {
  const answered = responses.filter((r) => typeof answerOf(r, question) === 'string' && answerOf(r, question).trim() !== '').sort(newestFirst);
  return {
    answers: answered.length,
    items: answered.slice(0, MAX_TEXT_ANSWERS_LISTED).map((response) => ({
      text: answerOf(response, question),
      at: response.updatedAt,
      keyAnswer: keyAnswerIn(response, keyQuestion, keyResult),
      journeyPoint: describeTrigger(response.trigger),
      page: pageOf(response.page.url),
    })),
  };
}

/** One entry per UTC day from the first response (at most MAX_TREND_DAYS back) to the latest. */
function dailyTrend(responses, keyQuestion) {
  if (responses.length === 0) return { days: [], earlierResponses: 0 };
  const byDay = groupBy(responses, (r) => dayOf(r.createdAt));
  const sortedDays = [...byDay.keys()].sort();
  const lastTime = Date.parse(sortedDays.at(-1));
  const firstTime = Math.max(Date.parse(sortedDays[0]), lastTime - (MAX_TREND_DAYS - 1) * DAY_MS);
  const days = [];
  for (let time = firstTime; time <= lastTime; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    const ofDay = byDay.get(day) ?? [];
    const key = keyQuestion ? summarizeScored(keyQuestion, ofDay) : null;
    days.push({
      day,
      responses: ofDay.length,
      keyValue: key ? QUESTION_KINDS[keyQuestion.kind].headline.value(key) : null,
      keyAnswers: key ? key.answers : 0,
    });
  }
  const firstDay = days[0].day;
  return { days, earlierResponses: responses.filter((r) => dayOf(r.createdAt) < firstDay).length };
}

/**
 * Responses grouped by `labelOf`, each group with the headline of every scored question. Groups
 * with the worst key score come first, since the point is to find where customers feel worst.
 */
function compareSegments(responses, labelOf, scoredQuestions, keyQuestion, othersLabel) {
  const keyIndex = scoredQuestions.indexOf(keyQuestion);
  const groups = [...groupBy(responses, labelOf)].sort((a, b) => b[1].length - a[1].length);
  if (groups.length > MAX_SEGMENTS_SHOWN) {
    const rest = groups.splice(MAX_SEGMENTS_SHOWN - 1);
    groups.push([othersLabel(rest.length), rest.flatMap(([, members]) => members)]);
  }
  const segments = groups.map(([label, members]) => ({
    label,
    responses: members.length,
    completed: members.filter((r) => r.completed).length,
    metrics: scoredQuestions.map((question) => {
      const result = summarizeScored(question, members);
      return { value: QUESTION_KINDS[question.kind].headline.value(result), answers: result.answers };
    }),
  }));
  const keyValue = (segment) => (keyIndex === -1 ? null : segment.metrics[keyIndex].value);
  return segments.sort((a, b) => {
    const [va, vb] = [keyValue(a), keyValue(b)];
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return va - vb;
    }
    return b.responses - a.responses || a.label.localeCompare(b.label);
  });
}

/** The frequent terms in the text answers of unhappy versus happy respondents, per the key question. */
function contrastTerms(responses, keyQuestion, textQuestions) {
  const sentiment = keyQuestion && QUESTION_KINDS[keyQuestion.kind].sentiment;
  if (!sentiment || textQuestions.length === 0) return null;
  const side = ({ label, holds }) => {
    const texts = responses
      .filter((response) => {
        const answer = answerOf(response, keyQuestion);
        return Number.isInteger(answer) && holds(answer);
      })
      .flatMap((response) =>
        textQuestions
          .map((question) => answerOf(response, question))
          .filter((text) => typeof text === 'string' && text.trim() !== '')
          .map((text) => ({ text, locale: response.locale })),
      );
    return { label, answers: texts.length, ...frequentTerms(texts) };
  };
  const low = side(sentiment.low);
  const high = side(sentiment.high);
  return low.answers + high.answers === 0 ? null : { basis: sentiment.basis, low, high };
}

/** The earliest and latest of `times` (ISO strings), without sorting them all. */
function spanOf(times) {
  let first = null;
  let last = null;
  for (const time of times) {
    if (first === null || time < first) first = time;
    if (last === null || time > last) last = time;
  }
  return { first, last };
}

/**
 * Everything the results page shows for one survey. `responses` are that survey's stored responses
 * as readable-response.mjs gives them (checked, with the collector's times as ISO strings in UTC,
 * so they compare as text).
 */
export function summarizeSurvey(surveyId, responses) {
  const { questions, leftOut: questionsLeftOut } = collectQuestions(responses);
  const span = spanOf(responses.map((r) => r.createdAt));
  const scoredQuestions = questions.filter((q) => QUESTION_KINDS[q.kind].headline);
  const keyQuestion = KEY_KIND_PRIORITY.map((kind) => questions.find((q) => q.kind === kind)).find(Boolean) ?? null;
  const keyResult = keyQuestion ? summarizeScored(keyQuestion, responses) : null;
  const textQuestions = questions.filter((q) => q.kind === 'text');
  const completed = responses.filter((r) => r.completed).length;
  return {
    surveyId,
    templates: [...new Set(responses.map((r) => r.template).filter(Boolean))],
    templateScores: scoreTemplates(responses),
    responses: responses.length,
    completed,
    partial: responses.length - completed,
    firstAt: span.first,
    lastAt: span.last,
    questionsLeftOut,
    questions: questions.map((question) => ({
      ...question,
      result:
        question.kind === 'text'
          ? summarizeText(question, responses, keyQuestion, keyResult)
          : question === keyQuestion
            ? keyResult
            : summarizeScored(question, responses),
    })),
    keyQuestionKey: keyQuestion?.key ?? null,
    scoredQuestionKeys: scoredQuestions.map((q) => q.key),
    trend: dailyTrend(responses, keyQuestion),
    journeyPoints: compareSegments(responses, (r) => describeTrigger(r.trigger), scoredQuestions, keyQuestion, (n) => `${n} other journey points`),
    pages: compareSegments(responses, (r) => pageOf(r.page.url), scoredQuestions, keyQuestion, (n) => `${n} other pages`),
    terms: contrastTerms(responses, keyQuestion, textQuestions),
  };
}
