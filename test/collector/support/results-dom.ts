// Reading the results page as a person does: by survey, by the heading of a part, by question text,
// and tables as rows of cell texts.
import { Window } from 'happy-dom';
import type { Demo } from '../demo';

// One window parses every page: creating a happy-dom window costs more than a parse.
const parser = new new Window().DOMParser();

export type Doc = ReturnType<typeof parser.parseFromString>;
export type El = ReturnType<Doc['querySelector']> & {};

/** `openResults(path)` for one demo server: the response and the parsed page. */
export function resultsOf(demo: Demo) {
  return async function openResults(path = '/results') {
    const res = await fetch(demo.url(path));
    const document = parser.parseFromString(await res.text(), 'text/html');
    return { res, document };
  };
}

export const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export function surveySection(document: Doc, surveyId: string): El {
  const section = document.querySelector(`section.survey[data-survey-id="${surveyId}"]`);
  if (!section) throw new Error(`no results for survey ${surveyId}`);
  return section;
}

/** The part of a survey's results under the heading `title`. */
export function partOf(survey: El, title: string): El {
  const found = [...survey.querySelectorAll('section.part')].find((part) => clean(part.querySelector('h3')?.textContent) === title);
  if (!found) throw new Error(`no part titled "${title}"`);
  return found;
}

/** The question's block, found by the question text as its heading. */
export function questionOf(survey: El, text: string): El {
  const found = [...survey.querySelectorAll('article.question')].find((article) => clean(article.querySelector('h4')?.textContent) === text);
  if (!found) throw new Error(`no question "${text}"`);
  return found;
}

export function tableRows(table: El | null): string[][] {
  if (!table) throw new Error('no table');
  return [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => clean(cell.textContent)));
}

/** The table of a part whose caption is `caption`. */
export function tableCaptioned(scope: El, caption: string): El {
  const found = [...scope.querySelectorAll('table')].find((table) => clean(table.querySelector('caption')?.textContent) === caption);
  if (!found) throw new Error(`no table captioned "${caption}"`);
  return found;
}
