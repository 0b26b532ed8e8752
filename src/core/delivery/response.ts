import { createId } from '../id.js';
import { UNDETERMINED_LOCALE, canonicalLocale } from '../locale-tag.js';
import { clip, fitUser } from './collector-caps.js';
import { DEFAULT_TEXT_MAX_LENGTH, kindOf } from '../definition/question-kinds.js';
import type { Answer, Answers, Context, Question, QuestionRecord, Survey, SurveyResponse, TextQuestion, TrackedEventRecord, Trigger, TriggerRecord, User } from '../types.js';
import { SDK_VERSION } from '../version.js';

export interface ResponseContext {
  /** Its texts as shown (in its locale, with recalled values). */
  survey: Survey;
  trigger: TriggerRecord;
  locale: string;
  user?: User;
  /** Answered in a preview: the collector must not count it as a real response. */
  preview?: boolean;
  firedBy?: Trigger;
  label?: string;
  event?: TrackedEventRecord;
  context?: Context;
  /** `pageUrl: "full"`: keep query strings and fragments. */
  fullUrls?: boolean;
}

/** A page address as sent: without its query string and fragment (they often carry names, e-mails or tokens) unless asked. */
const address = (url: string, full?: boolean) => clip(full ? url : url.replace(/[?#][^]*/, ''));

/** The first version of a response, made at the visitor's first answer; its id never changes. */
export function createResponse(context: ResponseContext, answers: Answers, completed: boolean, now = new Date()): SurveyResponse {
  const stamp = now.toISOString();
  return {
    id: createId(),
    surveyId: context.survey.id,
    ...(context.survey.template && { template: context.survey.template }),
    completed,
    ...describeAnswers(context.survey, answers),
    createdAt: stamp,
    updatedAt: stamp,
    // What comes from the page rather than a validated definition is brought within the
    // collector's caps, so that one page cannot get a whole batch refused for good.
    page: { url: address(location.href, context.fullUrls), referrer: address(document.referrer, context.fullUrls) },
    trigger: context.trigger,
    ...(context.firedBy && { firedBy: context.firedBy }),
    ...(context.label && { label: context.label }),
    ...(context.event && { event: context.event }),
    ...(context.context && Object.keys(context.context).length && { context: context.context }),
    ...(context.user && { user: fitUser(context.user) }),
    locale: canonicalLocale(context.locale) ?? UNDETERMINED_LOCALE,
    sdk: { name: 'earshot', version: SDK_VERSION },
    ...(context.preview && { preview: true as const }),
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
    // Typed text cut to its limit: `maxlength` only stops typing, and a script can set a field's
    // value past it, so the collector could otherwise receive any length.
    answers: Object.fromEntries(answered.map((question) => [question.id, cut(answers[question.id], (question as TextQuestion).maxLength ?? DEFAULT_TEXT_MAX_LENGTH)])),
    questions: answered.map(describeQuestion),
  };
}

/** A copy of an answer with its texts (a text answer, an "Other" text) at most `max` long; a matrix's or a call to action's has none. */
function cut(value: Answer, max: number): Answer {
  if (typeof value == 'string') return value.slice(0, max);
  if (Array.isArray(value)) return value.map((item) => cut(item, max)) as Answer;
  return typeof value == 'object' && 'other' in value ? { other: cut(value.other, max) as string } : value;
}

function describeQuestion(question: Question): QuestionRecord {
  const { id, type } = question;
  // The controller localizes a survey before showing it: by now each text is the one shown.
  const text = question.text as string;
  return { id, type, text, ...kindOf(question).record?.(question) };
}
