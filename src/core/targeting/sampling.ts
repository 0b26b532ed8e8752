import type { Survey } from '../types.js';

/**
 * A number in [0, 1) fixed for a visitor and a survey: a 32-bit FNV-1a hash of both ids, then
 * mixed (as MurmurHash3's finaliser does) so that ids differing in one character land far apart.
 * The same visitor gets a different draw for each survey, so a visitor outside one sample is not
 * outside them all.
 */
export function draw(visitorId: string, surveyId: string): number {
  const text = `${visitorId}:${surveyId}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/** Whether the visitor is in the survey's sample (no `sample`: everyone); the answer never changes for them. */
export const inSample = (visitorId: string, survey: Survey): boolean => survey.sample === undefined || draw(visitorId, survey.id) < survey.sample;
