import { expect } from 'vitest';
import type { StoredResponse } from './stored-response.js';

/** An ISO 8601 time in UTC, as `createdAt`, `updatedAt` and `sentAt` are written. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** What a delivered response must say whatever was answered (docs/architecture.md §3). */
export interface WellFormed {
  surveyId: string;
  /** The journey point that showed the survey. */
  trigger: object;
  /** `page.url`: the page where it was answered. */
  pageUrl: string;
}

/** Checks the parts of a delivered response that do not depend on the answers. */
export function expectWellFormed(response: StoredResponse, { surveyId, trigger, pageUrl }: WellFormed): void {
  expect(response.id).toEqual(expect.any(String));
  expect(response.id.length).toBeGreaterThan(0);
  expect(response.surveyId).toBe(surveyId);
  expect(response.trigger).toEqual(trigger);
  expect(response.sdk?.name).toBe('earshot');
  expect(response.sdk?.version).toEqual(expect.any(String));
  expect(response.createdAt).toMatch(ISO_DATE);
  expect(response.updatedAt).toMatch(ISO_DATE);
  expect(Date.parse(response.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(response.createdAt!));
  expect(response.page?.url).toBe(pageUrl);
  // `questions` lets a collector read the answers without the survey definitions.
  for (const id of Object.keys(response.answers)) {
    expect(response.questions, `questions should describe answered question "${id}"`).toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
  }
}
