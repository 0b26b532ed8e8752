// The JSON Schema for survey definitions and the SDK's own validator agree: on every definition
// of the corpus, both accept or both reject. "Accept" for the SDK means no problem and no
// warning (the schema rejects unknown keys, which the SDK ignores with a warning, so that typos
// show in an editor). A few rules relate fields across the survey, which JSON Schema cannot
// express; those cases are listed apart and only the SDK rejects them.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, type Report } from '../../src/core/definition/checks.js';
import { checkWholeSurvey, validateWholeConfig } from '../../src/core/definition/validate-whole.js';
import { RECALL_TEXT } from '../../src/core/definition/recall.js';
import { URL_REGEX_MAX_LENGTH, URL_REGEX_SUBSET } from '../../src/core/targeting/url-regex.js';
import batchSchema from '../../src/schema/batch.schema.json' with { type: 'json' };
import schema from '../../src/schema/survey.schema.json' with { type: 'json' };

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
addFormats(ajv, ['regex']);
const schemaAccepts = ajv.compile({ ...schema, anyOf: undefined, $ref: '#/$defs/survey' });
const fileAccepts = ajv.compile(schema);

function sdkAccepts(definition: unknown): boolean {
  const report: Report = { problems: [], warnings: [] };
  checkWholeSurvey(definition, '', report, new Set());
  return report.problems.length + report.warnings.length === 0;
}

/** Uses every field of a survey and every question kind with all of its fields. */
const full = () => ({
  id: 'every-field',
  label: 'Checkout, from the cart',
  hiddenFields: ['utm_source', 'plan-2'],
  trigger: {
    label: 'Bought, scrolled and waited',
    all: [
      { event: 'checkout_completed', label: 'Bought', where: { total: { gte: 10 }, coupon: null, plan: 'pro', vip: { exists: true }, tier: { in: ['a', 'b'] } } },
      {
        any: [{ url: '/checkout/*' }, { url: { equals: '/a' } }, { url: { startsWith: '/b' } }, { url: { contains: 'c' } }, { url: { glob: '/d/*' } }, { url: { regex: '^/e$' } }],
      },
      { selector: '#buy' },
      { scroll: 60 },
      { exitIntent: true },
      { delay: 20 },
    ],
  },
  audience: { traits: { plan: { in: ['pro', 'team'] }, seats: { gt: 1, lte: 50 } }, device: { in: ['desktop', 'tablet'] }, language: 'en', referrer: { neq: '' } },
  sample: 0.2,
  startsAt: '2026-12-01',
  endsAt: '2027-01-01T00:00:00Z',
  maxResponses: 500,
  closesAt: '2026-12-24T18:00:00Z',
  recontactDays: 90,
  dismissedRecontactDays: 14,
  priority: -1,
  display: 'inline',
  position: 'top-left',
  target: '#feedback',
  closeButton: true,
  autoAdvance: false,
  thanks: { text: 'Thanks!', link: { label: 'Read more', url: 'https://example.com/more' } },
  cooldown: false,
  theme: { accent: '#0f766e', onAccent: 'white', radius: 4, font: 'Georgia, serif', fontSize: '1rem', dark: { accent: '#5eead4' } },
  colorScheme: 'dark',
  questions: [
    { id: 'score', type: 'nps', text: 'How likely?', lowLabel: 'No', highLabel: 'Yes' },
    { id: 'stars', type: 'rating', text: 'Rate', scale: 10, style: 'stars', lowLabel: 'Bad', highLabel: 'Good', optional: true },
    { id: 'face', type: 'rating', text: 'Mood', scale: 3, style: 'emoji', if: { question: 'score', lte: 6 } },
    { id: 'sat', type: 'csat', text: 'Satisfied?', labels: ['1', '2', '3', '4', '5'], if: { question: 'score', in: [1, 2] } },
    { id: 'effort', type: 'ces', text: 'Easy?', labels: ['1', '2', '3', '4', '5', '6', '7'], if: { question: 'stars', answered: true } },
    { id: 'thumb', type: 'thumbs', text: 'Helpful?', next: 'why' },
    { id: 'pick', type: 'choice', text: 'Which?', options: ['A', { id: 'b', label: 'B' }], multiple: true, other: true, shuffle: true, min: 1, max: 3 },
    { id: 'why', type: 'text', text: 'Why?', maxLength: 500, placeholder: 'Tell us', multiline: false, if: { question: 'thumb', eq: 0 } },
    { id: 'mail', type: 'text', text: 'Email?', format: 'email', optional: true },
    {
      id: 'mug',
      type: 'choice',
      text: 'Which mug?',
      options: [
        { id: 'blue', label: 'Blue', image: 'https://cdn.example/blue.png', alt: 'A blue mug' },
        { id: 'red', label: 'Red', image: 'img/red.png', alt: 'A red mug' },
        'None',
      ],
    },
    {
      id: 'grid',
      type: 'matrix',
      text: 'Agree?',
      rows: [
        { id: 'easy', label: 'Easy' },
        { id: 'fast', label: 'Fast' },
      ],
      columns: [
        { value: 1, label: 'No' },
        { value: 2, label: 'Yes' },
      ],
    },
    { id: 'order', type: 'ranking', text: 'Rank', options: ['A', { id: 'b', label: 'B' }], shuffle: true, if: { question: 'grid', answered: true } },
    { id: 'budget', type: 'slider', text: 'Budget?', min: 0, max: 100, step: 5, labels: { min: 'None', max: 'A lot' } },
    { id: 'book', type: 'cta', text: 'Demo?', body: 'Twenty minutes.', button: { label: 'Book a call', url: 'https://example.com/book' } },
  ],
});

