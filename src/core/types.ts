import type { TemplateText } from './definition/templates.js';

/** A property, trait or page fact compared with a value: a value alone means `eq`; several operators must all hold. */
export type Condition =
  | string
  | number
  | boolean
  | null
  | {
      eq?: AnswerValue;
      neq?: AnswerValue;
      in?: AnswerValue[];
      gt?: number;
      gte?: number;
      lt?: number;
      lte?: number;
      /** `true`: the value is present (not undefined or null); `false`: it is absent. */
      exists?: boolean;
    };

/** Conditions by property (or trait) name. */
export type Conditions = Record<string, Condition>;

/** `earshot.track(name, properties)`; with `where`, only when the properties satisfy every condition. */
export interface EventTrigger {
  event: string;
  where?: Conditions;
}

/**
 * The page's path (plus a `#/…` hash route): a string is a glob (`*` matches any run of characters).
 * A `regex` (at most 200 characters) may use characters, escaped punctuation, `.`, `[…]`, `\d \w \s`
 * (and `\D \W \S`), `(…)`, `(?:…)`, `|`, `*`, `+`, `?`, `^` and `$`; not `{m,n}`, lookaround or
 * back-references. Both match in time linear in the path's length, never by backtracking.
 */
export type UrlRule = string | { equals: string } | { startsWith: string } | { contains: string } | { glob: string } | { regex: string };

/** A journey point (docs/architecture.md §2). Inside `all`, a point counts once it happened on the current page. */
export type Trigger = JourneyPoint & {
  /** Names this journey point in results, in place of the rule ("Cart, waited 20 s"). */
  label?: string;
};

/** One kind of journey point per object; several are combined with `all` or `any`. */
export type JourneyPoint =
  | EventTrigger
  | { url: UrlRule }
  /** A click on (or inside) an element matching this CSS selector. */
  | { selector: string }
  /** Scrolled this percent of the page: `(scrollY + innerHeight) / scrollHeight`. */
  | { scroll: number }
  /** The visitor seems about to leave: pointer out through the top, or a fast scroll up on touch screens. */
  | { exitIntent: true }
  /** Seconds the page has been visible. */
  | { delay: number }
  | { all: Trigger[] }
  | { any: Trigger[] };

/** What the collector is told about why a survey showed: the survey's trigger without `where` and labels, or `manual` (`show()`, the tab, an embed). */
export type TriggerRecord = Trigger | { manual: true };

/** Page facts and traits a visitor must have for a survey to show. */
export interface Audience {
  /** Conditions on the traits given to `identify` (or `user.traits`). */
  traits?: Conditions;
  /** `mobile`, `tablet` or `desktop`. */
  device?: Condition;
  /** The browser's primary language subtag, lowercase (`"fr"` for fr-CA). */
  language?: Condition;
  /** Host name of the referring page (`"www.google.com"`), `""` without one. */
  referrer?: Condition;
}

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

/** A text the visitor reads: one string, or one per locale (`{ "en": "…", "fr": "…" }`). */
export type LocalizedText = string | { [locale: string]: string };

interface QuestionBase {
  /** Unique within its survey; the key of the answer. */
  id: string;
  /** The question as the visitor reads it. */
  text: LocalizedText;
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
  lowLabel?: LocalizedText;
  /** Label under 10. Default "Extremely likely". */
  highLabel?: LocalizedText;
}

/** A rating from 1 to `scale`. */
export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** Number of points. Default 5. */
  scale?: 3 | 5 | 7 | 10;
  /** Default `numbers`; `emoji` only for scales of 3 and 5. */
  style?: 'stars' | 'emoji' | 'numbers';
  /** Label at the low end. */
  lowLabel?: LocalizedText;
  /** Label at the high end. */
  highLabel?: LocalizedText;
}

/** Customer satisfaction, 1–5, each point labelled (Very unsatisfied … Very satisfied). */
export interface CsatQuestion extends QuestionBase {
  type: 'csat';
  /** Five labels replacing the built-in ones, lowest first. */
  labels?: LocalizedText[];
}

