import type { Answer, Answers, ColorScheme, EarshotErrorCode, Survey, SurveyEligibility, Theme } from './types.js';

/** The element the UI shows surveys in, which a page may also place itself to embed one. */
export const SURVEY_TAG = 'earshot-survey';

/** Dispatched (bubbling, composed) by an `<earshot-survey>` the page placed itself, so that Earshot runs it. */
export const EMBED_REQUEST = 'earshot-embed';

/** How a shown survey reports back; the UI knows nothing else of Earshot. */
export interface SurveyCallbacks {
  /** The survey is on the page and visible. */
  onShown(): void;
  /** The survey could not be placed: an `inline` target not on the page (`definition`), or UI code that did not load (`network`). */
  onFailed(reason: string, code?: EarshotErrorCode): void;
  /** Any answer changed (picked, typed, cleared); `answers` holds every current answer. */
  onChange(answers: Answers): void;
  /** The visitor moved on from a question they answered. */
  onAnswered(questionId: string, value: Answer): void;
  /** The visitor submitted the last step. */
  onComplete(answers: Answers): void;
  /** The visitor closed the survey before completing it. */
  onDismiss(answers: Answers): void;
  /**
   * The survey is done with: it left the page (after the thank-you step, a dismissal, or
   * `close()`), or an inline survey now shows only its thank-you text.
   */
  onClosed(): void;
}

/** How the widget looks, from the config. */
export interface Appearance {
  theme?: Theme;
  colorScheme?: ColorScheme;
}

export interface PresentRequest extends Appearance {
  /** Its texts already in `locale`. */
  survey: Survey;
  locale: string;
  callbacks: SurveyCallbacks;
  /** The visitor asked for it (a button, the feedback tab), so it may take focus; unrequested popovers never do. */
  requested: boolean;
  /** The page's CSP style nonce (config `styleNonce`). */
  styleNonce?: string;
  /** Shown as a preview (`earshot.preview()`): the card says so. */
  preview?: boolean;
  /** The survey with recalled values in its texts (`{{context.plan}}`) for the answers so far; absent when no text recalls one. */
  recall?: (answers: Answers) => Survey;
}

/** The `debug: true` panel: "why didn't it show?" for each survey, kept current. */
export interface DebugPanelRequest extends Appearance {
  locale: string;
  styleNonce?: string;
  /** What to show: the same as `earshot.explain()`. */
  explain(): Promise<SurveyEligibility[]>;
  /** Calls `listener` whenever `explain()` may say something new; returns the function that stops it. */
  watch(listener: () => void): () => void;
  /** Problems met loading definitions or showing a preview, each with its path, shown above the surveys. */
  problems?(): readonly string[];
  /**
   * Not the debug panel but a preview link's, on a page whose visitors must not read every
   * targeting rule: it lists only the simulated survey, or none when the preview failed.
   */
  preview?: { simulated?: string };
}

export interface TabRequest extends Appearance {
  survey: Survey;
  locale: string;
  styleNonce?: string;
  /** The visitor activated the tab. */
  onOpen(): void;
  /** The tab could not be put on the page. */
  onFailed(reason: string, code?: EarshotErrorCode): void;
}

export interface PresentedSurvey {
  /** Removes the survey (or tab) from the page without reporting a dismissal. */
  close(): void;
}

/** Puts surveys on the page; the UI layer provides it, the core only calls it. */
export interface Presenter {
  /** Readies the page before any survey shows (a live region that announces surveys that appear on their own), until `signal` aborts. */
  prepare?(signal: AbortSignal): void;
  survey(request: PresentRequest): PresentedSurvey;
  /** A "Feedback" tab on the page edge that opens a `tab` survey on demand. */
  tab(request: TabRequest): PresentedSurvey;
  /**
   * These surveys may show on this page soon: a presenter loaded on demand may fetch itself, with
   * the code of the question kinds they ask, when the browser is idle, or at once (`now`: one is
   * about to show, and its content check is on its way too).
   */
  prefetch?(surveys: Survey[], now?: boolean): void;
  /** The `debug: true` panel; the visitor can close it. */
  debugPanel?(request: DebugPanelRequest): PresentedSurvey;
}
