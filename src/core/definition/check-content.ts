// What a survey asks, checked: its questions and their rules, the thank-you step, the template's
// combinations and words, the recalled values. Loaded on demand (docs/architecture.md §7): `init`
// checks identity and targeting at once, this runs just before a survey first shows, or at init
// with `debug: true`; the builder and the JSON schema check the same at authoring time. What a
// survey that passed needs before it shows comes with it (unchecked.ts's ContentCheck).
import { boolean, checkObject, expect, fail, httpUrl, identifier as id, isRecord, localized, oneOf, text, type Check, type Fields, type Report } from './checks.js';
import { END_OF_SURVEY, RULE_OPERATORS } from './flow.js';
import { checkOperand, type ComparedValues } from './operators.js';
import { LABEL_MAX_LENGTH, MAX_QUESTIONS, QUESTION_KINDS, QUESTION_TYPES, TEXT_MAX_LENGTH, kindOf } from './question-kinds.js';
import { checkRecall } from './recall.js';
import type { ContentVerdict } from './unchecked.js';

export { localizeSurvey } from './localize.js';
export { recaller } from './recall.js';
import { MATRIX_TEMPLATES, TEMPLATE_TEXT, expandTemplate, templateQuestions } from './templates.js';
import { TEMPLATE_NAMES } from './template-names.js';
import type { Question, QuestionType, Survey, SurveyTemplate } from '../types.js';

const longText = localized(text(TEXT_MAX_LENGTH));
const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);
/** An answer rule compares answers, which are never null. */
const ANSWER_VALUES: ComparedValues = { is: isScalar, named: 'a string, number or boolean' };
const pathOf = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** Answer rules refer to questions by id: `earlier` holds the ids asked before this one, with their kinds. */
function rule(earlier: Map<string, QuestionType | undefined>): Check {
  return (value, path, report) => {
    if (!isRecord(value)) return fail(report, path, 'expected a rule like { "question": "score", "lte": 6 }', value);
    if (!earlier.has(value.question as string)) fail(report, `${path}.question`, 'expected the id of an earlier question in this survey', value.question);
    const operators = Object.keys(value).filter((key) => key !== 'question');
    const operator = operators[0] as (typeof RULE_OPERATORS)[number];
    if (operators.length !== 1 || !RULE_OPERATORS.includes(operator)) {
      return fail(report, path, `expected "question" and one of ${RULE_OPERATORS.join(', ')}`);
    }
    if (operator === 'answered') return boolean(value.answered, `${path}.answered`, report);
    checkOperand(operator, value[operator], `${path}.${operator}`, report, ANSWER_VALUES);
    const type = earlier.get(value.question as string);
    if (type && QUESTION_KINDS[type].comparable === false) fail(report, `${path}.${operator}`, `a rule on a "${type}" question may only ask whether it was "answered"`);
  };
}

/** A survey's own questions, after its template's items (which rules may refer to). */
function checkQuestions(value: unknown, path: string, report: Report, taken: Question[]): void {
  // Not a list of objects: validate.ts said so at init.
  if (!Array.isArray(value)) return;
  const [fewest, most] = [taken.length ? 0 : 1, MAX_QUESTIONS - taken.length];
  if (value.length < fewest || value.length > most) return fail(report, path, `expected a list of ${fewest} to ${most} questions`, value);
  const earlier = new Map<string, QuestionType | undefined>(taken.map((item) => [item.id, item.type]));
  // The items of a template shown as a matrix keep their ids as its rows: collectors score them by these.
  const reserved = new Set(taken.flatMap((item) => (item.type === 'matrix' ? item.rows.map((row) => row.id) : [])));
  value.forEach((question, index) => {
    const at = `${path}[${index}]`;
    const kind = isRecord(question) && Object.hasOwn(QUESTION_KINDS, question.type as string) ? kindOf(question as unknown as Question) : undefined;
    const common: Fields = { id, type: oneOf(QUESTION_TYPES), text: longText, optional: boolean, if: rule(new Map(earlier)), next: text(64) };
    const before = report.problems.length;
    if (!checkObject(question, at, report, { ...common, ...kind?.fields }, ['id', 'type', 'text', ...(kind?.required ?? [])])) return;
    if (report.problems.length === before) kind?.check?.(question as unknown as Question, at, report);
    if (earlier.has(question.id as string) || reserved.has(question.id as string)) fail(report, `${at}.id`, `duplicate question id "${question.id}"`);
    earlier.set(question.id as string, kind && (question.type as QuestionType));
  });
  // Jumps go forward only, so no definition can make the visitor go round in a loop.
  value.forEach((question, index) => {
    const target = isRecord(question) ? question.next : undefined;
    if (typeof target !== 'string' || target === END_OF_SURVEY) return;
    if (!value.slice(index + 1).some((later) => isRecord(later) && later.id === target)) {
      fail(report, `${path}[${index}].next`, `expected "${END_OF_SURVEY}" or the id of a later question in this survey`, target);
    }
  });
}