/** Customer effort, 1–7, each point labelled (Very difficult … Very easy). */
export interface CesQuestion extends QuestionBase {
  type: 'ces';
  /** Seven labels replacing the built-in ones, lowest first. */
  labels?: LocalizedText[];
}

/** Thumbs up (1) or down (0). */
export interface ThumbsQuestion extends QuestionBase {
  type: 'thumbs';
}

/** An option of a choice question: the string is both label and answer, or an id answered with a label shown. */
export type ChoiceOption = string | { id: string; label: LocalizedText; image?: never } | PictureOption;

/** A choice option shown as a card with a picture; still named by its label, and answered with its id. */
export interface PictureOption {
  id: string;
  label: LocalizedText;
  /** An https: URL, or a path relative to the page. */
  image: string;
  /** What the picture shows, for those who cannot see it. */
  alt: LocalizedText;
}

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

/** What a one-line text answer must be: the field's native type, keyboard and autofill follow it. */
export type TextFormat = 'email' | 'url' | 'phone' | 'number' | 'date';

/** Open text answer. */
export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Default 1000 characters. */
  maxLength?: number;
  placeholder?: LocalizedText;
  /** A multi-line box (the default) or a single line. */
  multiline?: boolean;
  /** A single line that takes only this: the answer is the string (`date`: `YYYY-MM-DD`), or for `number` a number. */
  format?: TextFormat;
}

// Question kinds of issue #22 (matrix, ranking, slider, call to action).

/** A statement of a matrix, rated on the matrix's scale; its id keys its answer. */
export interface MatrixRow {
  id: string;
  label: LocalizedText;
}

/** A point of a matrix's scale, shared by every row: its number is the answer. */
export interface MatrixColumn {
  value: number;
  label: LocalizedText;
}

/** Statements rated on one shared scale: a radiogroup per row. The answer is `{ rowId: value }`. */
export interface MatrixQuestion extends QuestionBase {
  type: 'matrix';
  /** 1 to 20 statements. */
  rows: MatrixRow[];
  /** 2 to 11 points, lowest first. */
  columns: MatrixColumn[];
}

/** Options put in order; the answer is their ids (or strings), first ranked first. */
export interface RankingQuestion extends QuestionBase {
  type: 'ranking';
  /** 2 to 10 options. */
  options: (string | { id: string; label: LocalizedText })[];
  /** Start from a random order, so the first shown is not favoured. */
  shuffle?: boolean;
}

/** A number picked on a native range slider. */
export interface SliderQuestion extends QuestionBase {
  type: 'slider';
  min: number;
  max: number;
  /** Default 1; `max - min` is a whole number of steps. */
  step?: number;
  /** Labels at both ends. */
  labels?: { min?: LocalizedText; max?: LocalizedText };
}

/** A text-only step with a button: the answer is `{ clicked: true }` when the visitor clicks it, absent when they move on. */
export interface CtaQuestion extends QuestionBase {
  type: 'cta';
  /** Below the title (`text`). */
  body?: LocalizedText;
  /** Without `url` the button goes to the next step; with one (http or https) it also opens that page in a new tab. */
  button: { label: LocalizedText; url?: string };
}

export type Question =
  NpsQuestion | RatingQuestion | CsatQuestion | CesQuestion | ThumbsQuestion | ChoiceQuestion | TextQuestion | MatrixQuestion | RankingQuestion | SliderQuestion | CtaQuestion;
export type QuestionType = Question['type'];

export type AnswerValue = string | number | boolean | null;
/**
 * A number for scales and sliders, a string or `{ other }` for a single choice, a list for a
 * multiple choice or a ranking, a string for text (a number for `format: "number"`), `{ rowId:
 * value }` for a matrix, `{ clicked: true }` for a call to action.
 */
export type Answer = string | number | (string | { other: string })[] | { other: string } | MatrixAnswer | { clicked: true };
/** A matrix's answer: each answered row's id with the value of its column. */
export type MatrixAnswer = { [rowId: string]: number };
export type Answers = Record<string, Answer>;

/** How a survey appears: a corner card, a modal dialog, inside the page, or behind a "Feedback" tab. */
export type DisplayMode = 'popover' | 'modal' | 'inline' | 'tab';

