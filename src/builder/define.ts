import '../ui/define.js';
import { AudienceEditorElement } from './audience-editor.js';
import { BuilderAppElement } from './builder-app.js';
import { ConditionsEditorElement } from './conditions-editor.js';
import { DisplayEditorElement } from './display-editor.js';
import { FrequencyEditorElement } from './frequency-editor.js';
import { JsonPanelElement } from './json-panel.js';
import { OptionsEditorElement } from './options-editor.js';
import { QuestionEditorElement } from './question-editor.js';
import { RuleEditorElement } from './rule-editor.js';
import { SurveyPreviewElement } from './survey-preview.js';
import { SurveySettingsElement } from './survey-settings.js';
import { ThanksEditorElement } from './thanks-editor.js';
import { ThemeEditorElement } from './theme-editor.js';
import { TriggerEditorElement } from './trigger-editor.js';

/** The builder page's elements, registered in one place, with the widget's own (for the preview). */
const ELEMENTS: Record<string, CustomElementConstructor> = {
  'builder-app': BuilderAppElement,
  'builder-survey-settings': SurveySettingsElement,
  'builder-question': QuestionEditorElement,
  'builder-options-editor': OptionsEditorElement,
  'builder-rule-editor': RuleEditorElement,
  'builder-trigger-editor': TriggerEditorElement,
  'builder-conditions-editor': ConditionsEditorElement,
  'builder-audience-editor': AudienceEditorElement,
  'builder-frequency-editor': FrequencyEditorElement,
  'builder-display-editor': DisplayEditorElement,
  'builder-thanks-editor': ThanksEditorElement,
  'builder-theme-editor': ThemeEditorElement,
  'builder-preview': SurveyPreviewElement,
  'builder-json-panel': JsonPanelElement,
};

for (const [name, element] of Object.entries(ELEMENTS)) customElements.define(name, element);
