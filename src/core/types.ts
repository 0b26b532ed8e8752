/** A journey point that makes a survey appear. */
export interface EventTrigger {
  /** Name passed to `earshot.track(name)`. */
  event: string;
}

/** Triggers supported by this version; more kinds arrive with targeting. */
export type Trigger = EventTrigger;

/** What the collector is told about why a survey showed. */
export type TriggerRecord = Trigger | { manual: true };

/** Comparison on an earlier answer that decides whether a question is asked. */
export interface AnswerRule {
  /** Id of an earlier question in the same survey. */
  question: string;
  eq?: AnswerValue;
  neq?: AnswerValue;
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  in?: AnswerValue[];
  /** `true`: asked only if that question was answered; `false`: only if it was skipped. */
  answered?: boolean;
}

interface QuestionBase {
  /** Unique within its survey; the key of the answer. */
  id: string;
  /** The question as the visitor reads it. */
  text: string;
  /** A visitor may skip an optional question. Default: `false`. */
  optional?: boolean;
  /** Ask only when this rule holds on an earlier answer. */
  if?: AnswerRule;
}

/** Net Promoter Score: 0–10. */
export interface NpsQuestion extends QuestionBase {
  type: 'nps';
}

/** Open text answer. */
export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Default 1000 characters. */
  maxLength?: number;
  placeholder?: string;
  /** A multi-line box (the default) or a single line. */
  multiline?: boolean;
}

export type Question = NpsQuestion | TextQuestion;
export type QuestionType = Question['type'];

export type AnswerValue = string | number | boolean | null;
export type Answer = string | number | string[] | { other: string };
export type Answers = Record<string, Answer>;

/** Where and how a survey is displayed. */
export type DisplayMode = 'popover';

/** A survey definition: plain JSON, see DESIGN.md §2. */
export interface Survey {
  id: string;
  questions: Question[];
  /** Without a trigger a survey shows only through `earshot.show(id)`. */
  trigger?: Trigger;
  /** Default `popover`. */
  display?: DisplayMode;
  /** Text of the thank-you step. */
  thanks?: string;
}

export interface UserTraits {
  [trait: string]: string | number | boolean | null;
}

export interface User {
  id?: string;
  traits?: UserTraits;
}

/** Everything `earshot.init` accepts. */
export interface EarshotConfig {
  /** Where batches of responses are POSTed (absolute or relative to the page). */
  endpoint: string;
  /** Survey definitions. */
  surveys?: Survey[];
  /** Who answers; attached to every response. */
  user?: User;
  /** BCP 47 language tag sent with responses. Default: the browser's language. */
  locale?: string;
  /** Log what Earshot does, and problems it hits, to the console. Default `false`. */
  debug?: boolean;
}

/** One question as described to the collector. */
export interface QuestionRecord {
  id: string;
  type: QuestionType;
  text: string;
}

/** What a collector receives for one response (DESIGN.md §3). */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  completed: boolean;
  answers: Answers;
  questions: QuestionRecord[];
  createdAt: string;
  updatedAt: string;
  page: { url: string; referrer: string };
  trigger: TriggerRecord;
  user?: User;
  locale: string;
  sdk: { name: 'earshot'; version: string };
}

/** One POST body. */
export interface Batch {
  sentAt: string;
  responses: SurveyResponse[];
}

export type EarshotErrorCode = 'storage' | 'network' | 'rejected' | 'definition' | 'internal';

/** Payloads of the events `earshot.on(name, cb)` delivers. */
export interface EarshotEvents {
  shown: { surveyId: string; trigger: TriggerRecord };
  answered: { surveyId: string; responseId: string; questionId: string; value: Answer };
  completed: { surveyId: string; responseId: string; answers: Answers };
  dismissed: { surveyId: string; responseId: string | null; answers: Answers };
  delivered: { responseIds: string[] };
  error: { code: EarshotErrorCode; message: string; responseIds?: string[] };
}

export type EarshotEventName = keyof EarshotEvents;
