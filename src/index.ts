import { usePresenter } from './api.js';
import { presenter } from './ui/present.js';

usePresenter(presenter);
export { init, track, show, identify, flush, on, destroy } from './api.js';
export { EarshotConfigError } from './core/errors.js';
export { addLocale } from './ui/strings.js';
export type { Phrase, Strings } from './ui/strings.js';
export type {
  Answer,
  AnswerRule,
  Answers,
  ColorScheme,
  LocalizedText,
  Theme,
  Audience,
  Batch,
  Condition,
  Conditions,
  DisplayMode,
  EarshotConfig,
  EarshotErrorCode,
  EarshotEventName,
  EarshotEvents,
  EventTrigger,
  NpsQuestion,
  Question,
  QuestionRecord,
  QuestionType,
  Survey,
  SurveyResponse,
  TextQuestion,
  Trigger,
  TriggerRecord,
  UrlRule,
  User,
  UserTraits,
} from './core/types.js';
