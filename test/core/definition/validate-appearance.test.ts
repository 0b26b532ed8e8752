import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/definition/validate.js';

const question = (fields: Record<string, unknown>) => ({ id: 'q', type: 'nps', text: 'How likely?', ...fields });
const config = (fields: Record<string, unknown>, survey: Record<string, unknown> = {}) => ({
  endpoint: '/api/earshot',
  surveys: [{ id: 's', questions: [question({})], ...survey }],
  ...fields,
});

describe('validateConfig: theme and colour scheme', () => {
  it('accepts colours, sizes as pixels or lengths, a font, and dark colours', () => {
    const theme = {
      accent: '#0a7',
      onAccent: 'white',
      radius: 12,
      fontSize: '1rem',
      font: 'Inter, sans-serif',
      shadow: 'none',
      dark: { accent: '#5fd', surface: 'rgb(10 20 30)' },
    };
    const result = validateConfig(config({ theme, colorScheme: 'auto' }));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config).toMatchObject({ theme, colorScheme: 'auto' });
  });

  it('reports each wrong field with its path', () => {
    const { problems } = validateConfig(config({ theme: { accent: 'red; background: url(x)', radius: -1, fontSize: true, dark: { radius: 4, text: '' } }, colorScheme: 'night' }));
    expect(problems).toEqual([
      'theme.accent: expected a CSS value (at most 200 characters, no ; { } < > \\) (got "red; background: url(x)")',
      'theme.radius: expected pixels from 0 to 200 (got -1)',
      'theme.fontSize: expected a CSS value (at most 200 characters, no ; { } < > \\) (got true)',
      'theme.dark.text: expected a CSS value (at most 200 characters, no ; { } < > \\) (got "")',
      'colorScheme: expected one of light, dark, auto (got "night")',
    ]);
    expect(validateConfig(config({ theme: { dark: { radius: 4 } } })).warnings).toEqual(['theme.dark.radius: unknown key, ignored']);
    expect(validateConfig(config({ theme: 'blue' })).problems).toEqual(['theme: expected an object (got "blue")']);
  });
});

describe('validateConfig: texts by locale', () => {
  it('accepts texts by locale on questions, labels, options, placeholders and thanks, and a survey language', () => {
    const survey = {
      language: 'fr',
      questions: [
        question({ text: { fr: 'Probable ?', en: 'Likely?' }, lowLabel: { fr: 'Non', en: 'No' } }),
        { id: 'c', type: 'csat', text: 'Ok?', labels: ['1', { fr: 'Deux' }, '3', '4', '5'] },
        { id: 'o', type: 'choice', text: 'Pick', options: ['plain', { id: 'x', label: { fr: 'Iks', 'pt-BR': 'Xis' } }] },
        { id: 't', type: 'text', text: 'Why?', placeholder: { fr: 'Pourquoi' } },
      ],
      thanks: { text: { fr: 'Merci' }, link: { label: { fr: 'Plus', en: 'More' }, url: 'https://example.com' } },
    };
    expect(validateConfig(config({}, survey)).problems).toEqual([]);
    expect(validateConfig(config({}, { thanks: { fr: 'Merci', ar: 'شكرًا' } })).problems).toEqual([]);
  });

  it('reports a bad locale key, an empty text or an empty object with its path', () => {
    const survey = {
      language: 'French',
      questions: [question({ text: { fr: '', english: 'Likely?' }, highLabel: {} })],
      thanks: { fr: 42 },
    };
    expect(validateConfig(config({}, survey)).problems).toEqual([
      'surveys[0].questions[0].text.fr: expected a non-empty string of at most 2000 characters (got "")',
      'surveys[0].questions[0].text.english: expected a locale tag such as "fr" or "pt-BR" as the key',
      'surveys[0].questions[0].highLabel: expected a text, or texts by locale like { "en": "…", "fr": "…" } (got {})',
      'surveys[0].language: expected a locale tag such as "en" or "pt-BR" (got "French")',
      'surveys[0].thanks.fr: expected a non-empty string of at most 2000 characters (got 42)',
    ]);
  });

  it('keeps a string option plain: it is its own answer', () => {
    expect(validateConfig(config({}, { questions: [{ id: 'o', type: 'choice', text: 'Pick', options: ['a', { fr: 'b' }] }] })).problems).toEqual([
      'surveys[0].questions[0].options[1].id: is required',
      'surveys[0].questions[0].options[1].label: is required',
    ]);
  });
});

describe('validateConfig: locale', () => {
  it("takes the page's lang when the config gives none, before the browser's language", () => {
    document.documentElement.lang = 'ar-EG';
    try {
      expect(validateConfig({ endpoint: '/api/earshot' }).config?.locale).toBe('ar-EG');
      expect(validateConfig({ endpoint: '/api/earshot', locale: 'fr' }).config?.locale).toBe('fr');
    } finally {
      document.documentElement.lang = '';
    }
  });
});