type Mutation = [name: string, change: (survey: ReturnType<typeof full>) => unknown];
const q = (survey: ReturnType<typeof full>, id: string) => survey.questions.find((question) => question.id === id) as Record<string, unknown>;

const valid: Mutation[] = [
  ['every field', (s) => s],
  ['the least: id and one question', () => ({ id: 'a', questions: [{ id: 'q', type: 'thumbs', text: '?' }] })],
  ['thanks as text', (s) => ({ ...s, thanks: 'Merci' })],
  ['a popover without target', (s) => ({ ...s, display: 'popover', target: undefined })],
  ['a single choice with options as strings', (s) => ({ ...s, questions: [{ id: 'c', type: 'choice', text: '?', options: ['x', 'y'] }] })],
  ['a rating with emoji and the default scale', (s) => ({ ...s, questions: [{ id: 'r', type: 'rating', text: '?', style: 'emoji' }] })],
  ['conditions as plain values', (s) => ({ ...s, audience: { traits: { beta: true, n: 3 }, device: 'mobile', language: { eq: 'fr' }, referrer: { exists: false } } })],
  ['a relative thank-you link', (s) => ({ ...s, thanks: { link: { label: 'More', url: '/more' } } })],
  ['a date-time with an offset', (s) => ({ ...s, startsAt: '2026-12-01T09:00:00+02:00' })],
  [
    'texts by locale, with a default language',
    (s) => {
      Object.assign(q(s, 'score'), { text: { en: 'How likely?', fr: 'Probable ?' }, lowLabel: { en: 'No', 'pt-BR': 'Não' } });
      Object.assign(q(s, 'pick'), { options: ['A', { id: 'b', label: { en: 'B', fr: 'Bé' } }] });
      Object.assign(q(s, 'sat'), { labels: ['1', '2', '3', '4', { en: '5', fr: 'cinq' }] });
      Object.assign(q(s, 'why'), { placeholder: { en: 'Tell us', fr: 'Dites-nous' } });
      return { ...s, language: 'fr', thanks: { text: { en: 'Thanks', fr: 'Merci' }, link: { label: { en: 'More', fr: 'Plus' }, url: '/more' } } };
    },
  ],
  ['thanks as texts by locale', (s) => ({ ...s, thanks: { en: 'Thanks', fr: 'Merci' } })],
  [
    'recalled values in texts, labels, options, placeholders and the thank-you step',
    (s) => {
      Object.assign(q(s, 'score'), { text: 'Hi {{user.traits.name | there}}, how likely on {{ context.plan }}?', lowLabel: 'Not for {{user.id}}' });
      Object.assign(q(s, 'pick'), { options: ['A {{context.x}}', { id: 'b', label: { en: 'B {{answers.score}}', fr: 'Bé' } }] });
      Object.assign(q(s, 'why'), { placeholder: 'About {{answers.pick | it}}' });
      return { ...s, thanks: { text: 'Thanks {{answers.why|}}', link: { label: 'See {{context.plan}}', url: '/more' } } };
    },
  ],
  ['single braces, as in a template text', (s) => ((q(s, 'score').text = 'How likely { } {product}?'), s)],
  ['a template without questions', () => ({ id: 't', template: 'nps' })],
  ['an id of 64 characters, with every allowed sign', (s) => ({ ...s, id: `A0_.:-${'z'.repeat(58)}` })],
  ['a regex that backtracks catastrophically, which the SDK matches in linear time', (s) => ({ ...s, trigger: { url: { regex: '^(.|.)*#$' } } })],
  ['a regex of 200 characters', (s) => ({ ...s, trigger: { url: { regex: `^/${'a'.repeat(198)}` } } })],
  ['all and any four levels deep', (s) => ({ ...s, trigger: { all: [{ any: [{ all: [{ any: [{ event: 'a' }] }] }] }] } })],
  [
    'a template with a product, its words replaced, and questions of its own',
    (s) => ({ ...s, template: 'pmf', product: 'Mugs', templateText: { pmf: 'Without {product}?', pmf_options: 'Sad|Meh|Fine' } }),
  ],
  ['sus as one matrix, its question worded anew', (s) => ({ ...s, template: 'sus', layout: 'matrix', templateText: { agreement: 'Agree?' } })],
  ['umux-lite one item per step', (s) => ({ ...s, template: 'umux-lite', layout: 'steps' })],
  ['a call to action that goes to the next step', (s) => ((q(s, 'book').button = { label: 'Continue' }), s)],
  ['a call to action with a relative link', (s) => ((q(s, 'book').button = { label: 'Go', url: '/book' }), s)],
  ['a slider of decimals', (s) => (Object.assign(q(s, 'budget'), { min: -1, max: 1, step: 0.5 }), s)],
  ['a picture with a relative path', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', image: '/pictures/a.png', alt: 'A' }, 'B']), s)],
  ['every text format', (s) => ({ ...s, questions: ['email', 'url', 'phone', 'number', 'date'].map((format) => ({ id: format, type: 'text', text: '?', format })) })],
];

const invalid: Mutation[] = [
  ['maxResponses of 0', (s) => ({ ...s, maxResponses: 0 })],
  ['maxResponses not whole', (s) => ({ ...s, maxResponses: 2.5 })],
  ['closesAt not a date', (s) => ({ ...s, closesAt: 'at Christmas' })],
  ['no id', (s) => ({ ...s, id: undefined })],
  ['an id with a space', (s) => ({ ...s, id: 'two words' })],
  ['an id of 65 characters', (s) => ({ ...s, id: 'a'.repeat(65) })],
  ['an id starting with _', (s) => ({ ...s, id: '_a' })],
  ['an id with a letter outside ASCII', (s) => ({ ...s, id: 'café' })],
  ['a survey id every JavaScript object has', (s) => ({ ...s, id: 'toString' })],
  ['a question id every JavaScript object has', (s) => ((q(s, 'why').id = 'constructor'), s)],
  ['an option id every JavaScript object has', (s) => ((q(s, 'pick').options = ['A', { id: 'valueOf', label: 'B' }]), s)],
  ['no questions', (s) => ({ ...s, questions: [] })],
  ['51 questions', (s) => ({ ...s, questions: Array.from({ length: 51 }, (_, i) => ({ id: `q${i}`, type: 'thumbs', text: '?' })) })],
  ['an unknown survey key', (s) => ({ ...s, dispaly: 'modal' })],
  ['an unknown question key', (s) => ((q(s, 'score').color = 'red'), s)],
  ['an unknown question type', (s) => ((q(s, 'score').type = 'ratng'), s)],
  ['a question without text', (s) => (delete q(s, 'score').text, s)],
  ['a blank question text', (s) => ((q(s, 'score').text = '   '), s)],
  ['a question text over 2000 characters', (s) => ((q(s, 'score').text = 'x'.repeat(2001)), s)],
  ['optional not a boolean', (s) => ((q(s, 'score').optional = 'yes'), s)],
  ['a field of another kind (scale on nps)', (s) => ((q(s, 'score').scale = 5), s)],
  ['a long low label', (s) => ((q(s, 'score').lowLabel = 'x'.repeat(201)), s)],
  ['a rating scale of 4', (s) => ((q(s, 'stars').scale = 4), s)],
  ['an unknown rating style', (s) => ((q(s, 'stars').style = 'hearts'), s)],
  ['emoji on a scale of 7', (s) => (Object.assign(q(s, 'face'), { scale: 7 }), s)],
  ['four csat labels', (s) => ((q(s, 'sat').labels = ['1', '2', '3', '4']), s)],
  ['six ces labels', (s) => ((q(s, 'effort').labels = ['1', '2', '3', '4', '5', '6']), s)],
  ['a choice without options', (s) => (delete q(s, 'pick').options, s)],
  ['a choice with one option', (s) => ((q(s, 'pick').options = ['A']), s)],
  ['a choice with 31 options', (s) => ((q(s, 'pick').options = Array.from({ length: 31 }, (_, i) => `o${i}`)), s)],
  ['the same option twice', (s) => ((q(s, 'pick').options = ['A', 'A']), s)],
  ['an option object without label', (s) => ((q(s, 'pick').options = ['A', { id: 'b' }]), s)],
  ['an option id with a space', (s) => ((q(s, 'pick').options = ['A', { id: 'b c', label: 'B' }]), s)],
  ['min on a single choice', (s) => (Object.assign(q(s, 'pick'), { multiple: false }), s)],
  ['min of 0', (s) => ((q(s, 'pick').min = 0), s)],
  ['max not a whole number', (s) => ((q(s, 'pick').max = 1.5), s)],
  ['other not a boolean', (s) => ((q(s, 'pick').other = 1), s)],
  ['a text maxLength of 10001', (s) => ((q(s, 'why').maxLength = 10_001), s)],
  ['multiline not a boolean', (s) => ((q(s, 'why').multiline = 'no'), s)],
  ['a rule with two operators', (s) => ((q(s, 'face').if = { question: 'score', lte: 6, gte: 1 }), s)],
  ['a rule with no operator', (s) => ((q(s, 'face').if = { question: 'score' }), s)],
  ['a rule comparing with a string', (s) => ((q(s, 'face').if = { question: 'score', lt: 'six' }), s)],
  ['a rule with an empty in', (s) => ((q(s, 'face').if = { question: 'score', in: [] }), s)],
  ['a rule with an unknown operator', (s) => ((q(s, 'face').if = { question: 'score', like: 6 }), s)],
  ['a blank next', (s) => ((q(s, 'thumb').next = ''), s)],
  ['a trigger of two kinds', (s) => ({ ...s, trigger: { event: 'a', delay: 3 } })],
  ['an unknown trigger kind', (s) => ({ ...s, trigger: { pageview: true } })],
  ['where on a url trigger', (s) => ({ ...s, trigger: { url: '/a', where: { a: 1 } } })],
  ['an empty event name', (s) => ({ ...s, trigger: { event: '' } })],
  ['an empty all', (s) => ({ ...s, trigger: { all: [] } })],
  ['scroll of 0', (s) => ({ ...s, trigger: { scroll: 0 } })],
  ['scroll over 100', (s) => ({ ...s, trigger: { scroll: 101 } })],
  ['exitIntent false', (s) => ({ ...s, trigger: { exitIntent: false } })],
  ['a delay over a day', (s) => ({ ...s, trigger: { delay: 86_401 } })],
  ['a url object with two operators', (s) => ({ ...s, trigger: { url: { equals: '/a', contains: 'b' } } })],
  ['an unknown url operator', (s) => ({ ...s, trigger: { url: { matches: '/a' } } })],
  ['an invalid regex', (s) => ({ ...s, trigger: { url: { regex: '(' } } })],
  ['a regex with a count', (s) => ({ ...s, trigger: { url: { regex: '^/p/\\d{2}$' } } })],
  ['a regex with a lookahead', (s) => ({ ...s, trigger: { url: { regex: '^(?=/a)' } } })],
  ['a regex with a back-reference', (s) => ({ ...s, trigger: { url: { regex: '(a)\\1' } } })],
  ['a regex of 201 characters', (s) => ({ ...s, trigger: { url: { regex: `^/${'a'.repeat(199)}` } } })],
  ['a selector over 500 characters', (s) => ({ ...s, trigger: { selector: `#${'a'.repeat(500)}` } })],
  ['a where condition with an unknown operator', (s) => ({ ...s, trigger: { event: 'a', where: { total: { above: 3 } } } })],
  ['a where condition comparing with a string', (s) => ({ ...s, trigger: { event: 'a', where: { total: { gt: '3' } } } })],
  ['an empty condition object', (s) => ({ ...s, trigger: { event: 'a', where: { total: {} } } })],
  ['exists not a boolean', (s) => ({ ...s, audience: { traits: { a: { exists: 1 } } } })],
  ['an unknown device', (s) => ({ ...s, audience: { device: 'watch' } })],
  ['an unknown device in a list', (s) => ({ ...s, audience: { device: { in: ['mobile', 'tv'] } } })],
  ['an unknown audience key', (s) => ({ ...s, audience: { country: 'FR' } })],
  ['a sample over 1', (s) => ({ ...s, sample: 1.5 })],
  ['a date that is not one', (s) => ({ ...s, startsAt: 'tomorrow' })],
  ['negative recontactDays', (s) => ({ ...s, recontactDays: -1 })],
  ['dismissedRecontactDays over ten years', (s) => ({ ...s, dismissedRecontactDays: 3651 })],
  ['priority as a string', (s) => ({ ...s, priority: 'high' })],
  ['an unknown display', (s) => ({ ...s, display: 'banner' })],
  ['inline without target', (s) => ({ ...s, target: undefined })],
  ['an unknown position', (s) => ({ ...s, position: 'middle' })],
  ['a blank target', (s) => ({ ...s, target: ' ' })],
  ['closeButton as a string', (s) => ({ ...s, closeButton: 'true' })],
  ['autoAdvance as a number', (s) => ({ ...s, autoAdvance: 1 })],
  ['thanks as a number', (s) => ({ ...s, thanks: 3 })],
  ['a thank-you link without url', (s) => ({ ...s, thanks: { link: { label: 'More' } } })],
  ['a javascript: thank-you link', (s) => ({ ...s, thanks: { link: { label: 'More', url: 'javascript:alert(1)' } } })],
  ['an unknown thanks key', (s) => ({ ...s, thanks: { text: 'x', emoji: '🎉' } })],
  ['a text by something that is not a locale tag', (s) => ((q(s, 'score').text = { english: 'How likely?' }), s)],
  ['an empty object of texts by locale', (s) => ((q(s, 'score').text = {}), s)],
  ['a blank text in one locale', (s) => ((q(s, 'score').text = { en: 'How likely?', fr: ' ' }), s)],
  ['a string option by locale (it is its own answer)', (s) => ((q(s, 'pick').options = ['A', { en: 'B' }]), s)],
  ['a language that is not a tag', (s) => ({ ...s, language: 'English' })],
  ['an unknown template', (s) => ({ ...s, template: 'nps2' })],
  ['pmf without a product', (s) => ({ ...s, template: 'pmf' })],
  ['cooldown as a string', (s) => ({ ...s, cooldown: 'no' })],
  ['an unknown colour scheme', (s) => ({ ...s, colorScheme: 'sepia' })],
  ['a theme colour that ends the CSS declaration', (s) => ({ ...s, theme: { accent: 'red; display: none' } })],
  ['a blank theme colour', (s) => ({ ...s, theme: { accent: ' ' } })],
  ['a corner radius over 200 pixels', (s) => ({ ...s, theme: { radius: 201 } })],
  ['an unknown theme key', (s) => ({ ...s, theme: { accentColor: 'red' } })],
  ['a dark colour with a brace', (s) => ({ ...s, theme: { dark: { text: '}' } } })],
  ['an unknown templateText key', (s) => ({ ...s, template: 'nps', templateText: { npsReason: 'Why?' } })],
  ['a recalled value of an unknown root', (s) => ((q(s, 'score').text = 'How was {{order.total}}?'), s)],
  ['a recalled user field other than id and traits', (s) => ((q(s, 'score').lowLabel = '{{user.email}}'), s)],
  ['a {{ never closed', (s) => ((q(s, 'why').placeholder = 'About {{context.plan'), s)],
  ['a recalled value in a thank-you text by locale with a bad path', (s) => ({ ...s, thanks: { en: 'Thanks {{context.}}', fr: 'Merci' } })],
  ['a blank survey label', (s) => ({ ...s, label: ' ' })],
  ['a trigger label over 200 characters', (s) => ({ ...s, trigger: { delay: 3, label: 'x'.repeat(201) } })],
  ['a trigger with only a label', (s) => ({ ...s, trigger: { label: 'Nothing' } })],
  ['a hidden field that is not a parameter name', (s) => ({ ...s, hiddenFields: ['utm source'] })],
  ['eleven hidden fields', (s) => ({ ...s, hiddenFields: Array.from({ length: 11 }, (_, i) => `p${i}`) })],
  ['an unknown text format', (s) => ((q(s, 'mail').format = 'zip'), s)],
  ['a text format on several lines', (s) => ((q(s, 'mail').multiline = true), s)],
  ['a picture without alt', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', image: '/a.png' }, 'B']), s)],
  ['an alt without picture', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', alt: 'A' }, 'B']), s)],
  ['a picture over http:', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', image: 'http://cdn.example/a.png', alt: 'A' }, 'B']), s)],
  ['a picture as data:', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', image: 'data:image/png;base64,AA', alt: 'A' }, 'B']), s)],
  ['a picture from a scheme-relative address', (s) => ((q(s, 'mug').options = [{ id: 'a', label: 'A', image: '//cdn.example/a.png', alt: 'A' }, 'B']), s)],
  ['a picture on a ranking option', (s) => ((q(s, 'order').options = [{ id: 'a', label: 'A', image: '/a.png', alt: 'A' }, 'B']), s)],
  ['a matrix without columns', (s) => (delete q(s, 'grid').columns, s)],
  ['a matrix with one column', (s) => ((q(s, 'grid').columns = [{ value: 1, label: 'One' }]), s)],
  ['a matrix without rows', (s) => ((q(s, 'grid').rows = []), s)],
  ['a matrix column without label', (s) => ((q(s, 'grid').columns = [{ value: 1 }, { value: 2, label: 'Two' }]), s)],
  [
    'a matrix column value that is text',
    (s) => (
      (q(s, 'grid').columns = [
        { value: 'one', label: 'One' },
        { value: 2, label: 'Two' },
      ]),
      s
    ),
  ],
  ['a matrix row id with a space', (s) => ((q(s, 'grid').rows = [{ id: 'a b', label: 'A' }]), s)],
  ['a ranking of eleven options', (s) => ((q(s, 'order').options = Array.from({ length: 11 }, (_, i) => `o${i}`)), s)],
  ['a slider without min', (s) => (delete q(s, 'budget').min, s)],
  ['a slider step of 0', (s) => ((q(s, 'budget').step = 0), s)],
  ['an unknown slider label', (s) => ((q(s, 'budget').labels = { middle: 'Half' }), s)],
  ['a call to action without button', (s) => (delete q(s, 'book').button, s)],
  ['a javascript: call to action', (s) => ((q(s, 'book').button = { label: 'Go', url: 'javascript:alert(1)' }), s)],
  ['an unknown layout', (s) => ({ ...s, template: 'sus', layout: 'grid' })],
  ['a matrix layout without template', (s) => ({ ...s, layout: 'matrix' })],
  ['a matrix layout of another template', (s) => ({ ...s, template: 'nps', layout: 'matrix' })],
];

/** Rules across fields that only the SDK checks. */
const sdkOnly: Mutation[] = [
  ['two questions with one id', (s) => ((q(s, 'stars').id = 'score'), s)],
  ['a rule naming a later question', (s) => ((q(s, 'face').if = { question: 'why', answered: true }), s)],
  ['a jump backwards', (s) => ((q(s, 'why').next = 'score'), s)],
  ['max over the number of options', (s) => ((q(s, 'pick').max = 4), s)],
  ['min over max', (s) => (Object.assign(q(s, 'pick'), { min: 3, max: 2 }), s)],
  [
    'two option objects with one id',
    (s) => (
      (q(s, 'pick').options = [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ]),
      s
    ),
  ],
  ['endsAt before startsAt', (s) => ({ ...s, endsAt: '2026-01-01' })],
  ['a target that is not a CSS selector', (s) => ({ ...s, target: '##' })],
  ['all and any five levels deep', (s) => ({ ...s, trigger: { all: [{ any: [{ all: [{ any: [{ all: [{ event: 'a' }] }] }] }] }] } })],
  ['a question with the id of a template item', (s) => ({ ...s, template: 'nps', questions: [{ id: 'nps', type: 'thumbs', text: '?' }] })],
  ['pmf_options with two labels', (s) => ({ ...s, template: 'pmf', product: 'Mugs', templateText: { pmf_options: 'Sad|Fine' } })],
  ['a recalled answer of a later question', (s) => ((q(s, 'score').text = 'After {{answers.why}}?'), s)],
  ['a recalled answer of the question itself, in its label', (s) => ((q(s, 'score').highLabel = '{{answers.score}}'), s)],
  [
    'two matrix rows with one id',
    (s) => (
      (q(s, 'grid').rows = [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ]),
      s
    ),
  ],
  [
    'two matrix columns with one value',
    (s) => (
      (q(s, 'grid').columns = [
        { value: 1, label: 'A' },
        { value: 1, label: 'B' },
      ]),
      s
    ),
  ],
  ['a matrix row id that keys another answer', (s) => ((q(s, 'grid').rows = [{ id: 'clicked', label: 'A' }]), s)],
  ['a slider whose max is below min', (s) => (Object.assign(q(s, 'budget'), { min: 10, max: 0, step: 1 }), s)],
  ['a slider step that does not divide the range', (s) => ((q(s, 'budget').step = 30), s)],
  ['a rule comparing a ranking', (s) => ((q(s, 'budget').if = { question: 'order', eq: 'A' }), s)],
  [
    'a question with the id of an item of a template shown as a matrix',
    (s) => ({ ...s, template: 'sus', layout: 'matrix', questions: [{ id: 'sus2', type: 'thumbs', text: '?' }] }),
  ],
];

const build = (change: Mutation[1]) => JSON.parse(JSON.stringify(change(full())));

describe('survey.schema.json and the SDK validator', () => {
  it.each(valid)('both accept: %s', (_, change) => {
    const survey = build(change);
    expect(sdkAccepts(survey)).toBe(true);
    expect(schemaAccepts(survey), JSON.stringify(schemaAccepts.errors)).toBe(true);
  });

  it.each(invalid)('both reject: %s', (_, change) => {
    const survey = build(change);
    expect(sdkAccepts(survey)).toBe(false);
    expect(schemaAccepts(survey)).toBe(false);
  });

  it.each(sdkOnly)('only the SDK rejects (a rule across fields): %s', (_, change) => {
    const survey = build(change);
    expect(sdkAccepts(survey)).toBe(false);
    expect(schemaAccepts(survey)).toBe(true);
  });

  it("holds the SDK's own rules for ids, url regexes and recalled values, word for word", () => {
    const { identifier, urlRule } = schema.$defs;
    expect(new RegExp(identifier.pattern).source).toBe(ID_PATTERN.source);
    expect(batchSchema.$defs.definitionId.pattern).toBe(identifier.pattern);
    // Names every object has: constructor, toString… (those starting with _ already fail the pattern).
    expect(identifier.not.enum).toEqual(
      Object.getOwnPropertyNames(Object.prototype)
        .filter((name) => ID_PATTERN.test(name))
        .sort(),
    );
    expect(schema.$defs.recall.pattern).toBe(RECALL_TEXT.source);
    expect(schema.$defs.longText.allOf).toEqual([{ $ref: '#/$defs/recall' }]);
    expect(schema.$defs.label.allOf).toEqual([{ $ref: '#/$defs/recall' }]);
    const regex = urlRule.anyOf.find((rule) => 'regex' in (rule.properties ?? {}))!.properties!.regex as { pattern: string; maxLength: number };
    expect(regex.pattern).toBe(URL_REGEX_SUBSET.source);
    expect(regex.maxLength).toBe(URL_REGEX_MAX_LENGTH);
  });

  it('describes a surveys.json: one survey, a list, or { "surveys": [...] } with "$schema"', () => {
    const survey = full();
    expect(fileAccepts({ ...survey, $schema: '../survey.schema.json' })).toBe(true);
    expect(fileAccepts([survey, { ...survey, id: 'other' }])).toBe(true);
    expect(fileAccepts({ $schema: '../node_modules/earshot/schema/survey.schema.json', surveys: [survey] })).toBe(true);
    expect(fileAccepts({ surveys: [{ ...survey, id: 'bad id' }] })).toBe(false);
    expect(validateWholeConfig({ endpoint: '/api', surveys: [survey] }).problems).toEqual([]);
  });
});
