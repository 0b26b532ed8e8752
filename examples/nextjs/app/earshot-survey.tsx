"use client";
// The React recipe, marked as a client component: the server renders the bare <earshot-survey>,
// and the browser fills it in once the page has hydrated.
export { EarshotSurvey } from "../../react/EarshotSurvey";
