import { defineComponent, h, onBeforeUnmount, onMounted, ref, watch } from "vue";
import "earshot";

const EVENTS = ["shown", "answered", "completed", "dismissed", "error"];

/**
 * An inline survey: `survey` (a definition object) or `src` (its URL); `endpoint` when the app
 * never calls `init`. Emits shown, answered, completed, dismissed and error with the event's detail.
 * A render function, so no template compiler or custom-element option is needed.
 */
export const EarshotSurvey = defineComponent({
  name: "EarshotSurvey",
  props: { survey: Object, src: String, endpoint: String },
  emits: EVENTS,
  setup(props, { emit }) {
    const element = ref(null);
    const listeners = EVENTS.map((name) => [`earshot:${name}`, (event) => emit(name, event.detail)]);
    const listen = (target) => listeners.forEach(([type, listener]) => target.addEventListener(type, listener));
    const stop = (target) => listeners.forEach(([type, listener]) => target.removeEventListener(type, listener));

    onMounted(() => listen(element.value));
    // A new definition makes a new element (see `key` below): the listeners move to it.
    watch(element, (now, before) => {
      if (before) stop(before);
      if (now) listen(now);
    }, { flush: "post" });
    onBeforeUnmount(() => stop(element.value));

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
