/// <reference types="earshot/vue" />
import { defineComponent, h, onBeforeUnmount, onMounted, ref, watch, type PropType } from "vue";
import "earshot";
import type { EarshotSurveyEventMap, SurveyDefinition } from "earshot";

const EVENTS = ["shown", "answered", "completed", "dismissed", "error"] as const;
type EventName = (typeof EVENTS)[number];
type Detail<E extends EventName> = EarshotSurveyEventMap[`earshot:${E}`]["detail"];

/**
 * An inline survey: `survey` (a definition object) or `src` (its URL); `endpoint` when the app
 * never calls `init`. Emits shown, answered, completed, dismissed and error with the event's detail.
 * A render function, so no template compiler or custom-element option is needed. On the server it
 * renders the bare element; the browser fills it in once the page has loaded.
 */
export const EarshotSurvey = defineComponent({
  name: "EarshotSurvey",
  props: { survey: Object as PropType<SurveyDefinition>, src: String, endpoint: String },
  emits: {
    shown: (_detail: Detail<"shown">) => true,
    answered: (_detail: Detail<"answered">) => true,
    completed: (_detail: Detail<"completed">) => true,
    dismissed: (_detail: Detail<"dismissed">) => true,
    error: (_detail: Detail<"error">) => true,
  },
  setup(props, { emit }) {
    const element = ref<HTMLElementTagNameMap["earshot-survey"] | null>(null);
    // `emit` is typed one event at a time; here each listener forwards its own event's detail.
    const forward = emit as (name: EventName, detail: unknown) => void;
    const listeners = EVENTS.map((name) => [`earshot:${name}`, (event: Event) => forward(name, (event as CustomEvent).detail)] as const);
    const listen = (target: HTMLElement) => listeners.forEach(([type, listener]) => target.addEventListener(type, listener));
    const stop = (target: HTMLElement) => listeners.forEach(([type, listener]) => target.removeEventListener(type, listener));

    onMounted(() => listen(element.value!));
    // A new definition makes a new element (see `key` below): the listeners move to it.
    watch(element, (now, before) => {
      if (before) stop(before);
      if (now) listen(now);
    }, { flush: "post" });
    onBeforeUnmount(() => stop(element.value!));

    return () => {
      const definition = props.survey ? JSON.stringify(props.survey) : undefined;
      return h(
        "earshot-survey",
        { key: definition ?? props.src, ref: element, src: props.src, endpoint: props.endpoint },
        definition ? [h("script", { type: "application/json" }, definition)] : [],
      );
    };
  },
});
