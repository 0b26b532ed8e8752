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
  /** After this question go to a later question (by id) or to the end, skipping those between. */
  next?: string;
}

/** Net Promoter Score: 0–10. */
export interface NpsQuestion extends QuestionBase {
  type: 'nps';
  /** Label under 0. Default "Not at all likely". */
  lowLabel?: string;
  /** Label under 10. Default "Extremely likely". */
  highLabel?: string;
}

/** A rating from 1 to `scale`. */
export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** Number of points. Default 5. */
  scale?: 3 | 5 | 7 | 10;
  /** Default `numbers`; `emoji` only for scales of 3 and 5. */
  style?: 'stars' | 'emoji' | 'numbers';
  /** Label at the low end. */
  lowLabel?: string;
  /** Label at the high end. */
  highLabel?: string;
}

/** Customer satisfaction, 1–5, each point labelled (Very unsatisfied … Very satisfied). */
export interface CsatQuestion extends QuestionBase {
  type: 'csat';
  /** Five labels replacing the built-in ones, lowest first. */
  labels?: string[];
}

/** Customer effort, 1–7, each point labelled (Very difficult … Very easy). */
export interface CesQuestion extends QuestionBase {
  type: 'ces';
  /** Seven labels replacing the built-in ones, lowest first. */
  labels?: string[];
}

/** Thumbs up (1) or down (0). */
export interface ThumbsQuestion extends QuestionBase {
  type: 'thumbs';
}

/** An option of a choice question: the string is both label and answer, or an id answered with a label shown. */
export type ChoiceOption = string | { id: string; label: string };

/** Pick one option (radios) or several (`multiple`, checkboxes). */
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options: ChoiceOption[];
  /** Checkboxes; the answer is a list in the options' order. */
  multiple?: boolean;
  /** Adds an "Other" option with a text field; its answer is `{ "other": "typed text" }`. */
  other?: boolean;
  /** Show the options in a random order (the answer keeps the defined order). */
  shuffle?: boolean;
  /** Fewest options a multiple choice needs (when answered). */
  min?: number;
  /** Most options a multiple choice allows. */
  max?: number;
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

export type Question = NpsQuestion | RatingQuestion | CsatQuestion | CesQuestion | ThumbsQuestion | ChoiceQuestion | TextQuestion;
export type QuestionType = Question['type'];

export type AnswerValue = string | number | boolean | null;
/** A number for scales, a string or `{ other }` for a single choice, a list for a multiple choice, a string for text. */
export type Answer = string | number | (string | { other: string })[] | { other: string };
export type Answers = Record<string, Answer>;

/** How a survey appears: a corner card, a modal dialog, inside the page, or behind a "Feedback" tab. */
export type DisplayMode = 'popover' | 'modal' | 'inline' | 'tab';

/** Where a popover sits. */
export type PopoverPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'center';

/** The step after the last question. */
export interface Thanks {
  /** Default "Thank you for your feedback!". */
  text?: string;
  /** A button to a page (http or https only). */
  link?: { label: string; url: string };
}

/** A survey definition: plain JSON, see DESIGN.md §2. */
export interface Survey {
  id: string;
  questions: Question[];
  /** Without a trigger a survey shows only through `earshot.show(id)` (or its tab). */
  trigger?: Trigger;
  /** Default `popover`. */
  display?: DisplayMode;
  /** Popover placement. Default `bottom-right`. */
  position?: PopoverPosition;
  /** CSS selector of the element an `inline` survey renders into. */
  target?: string;
  /** Whether a Close button is shown. Default: yes, except for `inline`. */
  closeButton?: boolean;
  /** Picking a point on a single-answer scale moves on to the next step. Default `false`. */
  autoAdvance?: boolean;
  /** The thank-you step. */
  thanks?: string | Thanks;
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
  /** Days an undelivered response is kept and retried before it is dropped (reported as an `expired` error). Default 7. */
  ttlDays?: number;
  /** Most responses the outbox holds; when it is full no survey is shown (no answer is dropped). Default 1000. */
  outboxLimit?: number;
  /** Whether delivery requests carry cookies. Default `"omit"`. */
  credentials?: RequestCredentials;
}

/** One question as described to the collector. */
export interface QuestionRecord {
  id: string;
  type: QuestionType;
  text: string;
  /** Highest point of a `rating` (its lowest is 1). */
  scale?: number;
  /** Look of a `rating`. */
  style?: RatingQuestion['style'];
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

/** A response the collector refused for good, set aside and never retried (see `earshot.deadLetters()`). */
export interface DeadLetter {
  response: SurveyResponse;
  /** The HTTP status of the refusal. */
  status: number;
  rejectedAt: string;
}

/** One POST body. */
export interface Batch {
  sentAt: string;
  responses: SurveyResponse[];
}

export type EarshotErrorCode = 'storage' | 'network' | 'rejected' | 'expired' | 'definition' | 'internal';

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
