"use client";

/** A "Give feedback" button: Earshot is imported when it is clicked (already loaded by then). */
export function FeedbackButton() {
  return (
    <button type="button" onClick={() => void import("earshot").then(({ show }) => show("docs-csat"))}>
      Give feedback
    </button>
  );
}
