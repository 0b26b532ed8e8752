import type { Answer, Question, QuestionType, Survey } from '../../core/types.js';
import type { LocaleStrings } from '../../i18n/strings.js';
import { defineOnce } from '../define-once.js';

/** The element that asks one kind of question: its tag, and how to get its class. */
export interface QuestionElementRow {
  tag: `earshot-${string}-question`;
  /** Its module, imported on demand: the split and ESM builds make each kind a file of its own, fetched only for surveys that use it. */
  load: () => Promise<CustomElementConstructor>;
}

/**
 * Which element asks each kind, one row per kind (its element lives in the kind's own folder).
 * A kind's code arrives with the first survey that uses it ({@link defineKinds}); the survey
 * renders a question by tag alone. custom-elements-manifest.config.mjs reads these rows as written.
 */
export const QUESTION_ELEMENTS: { [K in QuestionType]: QuestionElementRow } = {
  nps: { tag: 'earshot-nps-question', load: () => import('./nps/nps-question.js').then((module) => module.NpsQuestionElement) },
  rating: { tag: 'earshot-rating-question', load: () => import('./rating/rating-question.js').then((module) => module.RatingQuestionElement) },
  csat: { tag: 'earshot-csat-question', load: () => import('./csat/csat-question.js').then((module) => module.CsatQuestionElement) },
  ces: { tag: 'earshot-ces-question', load: () => import('./ces/ces-question.js').then((module) => module.CesQuestionElement) },
  thumbs: { tag: 'earshot-thumbs-question', load: () => import('./thumbs/thumbs-question.js').then((module) => module.ThumbsQuestionElement) },
  choice: { tag: 'earshot-choice-question', load: () => import('./choice/choice-question.js').then((module) => module.ChoiceQuestionElement) },
  text: { tag: 'earshot-text-question', load: () => import('./text/text-question.js').then((module) => module.TextQuestionElement) },
  matrix: { tag: 'earshot-matrix-question', load: () => import('./matrix/matrix-question.js').then((module) => module.MatrixQuestionElement) },
  ranking: { tag: 'earshot-ranking-question', load: () => import('./ranking/ranking-question.js').then((module) => module.RankingQuestionElement) },
  slider: { tag: 'earshot-slider-question', load: () => import('./slider/slider-question.js').then((module) => module.SliderQuestionElement) },
  cta: { tag: 'earshot-cta-question', load: () => import('./cta/cta-question.js').then((module) => module.CtaQuestionElement) },
};

/** Every kind the surveys ask, each once. */
export const kindsOf = (surveys: readonly Survey[]): QuestionType[] => [
  // A survey prefetched before its check may be as written still, its template's items to come with the check (no `questions` then).
  ...new Set(surveys.flatMap((survey) => (survey.questions ?? []).map((question) => question.type)).filter((type) => Object.hasOwn(QUESTION_ELEMENTS, type))),
];

/** Whether the elements of these kinds are defined already, so a survey asking them can render at once. */
export const kindsDefined = (kinds: readonly QuestionType[]): boolean => kinds.every((kind) => customElements.get(QUESTION_ELEMENTS[kind].tag));

/** Loads the elements of these kinds (those not loaded yet) and defines them; rejects when one could not be loaded. */
export async function defineKinds(kinds: readonly QuestionType[]): Promise<void> {
  const missing = kinds.filter((kind) => !customElements.get(QUESTION_ELEMENTS[kind].tag));
  const loaded = await Promise.all(missing.map(async (kind) => [QUESTION_ELEMENTS[kind].tag, await QUESTION_ELEMENTS[kind].load()] as const));
  defineOnce(Object.fromEntries(loaded));
}

/** Defines every kind's element: for a build that bundles them all, where their imports resolve in the task that starts them. */
export const defineEveryKind = (): Promise<void> => defineKinds(Object.keys(QUESTION_ELEMENTS) as QuestionType[]);

/** What a question element is given: the question, its answer so far, and the words in the survey's locale. */
export interface QuestionInputs {
  question: Question;
  value: Answer | undefined;
  strings: LocaleStrings;
}

/**
 * The element that asks `question`: `current` again when it is of the same kind (going from one
 * NPS question to the next updates the element, as a template per kind would), else a new one.
 * One made before its kind is defined takes these inputs when it is upgraded.
 */
export function questionElement(current: HTMLElement | undefined, inputs: QuestionInputs): HTMLElement {
  const { tag } = QUESTION_ELEMENTS[inputs.question.type];
  // Property by property, as `.question=${…}` bindings would: Lit re-renders only what changed.
  return Object.assign(current?.localName === tag ? current : document.createElement(tag), inputs);
}
