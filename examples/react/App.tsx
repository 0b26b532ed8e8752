import { useEffect, useState } from "react";
import { destroy, init, track, type EarshotConfig } from "earshot";

const config: EarshotConfig = {
  endpoint: "/api/earshot",
  surveys: [
    {
      id: "post-checkout-nps",
      trigger: { event: "checkout_completed" },
      questions: [{ id: "score", type: "nps", text: "How likely are you to recommend us to a friend?" }],
    },
  ],
};

/**
 * Where `init` goes: an effect of the app's root component. Effects run in the browser only, never
 * in a server render. `track` goes where the journey point happens, once `init` has run: in an
 * event handler, or in an effect of a component shown later (effects run children first, so a
 * child's effect on the very first render would run before the root's `init`).
 */
export function App() {
  useEffect(() => {
    init(config);
    // Unmounted (or run twice by React's development mode), Earshot stops and starts again.
    return () => destroy();
  }, []);
  const [ordered, setOrdered] = useState(false);
  if (ordered) return <OrderConfirmed total={42} />;
  return (
    <button type="button" onClick={() => setOrdered(true)}>
      Place order
    </button>
  );
}

function OrderConfirmed({ total }: { total: number }) {
  // The journey point: the visitor reached the confirmation.
  useEffect(() => track("checkout_completed", { total }), [total]);
  return <h1>Thank you for your order</h1>;
}
