import { boolean, integer, text, type Fields } from './checks.js';
import type { QuestionType } from './types.js';

export const DEFAULT_TEXT_MAX_LENGTH = 1000;
export const LABEL_MAX_LENGTH = 200;

/**
 * The fields each question kind adds to the common ones, with their checks.
 * Adding a kind: a line here, an element in src/ui/questions/ and a line in its registry.
 */
export const QUESTION_KINDS: Record<QuestionType, Fields> = {
  nps: {},
  text: { maxLength: integer(1, 10_000), placeholder: text(LABEL_MAX_LENGTH), multiline: boolean },
};

export const QUESTION_TYPES = Object.keys(QUESTION_KINDS) as QuestionType[];
