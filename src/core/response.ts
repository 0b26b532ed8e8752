import { createId } from './id.js';
import { DEFAULT_RATING_SCALE, DEFAULT_TEXT_MAX_LENGTH } from './question-kinds.js';
import type { Answer, Answers, Question, QuestionRecord, Survey, SurveyResponse, TriggerRecord, User } from './types.js';
import { SDK_VERSION } from './version.js';

export interface ResponseContext {
  survey: Survey;
  trigger: TriggerRecord;
  locale: string;
  user?: User;
}

/** The first version of a response, made at the visitor's first answer; its id never changes. */
export function createResponse(context: ResponseContext, answers: Answers, completed: boolean, now = new Date()): SurveyResponse {
  const stamp = now.toISOString();
  return {
    id: createId(),
    surveyId: context.survey.id,
    completed,
    ...describeAnswers(context.survey, answers),
    createdAt: stamp,
    updatedAt: stamp,
    page: { url: location.href, referrer: document.referrer },
    trigger: context.trigger,
    ...(context.user && { user: context.user }),
    locale: context.locale,
    sdk: { name: 'earshot', version: SDK_VERSION },
  };
}

/**
 * The next version of a response. `updatedAt` strictly increases, even within one millisecond,
 * so it tells versions apart (the outbox deletes only the version that was delivered).
 */
export function reviseResponse(previous: SurveyResponse, survey: Survey, answers: Answers, completed: boolean, now = new Date()): SurveyResponse {
  return {
    ...previous,
    ...describeAnswers(survey, answers),
    completed: previous.completed || completed,
    updatedAt: new Date(Math.max(now.getTime(), Date.parse(previous.updatedAt) + 1)).toISOString(),
  };
}

/** The answers, and a description of each answered question so a collector needs no survey definitions. */
function describeAnswers(survey: Survey, answers: Answers): { answers: Answers; questions: QuestionRecord[] } {
  const answered = survey.questions.filter((question) => answers[question.id] !== undefined);
  return {
    answers: Object.fromEntries(answered.map((question) => [question.id, withinLimits(question, structuredClone(answers[question.id]))])),
    questions: answered.map(describeQuestion),
  };
}

/**
 * Typed text cut to its question's limit: `maxlength` only stops typing, and a script can set a
 * field's value past it, so the collector could otherwise receive any length.
 */
function withinLimits(question: Question, value: Answer): Answer {
  if (typeof value === 'string') return question.type === 'text' ? value.slice(0, question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH) : value;
  const cut = (item: Answer): Answer => (typeof item === 'object' && item !== null && 'other' in item ? { other: item.other.slice(0, DEFAULT_TEXT_MAX_LENGTH) } : item);
  return Array.isArray(value) ? (value.map(cut) as Answer) : cut(value);
}

function describeQuestion(question: Question): QuestionRecord {
  const { id, type, text } = question;
  // A rating's meaning depends on its scale and look; other kinds have fixed ones.
  return type === 'rating' ? { id, type, text, scale: question.scale ?? DEFAULT_RATING_SCALE, style: question.style ?? 'numbers' } : { id, type, text };
}
