// Earshot's elements as TypeScript sees them: what `document.querySelector("earshot-survey")`
// returns, the attributes a page sets on `<earshot-survey>`, and the events it and `window` carry.
// Types only: nothing here reaches a bundle. A new element adds its line here as it does in define.ts.
import type { EarshotEvents } from '../core/types.js';
import type { DebugPanelElement } from '../ui/debug-panel/debug-panel.js';
import type { CesQuestionElement } from '../ui/questions/ces/ces-question.js';
import type { ChoiceQuestionElement } from '../ui/questions/choice/choice-question.js';
import type { CsatQuestionElement } from '../ui/questions/csat/csat-question.js';
import type { NpsQuestionElement } from '../ui/questions/nps/nps-question.js';
import type { RatingQuestionElement } from '../ui/questions/rating/rating-question.js';
import type { TextQuestionElement } from '../ui/questions/text/text-question.js';
import type { ThumbsQuestionElement } from '../ui/questions/thumbs/thumbs-question.js';
import type { SurveyElement } from '../ui/survey/survey.js';
import type { FeedbackTabElement } from '../ui/tab/feedback-tab.js';

/** `<earshot-survey>`: a survey card, placed by Earshot or by the page (inline, from `src` or a JSON child). */
export type EarshotSurveyElement = SurveyElement;

/** The attributes a page sets on `<earshot-survey>` to embed a survey. */
export interface EarshotSurveyAttributes {
  /** URL of the survey definition (JSON); or put it in a `<script type="application/json">` child. */
  src?: string;
  /** Where answers are POSTed when the page never calls `init` (otherwise the config's endpoint). */
  endpoint?: string;
  /** Logs to the console why the survey could not be shown. */
  debug?: boolean;
}

/** The DOM events an embedded `<earshot-survey>` dispatches, with their `detail`. */
export interface EarshotSurveyEventMap {
  'earshot:shown': CustomEvent<EarshotEvents['shown']>;
  'earshot:answered': CustomEvent<EarshotEvents['answered']>;
  'earshot:completed': CustomEvent<EarshotEvents['completed']>;
  'earshot:dismissed': CustomEvent<EarshotEvents['dismissed']>;
  'earshot:error': CustomEvent<EarshotEvents['error']>;
}

/** Every `on()` event, also dispatched on `window` as `earshot:<event>`. */
export type EarshotWindowEventMap = { [K in keyof EarshotEvents as `earshot:${K}`]: CustomEvent<EarshotEvents[K]> };

declare global {
  interface HTMLElementTagNameMap {
    'earshot-survey': SurveyElement;
    'earshot-feedback-tab': FeedbackTabElement;
    'earshot-debug-panel': DebugPanelElement;
    'earshot-nps-question': NpsQuestionElement;
    'earshot-rating-question': RatingQuestionElement;
    'earshot-csat-question': CsatQuestionElement;
    'earshot-ces-question': CesQuestionElement;
    'earshot-thumbs-question': ThumbsQuestionElement;
    'earshot-choice-question': ChoiceQuestionElement;
    'earshot-text-question': TextQuestionElement;
  }
  // `addEventListener("earshot:completed", (event) => event.detail.answers)`, on the element or the window.
  // Declaration merging: the DOM's own maps gain Earshot's events; empty bodies are the point.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends EarshotSurveyEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends EarshotWindowEventMap {}
}
