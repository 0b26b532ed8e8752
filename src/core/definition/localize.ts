import type { LocalizedText, Question, Survey, Thanks } from '../types.js';

const languageOf = (tag: string) => tag.toLowerCase().split('-')[0];

/** The key of `offered` for `wanted`: the same tag (any case), else one of the same language. */
function match(offered: string[], wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  return offered.find((tag) => tag.toLowerCase() === lower) ?? offered.find((tag) => languageOf(tag) === languageOf(lower));
}

/** Whether a `thanks` object is texts by locale rather than `{ text, link }`. */
const isTexts = (thanks: object): thanks is Record<string, string> => !('text' in thanks || 'link' in thanks);

/** A copy of the survey with every visitor-facing text passed through `change` (recall.ts puts recalled values in the same texts). */
export function mapTexts(survey: Survey, change: (text: LocalizedText) => string): Survey {
  const maybe = (text: LocalizedText | undefined) => (text === undefined ? undefined : change(text));
  const questions = survey.questions.map((question) => {
    const copy = { ...question, text: change(question.text) } as Question & Record<string, unknown>;
    if ('lowLabel' in question) copy.lowLabel = maybe(question.lowLabel);
    if ('highLabel' in question) copy.highLabel = maybe(question.highLabel);
    if ('labels' in question && Array.isArray(question.labels)) copy.labels = question.labels.map(change);
    if ('placeholder' in question) copy.placeholder = maybe(question.placeholder);
    if ('options' in question)
      copy.options = question.options.map((option) =>
        typeof option === 'string' ? option : { ...option, label: change(option.label), ...('alt' in option && { alt: change(option.alt) }) },
      );
    // The texts of the kinds of issue #22.
    if (question.type === 'matrix') {
      copy.rows = question.rows.map((row) => ({ ...row, label: change(row.label) }));
      copy.columns = question.columns.map((column) => ({ ...column, label: change(column.label) }));
    }
    if (question.type === 'slider' && question.labels) copy.labels = { min: maybe(question.labels.min), max: maybe(question.labels.max) };
    if (question.type === 'cta') Object.assign(copy, { body: maybe(question.body), button: { ...question.button, label: change(question.button.label) } });
    return copy as Question;
  });
  let { thanks } = survey;
  if (typeof thanks === 'object' && !isTexts(thanks)) {
    const { text, link } = thanks as Thanks;
    thanks = { text: maybe(text), link: link && { ...link, label: change(link.label) } };
  } else if (thanks !== undefined) {
    thanks = change(thanks);
  }
  return { ...survey, questions, thanks };
}

/**
 * The locale a survey is shown in for a visitor who prefers `preferred`: that one (or its
 * language) when the survey's texts come in it, else the survey's default language. A survey
 * written in plain strings is in its `language`, else taken to be in the site's.
 */
export function shownLocale(survey: Survey, preferred: string): string {
  const offered = new Set<string>();
  mapTexts(survey, (text) => {
    if (typeof text === 'object') for (const tag of Object.keys(text)) offered.add(tag);
    return '';
  });
  const tags = [...offered];
  if (!tags.length) return survey.language ?? preferred;
  return match(tags, preferred) ?? survey.language ?? match(tags, 'en') ?? tags[0];
}

/** A text in `locale`: its own version, else its language's, else the survey's default language's, else the first. */
export function textIn(text: LocalizedText, locale: string, fallback = 'en'): string {
  if (typeof text === 'string') return text;
  const tags = Object.keys(text);
  return text[match(tags, locale) ?? match(tags, fallback) ?? tags[0]];
}

/** The survey as shown to a visitor who prefers `preferred`: its locale, and a copy in which every text is a string. */
export function localizeSurvey(survey: Survey, preferred: string): { survey: Survey; locale: string } {
  const locale = shownLocale(survey, preferred);
  return { locale, survey: mapTexts(survey, (text) => textIn(text, locale, survey.language)) };
}
