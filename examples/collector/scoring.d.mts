// Types for scoring.mjs (used by the TypeScript tests).
export const NPS_DETRACTOR_MAX: number;
export const NPS_PROMOTER_MIN: number;
export const CSAT_SATISFIED_MIN: number;
export const CSAT_SCALE_MAX: number;
export const CES_SCALE_MAX: number;
export const DEFAULT_RATING_SCALE: number;

export type Distribution = Array<{ value: number; count: number }>;

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
  /** 95 % margin of error in NPS points (margins.mjs); null under 2 answers. */
  margin: number | null;
  distribution: Distribution;
}
export interface CsatResult extends Counted {
  satisfied: number;
  percentSatisfied: number | null;
  /** 95 % margin of error of the share satisfied, in percentage points. */
  margin: number | null;
  average: number | null;
  averageMargin: number | null;
  distribution: Distribution;
}
export interface CesResult extends Counted {
  average: number | null;
  /** 95 % margin of error of the average, in scale points. */
  margin: number | null;
  distribution: Distribution;
}
export interface RatingResult extends CesResult {
  scale: number;
}
export interface ThumbsResult extends Counted {
  up: number;
  down: number;
  percentUp: number | null;
  margin: number | null;
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

export const SUS_ITEMS: number;
export const SUS_SCALE_MAX: number;
export const UMUX_LITE_SCALE_MAX: number;
export const UMUX_LITE_SUS_SLOPE: number;
export const UMUX_LITE_SUS_INTERCEPT: number;
export const PMF_BENCHMARK_PERCENT: number;
export const PMF_ANSWERS: string[];

export interface PerResponseResult {
  /** Responses with every item on the scale: the score is their mean. */
  responses: number;
  /** Responses left out because an item was missing or off the scale. */
  unscored: number;
  /** Exact; null without scored responses. */
  mean: number | null;
  /** 95 % margin of error of the mean; null under 2 scored responses. */
  margin: number | null;
}
export interface UmuxLiteResult extends PerResponseResult {
  /** 0.65 × mean + 22.9, comparable with SUS. */
  susEquivalent: number | null;
}
export interface PmfResult extends Counted {
  veryDisappointed: number;
  somewhatDisappointed: number;
  notDisappointed: number;
  percentVeryDisappointed: number | null;
  /** 95 % margin of error of the share, in percentage points. */
  margin: number | null;
  benchmarkPercent: number;
  meetsBenchmark: boolean | null;
}

export function susOf(items: unknown[]): number | null;
export function umuxLiteOf(items: unknown[]): number | null;
export function scoreSus(itemLists: unknown[][]): PerResponseResult;
export function scoreUmuxLite(itemLists: unknown[][]): UmuxLiteResult;
export function scorePmf(answers: unknown[]): PmfResult;