/** Where a popover sits. */
export type PopoverPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'center';

/** The step after the last question. */
export interface Thanks {
  /** Default "Thank you for your feedback!". */
  text?: LocalizedText;
  /** A button to a page (http or https only). */
  link?: { label: LocalizedText; url: string };
}

/** A standard instrument a survey can be made from (docs/survey-definitions.md, "Templates"). */
export type SurveyTemplate = 'nps' | 'csat' | 'ces' | 'sus' | 'umux-lite' | 'pmf';

/** A survey definition after validation: a template's items come first in `questions`. */
export interface Survey {
  id: string;
  /** Names the survey's journey point in results when no part of its trigger has a label of its own. */
  label?: string;
  /** URL query parameters copied into the response's `context` when the survey shows (`["utm_source", "plan"]`). */
  hiddenFields?: string[];
  questions: Question[];
  /** The standard items of this instrument, with fixed ids, before any `questions`. */
  template?: SurveyTemplate;
  /** `matrix`: the items of `sus` or `umux-lite` as one step, a matrix with the id of the template (`sus`, `umux`) and a row per item. Default `steps`, one item per step. */
  layout?: 'steps' | 'matrix';
  /** The product a template's items name (`{product}`); required by `pmf`. */
  product?: string;
  /** Replaces a template's English words, by key (see `TEMPLATE_TEXT`). */
  templateText?: Partial<TemplateText>;
  /** Without a trigger a survey shows only through `earshot.show(id)` (or its tab). */
  trigger?: Trigger;
  /** Who may be asked; everyone by default. */
  audience?: Audience;
  /** Share of visitors asked, 0–1, decided once per visitor and survey. Default 1. */
  sample?: number;
  /** Not shown before this date-time (ISO 8601). */
  startsAt?: string;
  /** Not shown from this date-time on (ISO 8601). */
  endsAt?: string;
  /**
   * Quota: a collector's surveys registry stops serving the survey once it holds this many
   * completed responses to it (previews not counted). The SDK itself does not count.
   */
  maxResponses?: number;
  /** Quota: a collector's surveys registry stops serving the survey from this date-time on (ISO 8601). */
  closesAt?: string;
  /** Days after a completion before the survey may show again. Default: never again. */
  recontactDays?: number;
  /** Days after the survey was shown and not completed before it may show again. Default 30. */
  dismissedRecontactDays?: number;
  /** When several surveys are due at once the highest shows; ties go by definition order. Default 0. */
  priority?: number;
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
  thanks?: LocalizedText | Thanks;
  /** The locale its texts fall back to when one has no version in the visitor's. Default: `en` if given, else the first. */
  language?: string;

  // How it lives beside the site's other surveys (issue #26).
  /** `false`: it neither waits for nor starts the site-wide pause between unrequested surveys (`cooldownDays`). Default `true`. */
  cooldown?: boolean;
  /** Its own look: each field given overrides the config's `theme` for this survey. */
  theme?: Theme;
  /** Its own colour scheme, overriding the config's. */
  colorScheme?: ColorScheme;
}

/** A survey definition as written (docs/architecture.md §2): with a `template`, `questions` may be left out. */
export type SurveyDefinition = Omit<Survey, 'questions'> & { questions?: Question[] };

export interface UserTraits {
  [trait: string]: string | number | boolean | null;
}

export interface User {
  id?: string;
  traits?: UserTraits;
}

/** Whether the visitor allows Earshot to show surveys, store answers and send them. */
export type ConsentState = 'granted' | 'pending' | 'denied';
/** How the widget looks: each field sets the `--earshot-*` custom property of the same name. */
export interface Theme {
  accent?: string;
  /** Text on the accent colour. */
  onAccent?: string;
  surface?: string;
  text?: string;
  muted?: string;
  border?: string;
  error?: string;
  hover?: string;
  /** Corner radius: pixels, or a CSS length. */
  radius?: number | string;
  font?: string;
  /** Pixels, or a CSS length. */
  fontSize?: number | string;
  shadow?: string;
  /** Colours for the dark scheme; a colour given only above applies to both. */
  dark?: Pick<Theme, 'accent' | 'onAccent' | 'surface' | 'text' | 'muted' | 'border' | 'error' | 'hover'>;
}

