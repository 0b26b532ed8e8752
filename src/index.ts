import { usePresenter } from './api.js';
import { watchEmbeds } from './embed/embed.js';
import { presenter } from './ui/present.js';

usePresenter(presenter);
watchEmbeds();
export { init, track, show, preview, explain, identify, flush, on, deadLetters, destroy, consent } from './api.js';
export { EarshotConfigError } from './core/errors.js';
export { addLocale } from './ui/strings.js';
export type { Phrase, Strings } from './ui/strings.js';
export type {
  Answer,
  AnswerRule,
  AnswerValue,
  Answers,
  ColorScheme,
  LocalizedText,
  Theme,
  Audience,
  Batch,
  CesQuestion,
  ChoiceOption,
  ChoiceQuestion,
  Condition,
  Conditions,
  DeadLetter,
  ConsentState,
  CsatQuestion,
  DisplayMode,
  EarshotConfig,
  EligibilityCode,
  EligibilityReason,
  SurveyDefinition,
  SurveyEligibility,
  EarshotErrorCode,
  EarshotEventName,
  EarshotEvents,
  EventTrigger,
  NpsQuestion,
  PopoverPosition,
  Question,
  QuestionRecord,
  QuestionType,
  RatingQuestion,
  Survey,
  SurveyResponse,
  TextQuestion,
  Thanks,
  ThumbsQuestion,
  Trigger,
  TriggerRecord,
  UrlRule,
  User,
  UserTraits,
} from './core/types.js';
export type { Listener } from './core/emitter.js';
