// Types for scoring.mjs (used by the TypeScript tests).
export const NPS_DETRACTOR_MAX: number;
export const NPS_PROMOTER_MIN: number;
export const CSAT_SATISFIED_MIN: number;
export const CSAT_SCALE_MAX: number;
export const CES_SCALE_MAX: number;
export const DEFAULT_RATING_SCALE: number;

export interface Distribution extends Array<{ value: number; count: number }> {}

interface Counted {
  /** Answers on the scale, the ones the result is made of. */
  answers: number;
  /** Answers left out because they were not on the scale. */
  ignored: number;
}

export interface NpsResult extends Counted {
  detractors: number;
  passives: number;
  promoters: number;
  /** % promoters − % detractors, exact; null without answers. */
  score: number | null;
  distribution: Distribution;
}
export interface CsatResult extends Counted {
  satisfied: number;
  percentSatisfied: number | null;
  average: number | null;
  distribution: Distribution;
}
export interface CesResult extends Counted {
  average: number | null;
  distribution: Distribution;
}
export interface RatingResult extends CesResult {
  scale: number;
}
export interface ThumbsResult extends Counted {
  up: number;
  down: number;
  percentUp: number | null;
}
export interface ChoiceResult extends Counted {
  options: Array<{ option: string; count: number; percent: number | null }>;
  other: { count: number; percent: number | null; texts: string[] };
}

export function scoreNps(answers: unknown[]): NpsResult;
export function scoreCsat(answers: unknown[]): CsatResult;
export function scoreCes(answers: unknown[]): CesResult;
export function scoreRating(answers: unknown[], scale?: number): RatingResult;
export function scoreThumbs(answers: unknown[]): ThumbsResult;
export function countChoices(answers: unknown[]): ChoiceResult;
