import { createId } from './id.js';
import { DEFAULT_RATING_SCALE } from './question-kinds.js';
import type { Answers, Question, QuestionRecord, Survey, SurveyResponse, TriggerRecord, User } from './types.js';
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
  return {
    answers: structuredClone(answers),
    questions: survey.questions.filter((question) => answers[question.id] !== undefined).map(describeQuestion),
  };
}

function describeQuestion(question: Question): QuestionRecord {
  const { id, type } = question;
  // The controller localizes a survey before showing it: by now each text is the one shown.
  const text = question.text as string;
  // A rating's meaning depends on its scale and look; other kinds have fixed ones.
  return type === 'rating' ? { id, type, text, scale: question.scale ?? DEFAULT_RATING_SCALE, style: question.style ?? 'numbers' } : { id, type, text };
}
