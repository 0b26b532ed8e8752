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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The questions the responses describe, in survey order. A question is identified by id and kind
 * together, so a question whose kind changed between survey versions is summarised apart rather
 * than mixed. The text shown is the one from the latest response that describes it.
 */
function collectQuestions(responses) {
  const order = [];
  const byKey = new Map();
  for (const response of responses) {
    let previousAt = -1;
    for (const question of response.questions) {
      const key = `${question.id}:${question.type}`;
      let at = order.indexOf(key);
      if (at === -1) {
        at = previousAt + 1;
        order.splice(at, 0, key);
      }
      previousAt = at;
      byKey.set(key, { key, id: question.id, kind: question.type, text: question.text, scale: question.scale, style: question.style });
    }
  }
  return order.map((key) => byKey.get(key));
}

/** The response's answer to `question`, if the response describes that question as that kind. */
function answerOf(response, question) {
  const described = response.questions.some((q) => q.id === question.id && q.type === question.kind);
  return described ? response.answers[question.id] : undefined;
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
function compareSegments(responses, labelOf, scoredQuestions, keyQuestion) {
  const keyIndex = scoredQuestions.indexOf(keyQuestion);
  const segments = [...groupBy(responses, labelOf)].map(([label, members]) => ({
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

/** Everything the results page shows for one survey. `responses` are that survey's stored responses. */
export function summarizeSurvey(surveyId, responses) {
  const questions = collectQuestions(responses);
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
    firstAt: responses.map((r) => r.createdAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
    lastAt: responses.map((r) => r.createdAt).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null,
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
    journeyPoints: compareSegments(responses, (r) => describeTrigger(r.trigger), scoredQuestions, keyQuestion),
    pages: compareSegments(responses, (r) => pageOf(r.page.url), scoredQuestions, keyQuestion),
    terms: contrastTerms(responses, keyQuestion, textQuestions),
  };
}