/** `auto` follows the visitor's `prefers-color-scheme`. */
export type ColorScheme = 'light' | 'dark' | 'auto';

/** Everything `earshot.init` accepts. */
export interface EarshotConfig {
  /** Where batches of responses are POSTed (absolute or relative to the page). */
  endpoint: string;
  /** Survey definitions. */
  surveys?: SurveyDefinition[];
  /** URL of more definitions (a JSON list), fetched at `init`; the last good list is kept for offline and early use. */
  surveysUrl?: string;
  /** Days between two surveys shown without being asked for. Default 3. */
  cooldownDays?: number;
  /** Who answers; attached to every response. */
  user?: User;
  /**
   * BCP 47 tag of the visitor's language (`en_US` is read as `en-US`). Default: the page's `lang`,
   * else the browser's language, the first that is a usable tag once made canonical; else `und`.
   */
  locale?: string;
  /** Colours, radius and font of the widget. */
  theme?: Theme;
  /** Default `light`. */
  colorScheme?: ColorScheme;
  /** Log what Earshot does, and problems it hits, to the console. Default `false`. */
  debug?: boolean;
  /** Days an undelivered response is kept and retried before it is dropped (reported as an `expired` error). Default 7. */
  ttlDays?: number;
  /** Most responses the outbox holds; when it is full no survey is shown (no answer is dropped). Default 1000. */
  outboxLimit?: number;
  /** Whether delivery requests carry cookies. Default `"omit"`. */
  credentials?: RequestCredentials;
  /**
   * The page's CSP nonce for `<style>` elements, used only by browsers without constructable
   * stylesheets (Safari before 16.4), where the widget's styles fall back to `<style>` elements.
   */
  styleNonce?: string;
  /** Until `granted`, nothing is shown, stored or sent; `earshot.consent()` changes it. Default `granted`. */
  consent?: ConsentState;
  /** A browser sending the Global Privacy Control signal counts as `denied` until `earshot.consent()` says otherwise. Default `false`. */
  respectGlobalPrivacyControl?: boolean;
  /** What happens to answers given in a preview: `send` them flagged `preview: true`, or `discard` them. Default `send`. */
  previews?: 'send' | 'discard';
  /** `?earshot_debug=1` in the page URL turns `debug` on for that page load. Default `false`: visitors cannot see the targeting rules. */
  debugParam?: boolean;
  /** The first values of every response's `context`; `earshot.setContext()` changes them. */
  context?: Context;
  /** `full` keeps the query string and fragment of `page.url` and `page.referrer`. Default `stripped`: without them. */
  pageUrl?: 'stripped' | 'full';
}

/** A value of a response's `context` or of a tracked event's properties, as a collector receives it. */
export type ContextValue = string | number | boolean | null;

/**
 * Values sent with every response (`init({ context })`, `setContext()`, a survey's `hiddenFields`).
 * Keys are 1–64 letters, digits, `_` or `-`; at most 30 keys; strings at most 500 characters.
 */
export type Context = Record<string, ContextValue>;

/** The `track(name, properties)` call that showed a survey, as its response records it. */
export interface TrackedEventRecord {
  name: string;
  properties: Context;
}

/** That a survey was shown, or dismissed, as the collector receives it beside responses, so it can count response rates. */
export interface ImpressionEvent {
  /** Made once; a collector de-duplicates by it. */
  id: string;
  type: 'shown' | 'dismissed';
  surveyId: string;
  /** When it happened (ISO 8601). */
  at: string;
  trigger: TriggerRecord;
  /** The part of a combined trigger that fired. */
  firedBy?: Trigger;
  /** The journey point's label (its part's, else the survey's). */
  label?: string;
  /** The response of this showing, once the visitor answered. */
  responseId?: string;
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
  // What the kinds of issue #22 add, so a collector can show their answers without the definitions.
  /** A `text` that takes only this; a contact detail (`email`, `phone`, `url`) is personal data. */
  format?: TextFormat;
  /** A `matrix`'s statements, in the shown locale. */
  rows?: { id: string; label: string }[];
  /** A `matrix`'s scale, lowest first. */
  columns?: { value: number; label: string }[];
  /** A `ranking`'s options: the ids its answer orders, with their labels. */
  options?: { id: string; label: string }[];
  /** A `slider`'s range and step. */
  min?: number;
  max?: number;
  step?: number;
}

