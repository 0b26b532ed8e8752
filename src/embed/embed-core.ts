// What the core gives embed.ts (the support of `<earshot-survey>` elements a page places
// itself): in the split build that file is bundled apart and shares no module with the core, so
// it gets the running Earshot and the checks the core has already from here.
import { prefetchUi, report, running } from '../api/internal.js';
import { awaitingContentCheck, contentVerdict, loadContentCheck } from '../core/definition/unchecked.js';
import { checkSurvey } from '../core/definition/validate.js';
import type { PresentRequest, SurveyCallbacks } from '../core/presenter.js';
import { surveysIn } from '../core/targeting/remote-surveys.js';
import type { EarshotErrorCode, Survey } from '../core/types.js';

/** The element as the embed fills it in (the UI's `<earshot-survey>`, seen from the core). */
export interface EmbedHost extends HTMLElement {
  survey?: Survey;
  locale?: string;
  callbacks?: SurveyCallbacks;
  requested?: boolean;
  recall?: PresentRequest['recall'];
}

/** Says what went wrong on the element, through the `error` event, and in the console with its `debug` attribute. */
export function failOn(host: EmbedHost, code: EarshotErrorCode, message: string): void {
  const text = `<earshot-survey${host.hasAttribute('src') ? ` src="${host.getAttribute('src')}"` : ''}>: ${message}`;
  host.dispatchEvent(new CustomEvent('earshot:error', { detail: { code, message: text } }));
  report(code, text);
  if (host.hasAttribute('debug')) console.warn(`earshot: ${text}`);
}

/** The running Earshot, the checks of a survey's identity and targeting, and how a problem is said on the element. */
export const embedCore = { running, prefetchUi, checkSurvey, surveysIn, awaitingContentCheck, contentVerdict, loadContentCheck, failOn };

export type EmbedCore = typeof embedCore;
