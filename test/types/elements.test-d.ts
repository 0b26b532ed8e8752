// Type tests (vitest typecheck): Earshot's elements and their events as TypeScript sees them.
import { describe, expectTypeOf, it } from 'vitest';
import type { EarshotEvents, EarshotSurveyElement } from '../../src/index.js';
import type { SurveyElement } from '../../src/ui/survey/survey.js';
import type { FeedbackTabElement } from '../../src/ui/tab/feedback-tab.js';
import type { NpsQuestionElement } from '../../src/ui/questions/nps/nps-question.js';
import type { DebugPanelElement } from '../../src/ui/debug-panel/debug-panel.js';

describe('element types', () => {
  it('maps every tag name Earshot defines to its class', () => {
    expectTypeOf(document.querySelector('earshot-survey')).toEqualTypeOf<SurveyElement | null>();
    expectTypeOf(document.createElement('earshot-feedback-tab')).toEqualTypeOf<FeedbackTabElement>();
    expectTypeOf(document.createElement('earshot-nps-question')).toEqualTypeOf<NpsQuestionElement>();
    expectTypeOf(document.createElement('earshot-debug-panel')).toEqualTypeOf<DebugPanelElement>();
    expectTypeOf<EarshotSurveyElement>().toEqualTypeOf<SurveyElement>();
    type Tags = Extract<keyof HTMLElementTagNameMap, `earshot-${string}`>;
    expectTypeOf<Tags>().toEqualTypeOf<
      | 'earshot-survey'
      | 'earshot-feedback-tab'
      | 'earshot-debug-panel'
      | 'earshot-nps-question'
      | 'earshot-rating-question'
      | 'earshot-csat-question'
      | 'earshot-ces-question'
      | 'earshot-thumbs-question'
      | 'earshot-choice-question'
      | 'earshot-text-question'
    >();
  });

  it("types the earshot:* events' detail on the element and on window", () => {
    document.createElement('earshot-survey').addEventListener('earshot:completed', (event) => expectTypeOf(event.detail).toEqualTypeOf<EarshotEvents['completed']>());
    addEventListener('earshot:delivered', (event) => expectTypeOf(event.detail.responseIds).toEqualTypeOf<string[]>());
    // @ts-expect-error an element repeats the survey's events, not delivery
    document.createElement('earshot-survey').addEventListener('earshot:delivered', (event) => event.detail.responseIds);
  });
});