/** Replacements for template words; the lists separated by `|` keep their number of parts. */
const templateText: Check = (value, path, report) =>
  checkObject(
    value,
    path,
    report,
    Object.fromEntries(
      Object.keys(TEMPLATE_TEXT).map((key) => {
        const parts = { agree: 7, pmf_options: 3 }[key];
        return [
          key,
          parts ? expect((v) => typeof v == 'string' && v.split('|').filter((part) => part.trim()).length == parts, `expected ${parts} labels separated by |`) : longText,
        ];
      }),
    ),
  );

const thanks: Check = (value, path, report) => {
  if (typeof value === 'string' || (isRecord(value) && !('text' in value || 'link' in value))) return longText(value, path, report);
  if (!isRecord(value)) return fail(report, path, 'expected a text, or { "text", "link": { "label", "url" } }', value);
  checkObject(value, path, report, {
    text: longText,
    link: (link, at) => checkObject(link, at, report, { label: localized(text(LABEL_MAX_LENGTH)), url: httpUrl }, ['label', 'url']),
  });
};

/**
 * Checks what a survey definition asks (as written; `path` is where it was found, such as
 * `surveys[2]`), adding each problem with its path. Its identity and targeting passed validate.ts.
 */
export function checkContent(survey: Record<string, unknown>, path: string, report: Report): void {
  const name = survey.template as SurveyTemplate | undefined;
  const layout = survey.layout === 'matrix' ? 'matrix' : undefined;
  const template = name && TEMPLATE_NAMES.includes(name) ? templateQuestions({ template: name, layout }) : [];
  if (survey.templateText !== undefined) templateText(survey.templateText, pathOf(path, 'templateText'), report);
  // With a template named, even a wrong one, `questions` are optional: the name is what to fix.
  if (survey.questions !== undefined || name === undefined) checkQuestions(survey.questions, pathOf(path, 'questions'), report, template);
  if (survey.thanks !== undefined) thanks(survey.thanks, pathOf(path, 'thanks'), report);
  if (name == 'pmf' && survey.product === undefined) fail(report, pathOf(path, 'product'), 'is required for "template": "pmf"');
  if (layout && !MATRIX_TEMPLATES.includes(name!)) fail(report, pathOf(path, 'layout'), `"matrix" applies to the templates ${MATRIX_TEMPLATES.join(' and ')}`);
  checkRecall(
    survey,
    path,
    report,
    template.map((question) => question.id),
  );
}

/** What a survey asks, checked on its own, and (when it passed) the survey as the rest of the SDK sees it, its template's items in: what the on-demand file gives the core (unchecked.ts). */
export function contentReport(survey: Record<string, unknown>, path: string): ContentVerdict {
  const report: Report = { problems: [], warnings: [] };
  checkContent(survey, path, report);
  return report.problems.length ? report : { ...report, survey: expandTemplate(survey as unknown as Survey) };
}
