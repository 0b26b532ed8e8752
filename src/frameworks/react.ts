// `<earshot-survey>` in React's JSX (React 19's types): its attributes, and its events as React 19
// adds them to a custom element, by a prop named `on` + the event's exact name. Types only; an app
// opts in with `/// <reference types="earshot/react" />` (the package's main types need no React).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EarshotSurveyAttributes, EarshotSurveyElement, EarshotSurveyEventMap } from './elements.js';

/** `onearshot:completed={(event) => event.detail.answers}`: React 19 listens to the event of that name. */
export type EarshotSurveyEventProps = { [K in keyof EarshotSurveyEventMap as `on${K}`]?: (event: EarshotSurveyEventMap[K]) => void };

/** The props of `<earshot-survey>` in JSX. */
export type EarshotSurveyJsxProps = DetailedHTMLProps<HTMLAttributes<EarshotSurveyElement>, EarshotSurveyElement> & EarshotSurveyAttributes & EarshotSurveyEventProps;

declare module 'react' {
  // A namespace because React's types declare JSX as one; augmenting it is the only way in.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'earshot-survey': EarshotSurveyJsxProps;
    }
  }
}
