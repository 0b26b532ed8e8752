/// <reference types="earshot/react" />
import { useEffect, useRef } from "react";
import "earshot";
import type { EarshotSurveyEventMap, SurveyDefinition } from "earshot";

type Detail<K extends keyof EarshotSurveyEventMap> = EarshotSurveyEventMap[K]["detail"];

/** The element's events, by the callback prop each one calls with the event's detail. */
const EVENTS = {
  onShown: "earshot:shown",
  onAnswered: "earshot:answered",
  onCompleted: "earshot:completed",
  onDismissed: "earshot:dismissed",
  onError: "earshot:error",
} as const;

type Callbacks = { [P in keyof typeof EVENTS]?: (detail: Detail<(typeof EVENTS)[P]>) => void };

export type EarshotSurveyProps = Callbacks & {
  /** The survey's definition; or `src`, the URL of one. */
  survey?: SurveyDefinition;
  src?: string;
  /** Where answers go when the app never calls `init`. */
  endpoint?: string;
};

/**
 * An inline survey: `survey` (a definition object) or `src` (its URL); `endpoint` when the app
 * never calls `init`. Callbacks: onShown, onAnswered, onCompleted, onDismissed, onError.
 * On the server it renders the bare element; the browser fills it in once the page has loaded.
 */
export function EarshotSurvey({ survey, src, endpoint, ...callbacks }: EarshotSurveyProps) {
  const ref = useRef<HTMLElementTagNameMap["earshot-survey"]>(null);
  // The latest callbacks, so that a parent passing new functions on each render adds no listeners.
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const definition = survey ? JSON.stringify(survey) : undefined;

  useEffect(() => {
    const element = ref.current!;
    const removers = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (event: Event) => latest.current[prop as keyof Callbacks]?.((event as CustomEvent).detail);
      element.addEventListener(type, listener);
      return () => element.removeEventListener(type, listener);
    });
    return () => removers.forEach((remove) => remove());
  }, [definition, src]);

  // A new definition is a new element: the one on the page keeps the survey it started with.
  return (
    <earshot-survey key={definition ?? src} ref={ref} src={src} endpoint={endpoint}>
      {definition && <script type="application/json">{definition}</script>}
    </earshot-survey>
  );
}
