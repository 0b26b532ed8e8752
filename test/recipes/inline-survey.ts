// What the framework recipes' tests share: a one-question definition, and answering it as a visitor.
import type { Survey } from '../../src/index.js';
import { settle } from '../support/fakes.js';
import { getByRole, rendered, walk } from '../support/dom.js';

export const DOCS_HELPFUL: Survey = {
  id: 'docs-helpful',
  questions: [{ id: 'helpful', type: 'thumbs', text: 'Was this page helpful?' }],
};

/** The one `<earshot-survey>` under `root`, once Earshot has filled it in and it has rendered. */
export async function renderedSurvey(root: ParentNode): Promise<HTMLElement> {
  await settle();
  const found = root.querySelectorAll<HTMLElement>('earshot-survey');
  if (found.length !== 1) throw new Error(`expected one <earshot-survey>, found ${found.length}`);
  await rendered(found[0]);
  return found[0];
}

/** Answers "Thumbs up" and submits, as a visitor does. */
export async function answerThumbsUp(survey: HTMLElement): Promise<void> {
  getByRole(survey.shadowRoot!, 'radio', 'Thumbs up').click();
  await rendered(survey);
  getByRole(survey.shadowRoot!, 'button', 'Submit').click();
  await rendered(survey);
}

/** The text a visitor reads in the survey, across its nested shadow roots. */
export function surveyText(survey: HTMLElement): string {
  const roots = [survey.shadowRoot!, ...[...walk(survey.shadowRoot!)].flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []))];
  return roots
    .map((root) => root.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');
}
