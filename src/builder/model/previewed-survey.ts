import { localizeSurvey } from '../../core/definition/localize.js';
import { expandTemplate } from '../../core/definition/templates.js';
import type { Survey, SurveyDefinition } from '../../core/types.js';

/** What the preview shows for a valid definition: its template's items expanded, its texts in its language, inline. */
export function previewedSurvey(definition: SurveyDefinition): { survey: Survey; locale: string } {
  const expanded = expandTemplate({ ...definition, questions: definition.questions ?? [] } as Survey);
  const { survey, locale } = localizeSurvey(expanded, definition.language ?? 'en');
  // The preview pane is where it shows, whatever the mode; a Close button would only empty the pane.
  return { survey: { ...survey, display: 'inline', closeButton: false }, locale };
}
