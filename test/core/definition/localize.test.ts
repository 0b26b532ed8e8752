import { describe, expect, it } from 'vitest';
import { localizeSurvey, shownLocale, textIn } from '../../../src/core/definition/localize.js';
import { createResponse } from '../../../src/core/delivery/response.js';
import type { Survey } from '../../../src/core/types.js';

const survey: Survey = {
  id: 'multi',
  questions: [
    { id: 'score', type: 'nps', text: { en: 'How likely…?', fr: 'Quelle probabilité… ?', ar: 'ما مدى…؟' }, lowLabel: { en: 'Never', fr: 'Jamais' } },
    { id: 'why', type: 'text', text: 'Why?', placeholder: { en: 'Tell us', fr: 'Dites-nous' } },
    { id: 'ease', type: 'csat', text: { en: 'Satisfied?', fr: 'Satisfait ?' }, labels: ['1', { en: 'Two', fr: 'Deux' }, '3', '4', '5'] },
    { id: 'pick', type: 'choice', text: { en: 'Pick', fr: 'Choisissez' }, options: ['plain', { id: 'fancy', label: { en: 'Fancy', fr: 'Chic' } }] },
  ],
  thanks: { text: { en: 'Thanks', fr: 'Merci' }, link: { label: { en: 'More', fr: 'Plus' }, url: 'https://example.com' } },
};

describe('shownLocale', () => {
  it("is the visitor's locale, or its language, when the survey's texts come in it", () => {
    expect(shownLocale(survey, 'fr')).toBe('fr');
    expect(shownLocale(survey, 'fr-CA')).toBe('fr');
    expect(shownLocale(survey, 'AR')).toBe('ar');
  });

  it("is the survey's language, else English, else its first locale, when they do not", () => {
    expect(shownLocale(survey, 'ja')).toBe('en');
    expect(shownLocale({ ...survey, language: 'fr' }, 'ja')).toBe('fr');
    const noEnglish: Survey = { id: 's', questions: [{ id: 'q', type: 'thumbs', text: { de: 'Gut?', es: '¿Bien?' } }] };
    expect(shownLocale(noEnglish, 'ja')).toBe('de');
  });

  it("takes plain texts to be in the survey's language, else in the visitor's", () => {
    const plain: Survey = { id: 'p', questions: [{ id: 'q', type: 'thumbs', text: 'Good?' }] };
    expect(shownLocale(plain, 'ar')).toBe('ar');
    expect(shownLocale({ ...plain, language: 'en' }, 'ar')).toBe('en');
  });
});

describe('textIn', () => {
  it('falls back from the locale to its language, to the default language, to the first text', () => {
    const text = { en: 'Hello', 'pt-BR': 'Olá', de: 'Hallo' };
    expect(textIn(text, 'pt-br')).toBe('Olá');
    expect(textIn(text, 'pt-PT')).toBe('Olá');
    expect(textIn(text, 'ja')).toBe('Hello');
    expect(textIn(text, 'ja', 'de')).toBe('Hallo');
    expect(textIn({ fr: 'Salut', es: 'Hola' }, 'ja')).toBe('Salut');
    expect(textIn('Plain', 'fr')).toBe('Plain');
  });
});

describe('localizeSurvey', () => {
  it('gives every text as a string in the shown locale, leaving answers and the definition alone', () => {
    const before = structuredClone(survey);
    const { survey: shown, locale } = localizeSurvey(survey, 'fr-FR');
    expect(locale).toBe('fr');
    expect(shown.questions).toEqual([
      { id: 'score', type: 'nps', text: 'Quelle probabilité… ?', lowLabel: 'Jamais' },
      { id: 'why', type: 'text', text: 'Why?', placeholder: 'Dites-nous' },
      { id: 'ease', type: 'csat', text: 'Satisfait ?', labels: ['1', 'Deux', '3', '4', '5'] },
      { id: 'pick', type: 'choice', text: 'Choisissez', options: ['plain', { id: 'fancy', label: 'Chic' }] },
    ]);
    expect(shown.thanks).toEqual({ text: 'Merci', link: { label: 'Plus', url: 'https://example.com' } });
    expect(survey).toEqual(before);
  });

  it('takes thanks given as texts by locale', () => {
    expect(localizeSurvey({ ...survey, thanks: { en: 'Thanks', ar: 'شكرًا' } }, 'ar').survey.thanks).toBe('شكرًا');
  });

  it('gives the collector the locale shown and the question text as shown', () => {
    const { survey: shown, locale } = localizeSurvey(survey, 'ar-EG');
    const response = createResponse({ survey: shown, locale, trigger: { manual: true } }, { score: 3 }, false);
    expect(response.locale).toBe('ar');
    expect(response.questions).toEqual([{ id: 'score', type: 'nps', text: 'ما مدى…؟' }]);
  });
});

describe('localizeSurvey: the texts of the kinds of issue #22', () => {
  const fr = (en: string, french: string) => ({ en, fr: french });
  const kinds: Survey = {
    id: 'kinds',
    questions: [
      {
        id: 'grid',
        type: 'matrix',
        text: fr('Agree?', 'D’accord ?'),
        rows: [{ id: 'easy', label: fr('Easy', 'Facile') }],
        columns: [
          { value: 1, label: fr('No', 'Non') },
          { value: 2, label: 'Oui' },
        ],
      },
      { id: 'order', type: 'ranking', text: 'Rank', options: ['A', { id: 'b', label: fr('B', 'Bé') }] },
      { id: 'budget', type: 'slider', text: 'Budget', min: 0, max: 10, labels: { min: fr('None', 'Rien'), max: fr('A lot', 'Beaucoup') } },
      { id: 'book', type: 'cta', text: 'Demo', body: fr('Twenty minutes.', 'Vingt minutes.'), button: { label: fr('Book', 'Réserver'), url: '/book' } },
      { id: 'mug', type: 'choice', text: 'Mug', options: [{ id: 'blue', label: fr('Blue', 'Bleu'), image: '/blue.png', alt: fr('A blue mug', 'Une tasse bleue') }, 'Red'] },
    ],
  };

  it('gives every text in the shown locale: rows, columns, options, end labels, body, button and picture alt', () => {
    const { survey: shown, locale } = localizeSurvey(kinds, 'fr-FR');
    expect(locale).toBe('fr');
    expect(shown.questions).toEqual([
      {
        id: 'grid',
        type: 'matrix',
        text: 'D’accord ?',
        rows: [{ id: 'easy', label: 'Facile' }],
        columns: [
          { value: 1, label: 'Non' },
          { value: 2, label: 'Oui' },
        ],
      },
      { id: 'order', type: 'ranking', text: 'Rank', options: ['A', { id: 'b', label: 'Bé' }] },
      { id: 'budget', type: 'slider', text: 'Budget', min: 0, max: 10, labels: { min: 'Rien', max: 'Beaucoup' } },
      { id: 'book', type: 'cta', text: 'Demo', body: 'Vingt minutes.', button: { label: 'Réserver', url: '/book' } },
      { id: 'mug', type: 'choice', text: 'Mug', options: [{ id: 'blue', label: 'Bleu', image: '/blue.png', alt: 'Une tasse bleue' }, 'Red'] },
    ]);
  });
});