/** What a collector receives for one response (docs/architecture.md §3). */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  /** The template the survey was made from, so a collector can score it. */
  template?: SurveyTemplate;
  completed: boolean;
  answers: Answers;
  questions: QuestionRecord[];
  createdAt: string;
  updatedAt: string;
  page: { url: string; referrer: string };
  trigger: TriggerRecord;
  user?: User;
  /** The language the survey was shown in, as a canonical BCP 47 tag (`und` when none was usable). */
  locale: string;
  sdk: { name: 'earshot'; version: string };
  /** Answered in a preview (`earshot.preview()`, `?earshot_preview=`): not a real response, never counted in results. */
  preview?: true;
  /** The part of a combined (`all`/`any`) trigger whose signal fired it; absent for a single journey point and for `manual`. */
  firedBy?: Trigger;
  /** The journey point's label, for results to show in place of the rule: the firing part's (or the nearest enclosing one's), else the survey's. */
  label?: string;
  /** The `track()` call that showed the survey. */
  event?: TrackedEventRecord;
  /** `init({ context })`, `setContext()` and the survey's `hiddenFields` as they were when it showed; absent when empty. */
  context?: Context;
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
  /** Empty only in a batch of `events` alone. */
  responses: SurveyResponse[];
  events?: ImpressionEvent[];
}

export type EarshotErrorCode = 'storage' | 'network' | 'rejected' | 'expired' | 'definition' | 'internal';

/** Payloads of the events `earshot.on(name, cb)` delivers. */
export interface EarshotEvents {
  shown: { surveyId: string; trigger: TriggerRecord; firedBy?: Trigger; label?: string; preview?: true };
  answered: { surveyId: string; responseId: string; questionId: string; value: Answer };
  completed: { surveyId: string; responseId: string; answers: Answers };
  dismissed: { surveyId: string; responseId: string | null; answers: Answers };
  delivered: { responseIds: string[] };
  error: { code: EarshotErrorCode; message: string; responseIds?: string[] };
}

export type EarshotEventName = keyof EarshotEvents;

/**
 * One thing that keeps a survey from showing on this page now (`earshot.explain()`): a code to act
 * on, the details it names, and a sentence for people. Dates are ISO 8601.
 */
export type EligibilityReason =
  | { code: 'notStarted'; message: string }
  | { code: 'consent'; message: string; consent: 'pending' | 'denied' }
  /** A definition from `surveysUrl` that validation refused: never shown. */
  | { code: 'invalid'; message: string; problems: string[] }
  | { code: 'noTrigger'; message: string }
  | { code: 'trigger'; message: string; pending: Trigger[] }
  | { code: 'url'; message: string; path: string; url: UrlRule }
  | { code: 'dates'; message: string; startsAt?: string; endsAt?: string }
  | { code: 'audience'; message: string; rule: string; condition: Condition; actual: unknown }
  | { code: 'sample'; message: string; sample: number }
  | { code: 'completed'; message: string; completedAt: string; until?: string }
  | { code: 'dismissed'; message: string; shownAt: string; until: string }
  /** `surveyId`: the survey whose showing started the pause (absent in state kept by an older version). */
  | { code: 'cooldown'; message: string; until: string; surveyId?: string }
  | { code: 'busy'; message: string; surveyId: string };

export type EligibilityCode = EligibilityReason['code'];

/** Whether a survey can show on this page now, and every reason it cannot. */
export interface SurveyEligibility {
  surveyId: string;
  /** Nothing keeps it back: its trigger holds here and every rule lets it through (or it is on the page now). */
  eligible: boolean;
  /** It is on the page now. */
  showing: boolean;
  reasons: EligibilityReason[];
  /** Previewed in simulate mode (`?earshot_preview=<id>&simulate=1`): it waits for its trigger and audience only. */
  simulated?: true;
}
