import '../ui/define.js';
import { AudienceEditorElement } from './editors/audience-editor.js';
import { BuilderAppElement } from './builder-app.js';
import { ConditionsEditorElement } from './editors/conditions-editor.js';
import { DisplayEditorElement } from './editors/display-editor.js';
import { FrequencyEditorElement } from './editors/frequency-editor.js';
import { JsonPanelElement } from './editors/json-panel.js';
import { MatrixEditorElement } from './editors/matrix-editor.js';
import { OptionsEditorElement } from './editors/options-editor.js';
import { QuestionEditorElement } from './editors/question-editor.js';
import { RuleEditorElement } from './editors/rule-editor.js';
import { SurveyPreviewElement } from './survey-preview.js';
import { SurveySettingsElement } from './editors/survey-settings.js';
import { ThanksEditorElement } from './editors/thanks-editor.js';
import { ThemeEditorElement } from './editors/theme-editor.js';
import { TriggerEditorElement } from './editors/trigger-editor.js';
import { PageTesterElement } from './editors/page-tester.js';
import { CompetitorsElement } from './editors/competitors.js';
import { PublishPanelElement } from './editors/publish-panel.js';

/** The builder page's elements, registered in one place, with the widget's own (for the preview). */
const ELEMENTS: Record<string, CustomElementConstructor> = {
  'builder-app': BuilderAppElement,
  'builder-survey-settings': SurveySettingsElement,
  'builder-question-editor': QuestionEditorElement,
  'builder-options-editor': OptionsEditorElement,
  'builder-matrix-editor': MatrixEditorElement,
  'builder-rule-editor': RuleEditorElement,
  'builder-trigger-editor': TriggerEditorElement,
  'builder-conditions-editor': ConditionsEditorElement,
  'builder-audience-editor': AudienceEditorElement,
  'builder-frequency-editor': FrequencyEditorElement,
  'builder-display-editor': DisplayEditorElement,
  'builder-thanks-editor': ThanksEditorElement,
  'builder-theme-editor': ThemeEditorElement,
  'builder-survey-preview': SurveyPreviewElement,
  'builder-json-panel': JsonPanelElement,
  'builder-page-tester': PageTesterElement,
  'builder-competitors': CompetitorsElement,
  'builder-publish-panel': PublishPanelElement,
};

for (const [name, element] of Object.entries(ELEMENTS)) customElements.define(name, element);
