import type { Answer } from '../../core/types.js';

/** The one event every question element fires when its value changes; `undefined` means cleared. */
export const QUESTION_CHANGE = 'earshot-change';

export interface QuestionChange {
  value: Answer | undefined;
  /**
   * The visitor settled on this value with a pointer click on a single-answer scale, so a survey
   * with `autoAdvance` may move on. Arrow keys only move through a radiogroup and never set it.
   */
  settled: boolean;
  /** The visitor asked to move on (a call to action's button): the survey goes to the next step at once. */
  proceed?: boolean;
}

export type QuestionChangeEvent = CustomEvent<QuestionChange>;

export function questionChange(value: Answer | undefined, settled = false, proceed = false): QuestionChangeEvent {
  return new CustomEvent(QUESTION_CHANGE, { detail: { value, settled, ...(proceed && { proceed }) }, bubbles: true });
}
