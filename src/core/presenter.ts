import type { Answer, Answers, Survey } from './types.js';

/** How a shown survey reports back; the UI knows nothing else of Earshot. */
export interface SurveyCallbacks {
  /** Any answer changed (picked, typed, cleared); `answers` holds every current answer. */
  onChange(answers: Answers): void;
  /** The visitor moved on from a question they answered. */
  onAnswered(questionId: string, value: Answer): void;
  /** The visitor submitted the last step. */
  onComplete(answers: Answers): void;
  /** The visitor closed the survey before completing it. */
  onDismiss(answers: Answers): void;
  /** The survey left the page (after the thank-you step, a dismissal, or `close()`). */
  onClosed(): void;
}

export interface PresentRequest {
  survey: Survey;
  locale: string;
  callbacks: SurveyCallbacks;
}

export interface PresentedSurvey {
  /** Removes the survey from the page without reporting a dismissal. */
  close(): void;
}

/** Puts a survey on the page; the UI layer provides it, the core only calls it. */
export type Presenter = (request: PresentRequest) => PresentedSurvey;
