// Builders for delivery payloads (docs/architecture.md §3) used by the collector tests.
let counter = 0;

export interface ResponseLike {
  id: string;
  surveyId: string;
  completed: boolean;
  answers: Record<string, unknown>;
  [key: string]: unknown;
}

/** A well-formed response; `overrides` replace fields (an `undefined` value removes it). */
export function makeResponse(overrides: Partial<ResponseLike> = {}): ResponseLike {
  const now = new Date().toISOString();
  const base: ResponseLike = {
    id: `r-${++counter}`,
    surveyId: 'post-checkout-nps',
    completed: true,
    answers: { score: 9 },
    questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' }],
    createdAt: now,
    updatedAt: now,
    page: { url: 'http://127.0.0.1/shop/done.html', referrer: '' },
    trigger: { event: 'checkout_completed' },
    locale: 'en',
    sdk: { name: 'earshot', version: '0.1.0' },
  };
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as ResponseLike;
}
