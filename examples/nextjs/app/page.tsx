import { EarshotSurvey } from "./earshot-survey";
import { FeedbackButton } from "./feedback-button";

const helpful = {
  id: "docs-helpful",
  questions: [{ id: "helpful", type: "thumbs" as const, text: "Was this page helpful?" }],
};

/** A page (a server component): server-rendered with the survey's markup, hydrated in the browser. */
export default function Page() {
  return (
    <main>
      <h1>Getting started</h1>
      <EarshotSurvey survey={helpful} />
      <FeedbackButton />
    </main>
  );
}
