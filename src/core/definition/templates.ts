import type { Question, Survey, SurveyTemplate } from '../types.js';

/**
 * The words of every template, in English, as the instruments publish them. A survey's
 * `templateText` replaces any of them (another language, or the product named in an item).
 * `{product}` is the survey's `product` (default: `product` here); `|` separates the options of
 * `pmf_options` and the seven agreement points of `agree`, lowest first.
 */
export const TEMPLATE_TEXT = {
  product: 'us',
  nps: 'How likely is it that you would recommend {product} to a friend or colleague?',
  nps_reason: 'What is the primary reason for your score?',
  csat: 'Overall, how satisfied are you with {product}?',
  ces: 'The company made it easy for me to handle my issue.',
  sus1: 'I think that I would like to use this system frequently.',
  sus2: 'I found the system unnecessarily complex.',
  sus3: 'I thought the system was easy to use.',
  sus4: 'I think that I would need the support of a technical person to be able to use this system.',
  sus5: 'I found the various functions in this system were well integrated.',
  sus6: 'I thought there was too much inconsistency in this system.',
  sus7: 'I would imagine that most people would learn to use this system very quickly.',
  sus8: 'I found the system very cumbersome to use.',
  sus9: 'I felt very confident using the system.',
  sus10: 'I needed to learn a lot of things before I could get going with this system.',
  umux1: "This system's capabilities meet my requirements.",
  umux2: 'This system is easy to use.',
  agreement: 'How much do you agree with each statement?',
  pmf: 'How would you feel if you could no longer use {product}?',
  pmf_options: 'Very disappointed|Somewhat disappointed|Not disappointed',
  agree: 'Strongly disagree|Disagree|Somewhat disagree|Neither agree nor disagree|Somewhat agree|Agree|Strongly agree',
};

/** Every string a template shows, by key. */
export type TemplateText = Record<keyof typeof TEMPLATE_TEXT, string>;

/** Templates whose items a survey may show as one matrix (`"layout": "matrix"`). */
export const MATRIX_TEMPLATES: readonly SurveyTemplate[] = ['sus', 'umux-lite'];

/** The answer ids of the PMF options, in the order of `pmf_options`. */
export const PMF_ANSWERS = ['very_disappointed', 'somewhat_disappointed', 'not_disappointed'];

/** Question ids each template contributes, in order, one item per step (also what validation reserves for it). */
export const TEMPLATES: Record<SurveyTemplate, string[]> = {
  nps: ['nps', 'nps_reason'],
  csat: ['csat'],
  ces: ['ces'],
  sus: Array.from({ length: 10 }, (_, index) => `sus${index + 1}`),
  'umux-lite': ['umux1', 'umux2'],
  pmf: ['pmf'],
};

/**
 * The standard items of `survey.template`, worded from `TEMPLATE_TEXT` and the survey's
 * `templateText`. With `"layout": "matrix"`, SUS and UMUX-Lite are one matrix whose id is the
 * template's (`sus`, `umux`) and whose rows are the items, with their ids and points: scored alike.
 */
export function templateQuestions({ template, product, templateText, layout }: Pick<Survey, 'template' | 'product' | 'templateText' | 'layout'>): Question[] {
  if (!template) return [];
  const words: TemplateText = { ...TEMPLATE_TEXT, ...templateText };
  const say = (id: string) => words[id as keyof TemplateText].replace('{product}', product ?? words.product);
  const agree = words.agree.split('|');
  if (layout === 'matrix' && MATRIX_TEMPLATES.includes(template)) {
    const sus = template === 'sus';
    // SUS's five points are the seven-point agreement scale without its "somewhat" points.
    const points = sus ? [0, 1, 3, 5, 6] : [0, 1, 2, 3, 4, 5, 6];
    return [
      {
        id: sus ? 'sus' : 'umux',
        type: 'matrix',
        text: say('agreement'),
        rows: TEMPLATES[template].map((id) => ({ id, label: say(id) })),
        columns: points.map((point, index) => ({ value: index + 1, label: agree[point] })),
      },
    ];
  }
  return TEMPLATES[template].map((id): Question => {
    const text = say(id);
    // SUS is the five-point form, UMUX-Lite the seven-point one; both are labelled at their ends.
    if (/^(sus|umux)/.test(id)) return { id, type: 'rating', scale: id[0] == 's' ? 5 : 7, text, lowLabel: agree[0], highLabel: agree[6] };
    if (id == 'nps_reason') return { id, type: 'text', text, optional: true };
    if (id == 'ces') return { id, type: 'ces', text, labels: agree };
    if (id == 'pmf') return { id, type: 'choice', text, options: words.pmf_options.split('|').map((label, index) => ({ id: PMF_ANSWERS[index], label })) };
    return { id, type: id as 'nps' | 'csat', text };
  });
}

/** The survey with its template's items before its own questions; what the rest of the SDK sees. */
export const expandTemplate = (survey: Survey): Survey => (survey.template ? { ...survey, questions: [...templateQuestions(survey), ...(survey.questions ?? [])] } : survey);
