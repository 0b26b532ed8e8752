// What every build exposes, whichever way it presents surveys: the ESM face loads the UI on
// demand (index.ts), the one-file script tag has it bundled in (iife.ts).
export { init, track, show, preview, explain, identify, flush, on, deadLetters, destroy, consent } from './api/api.js';
export { EarshotConfigError } from './core/errors.js';
export { SDK_VERSION as version } from './core/version.js';
export { addLocale } from './i18n/strings.js';
export type { Phrase, Strings } from './i18n/strings.js';
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
  CtaQuestion,
  MatrixAnswer,
  MatrixColumn,
  MatrixQuestion,
  MatrixRow,
  PictureOption,
  RankingQuestion,
  SliderQuestion,
  TextFormat,
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
// The elements: `HTMLElementTagNameMap` and the `earshot:*` events, for TypeScript (types only).
export type { EarshotSurveyAttributes, EarshotSurveyElement, EarshotSurveyEventMap, EarshotWindowEventMap } from './frameworks/elements.js';
