import type { Answer } from '../../core/types.js';

/** The one event every question element fires when its value changes; `undefined` means cleared. */
export const QUESTION_CHANGE = 'earshot-change';

export type QuestionChangeEvent = CustomEvent<{ value: Answer | undefined }>;

export function questionChange(value: Answer | undefined): QuestionChangeEvent {
  return new CustomEvent(QUESTION_CHANGE, { detail: { value }, bubbles: true });
}
