import { useEffect, useRef } from "react";
import "earshot";

/** The element's events, by the callback prop each one calls with the event's detail. */
const EVENTS = {
  onShown: "earshot:shown",
  onAnswered: "earshot:answered",
  onCompleted: "earshot:completed",
  onDismissed: "earshot:dismissed",
  onError: "earshot:error",
};

/**
 * An inline survey: `survey` (a definition object) or `src` (its URL); `endpoint` when the app
 * never calls `init`. Callbacks: onShown, onAnswered, onCompleted, onDismissed, onError.
 */
export function EarshotSurvey({ survey, src, endpoint, ...callbacks }) {
  const ref = useRef(null);
  // The latest callbacks, so that a parent passing new functions on each render adds no listeners.
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const definition = survey ? JSON.stringify(survey) : undefined;

  useEffect(() => {
    const element = ref.current;
    const removers = Object.entries(EVENTS).map(([prop, type]) => {
      const listener = (event) => latest.current[prop]?.(event.detail);
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
