// `<earshot-survey>` in Vue templates (checked by vue-tsc / Volar): its attributes, and its events as
// `@earshot:completed="(event) => …"` (Vue adds a listener for the event of that exact name).
// Types only; an app opts in with `/// <reference types="earshot/vue" />` (the package's main types need no Vue).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { EarshotSurveyAttributes, EarshotSurveyElement, EarshotSurveyEventMap } from './elements.js';

/** `<earshot-survey>` as a component type, the shape Vue's guide gives custom elements. */
export type EarshotSurveyComponent = new () => EarshotSurveyElement & {
  /** For template checking only: on a template ref, use the element's own properties. */
  $props: HTMLAttributes & EarshotSurveyAttributes & PublicProps;
  /** For template checking only: the element dispatches DOM events, it has no `$emit`. */
  $emit: EmitFn<{ [K in keyof EarshotSurveyEventMap]: (event: EarshotSurveyEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'earshot-survey': EarshotSurveyComponent;
  }
}
