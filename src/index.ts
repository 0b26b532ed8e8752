import { usePresenter } from './api.js';
import { watchEmbeds } from './embed/embed.js';
import { presenter } from './ui/present.js';

usePresenter(presenter);
watchEmbeds();
export { init, track, show, identify, flush, on, destroy, consent } from './api.js';
export { EarshotConfigError } from './core/errors.js';
export type {
  Answer,
  AnswerRule,
  Answers,
  Audience,
  Batch,
  Condition,
  Conditions,
  ConsentState,
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
