// Types for template-scores.mjs (used by the TypeScript tests).
export const SMALL_SAMPLE: number;

/** One template's score; the figures depend on the template (see template-scores.mjs). */
export interface TemplateScore {
  template: string;
  instrument: string;
  /** How many answers (or fully answered responses, for SUS and UMUX-Lite) the score is made of. */
  sampleSize: number;
  /** Fewer than SMALL_SAMPLE: too few to compare with benchmarks. */
  smallSample: boolean;
  [figure: string]: unknown;
}

export const TEMPLATE_SCORERS: Record<string, { instrument: string; score(responses: Array<{ answers: Record<string, unknown> }>): Record<string, unknown> }>;
export function scoreTemplates(responses: Array<{ template?: unknown; answers: Record<string, unknown> }>): TemplateScore[];
