// What the survey does with the kinds of issue #22: when it lets the visitor move on, what it
// says when it does not, and what it reports.
import { afterEach, describe, expect, it } from 'vitest';
import type { SurveyCallbacks } from '../../src/core/presenter.js';
import type { Question, Survey } from '../../src/core/types.js';
import '../../src/ui/define.js';
import type { SurveyElement } from '../../src/ui/survey/survey.js';
import { ENGLISH, type LocaleStrings } from '../../src/i18n/strings.js';
import fr from '../../src/i18n/locales/fr.json' with { type: 'json' };
import { getByRole, queryByRole, rendered, typeInto } from '../support/dom.js';

type Call = [keyof SurveyCallbacks, ...unknown[]];
let element: SurveyElement;
let calls: Call[];

async function mount(questions: Question[], strings: LocaleStrings = ENGLISH): Promise<void> {
  calls = [];
  const record =
    (name: keyof SurveyCallbacks) =>
    (...args: unknown[]) =>
      void calls.push([name, ...structuredClone(args)]);
  element = document.createElement('earshot-survey') as SurveyElement;
  element.survey = { id: 'kinds', questions } satisfies Survey;
  element.strings = strings;
  element.callbacks = Object.fromEntries(
    ['onShown', 'onFailed', 'onChange', 'onAnswered', 'onComplete', 'onDismiss', 'onClosed'].map((name) => [name, record(name as keyof SurveyCallbacks)]),
  ) as unknown as SurveyCallbacks;
  document.body.append(element);
  await rendered(element);
}

afterEach(() => element?.remove());

const root = () => element.shadowRoot!;
const callsOf = (name: keyof SurveyCallbacks) => calls.filter(([called]) => called === name).map(([, ...args]) => args);
const alertText = () => queryByRole(root(), 'alert')?.textContent?.trim();
async function click(role: string, name: string): Promise<void> {
  getByRole(root(), role, name).click();
  await rendered(element);
}

const grid: Question = {
  id: 'grid',
  type: 'matrix',
  text: 'How much do you agree?',
  rows: [
    { id: 'easy', label: 'It was easy' },
    { id: 'fast', label: 'It was fast' },
  ],
  columns: [
    { value: 1, label: 'Disagree' },
    { value: 2, label: 'Agree' },
  ],
};
const after: Question = { id: 'after', type: 'thumbs', text: 'Helpful?' };

async function answerRow(statement: string, column: string): Promise<void> {
  getByRole(getByRole(root(), 'radiogroup', statement), 'radio', column).click();
  await rendered(element);
}

describe('a matrix in the survey', () => {
  it('asks a required one for every statement before moving on', async () => {
    await mount([grid, after]);
    await answerRow('It was easy', 'Agree');
    await click('button', 'Next');
    expect(alertText()).toBe('Please answer every statement to continue.');
    expect(callsOf('onAnswered')).toEqual([]);
    await answerRow('It was fast', 'Disagree');
    await click('button', 'Next');
    expect(callsOf('onAnswered')).toEqual([['grid', { easy: 2, fast: 1 }]]);
    expect(queryByRole(root(), 'radiogroup', 'Helpful?')).not.toBeNull();
  });

  it('keeps the statements answered of an optional one', async () => {
    await mount([{ ...grid, optional: true }, after]);
    await answerRow('It was fast', 'Agree');
    await click('button', 'Next');
    expect(alertText()).toBeUndefined();
    expect(callsOf('onAnswered')).toEqual([['grid', { fast: 2 }]]);
  });

  it('says so in the survey’s language', async () => {
    await mount([grid], { ...ENGLISH, ...fr, locale: 'fr' });
    await answerRow('It was easy', 'Agree');
    await click('button', fr.submit);
    expect(alertText()).toBe('Veuillez répondre à chaque affirmation pour continuer.');
  });
});

describe('a call to action in the survey', () => {
  const book: Question = { id: 'book', type: 'cta', text: 'Want a demo?', button: { label: 'Continue to the demo' } };

  it('moves on when its button is clicked, answering { clicked: true }', async () => {
    await mount([book, after]);
    await click('button', 'Continue to the demo');
    expect(callsOf('onAnswered')).toEqual([['book', { clicked: true }]]);
    expect(queryByRole(root(), 'radiogroup', 'Helpful?')).not.toBeNull();
  });

  it('moves on without an answer when the visitor presses Next instead, though not marked optional', async () => {
    await mount([book, after]);
    await click('button', 'Next');
    expect(alertText()).toBeUndefined();
    expect(callsOf('onAnswered')).toEqual([]);
    expect(queryByRole(root(), 'radiogroup', 'Helpful?')).not.toBeNull();
  });

  it('completes the survey when it is the last step', async () => {
    await mount([after, book]);
    await click('radio', 'Thumbs up');
    await click('button', 'Next');
    await click('button', 'Continue to the demo');
    expect(callsOf('onComplete')).toEqual([[{ after: 1, book: { clicked: true } }]]);
  });
});

describe('a text with a format in the survey', () => {
  const email: Question = { id: 'email', type: 'text', text: 'Your email?', format: 'email', optional: true };

  it('says what it expects when it holds something else, even when optional, and lets a blank one be skipped', async () => {
    await mount([email, after]);
    typeInto(getByRole(root(), 'textbox', 'Your email?'), 'someone@');
    await rendered(element);
    await click('button', 'Next');
    expect(alertText()).toBe('Please enter an email address, such as name@example.com.');
    expect(callsOf('onAnswered')).toEqual([]);
    typeInto(getByRole(root(), 'textbox', 'Your email?'), '');
    await rendered(element);
    await click('button', 'Next');
    expect(queryByRole(root(), 'radiogroup', 'Helpful?')).not.toBeNull();
  });

  it('delivers the address once it is one', async () => {
    await mount([email, after]);
    typeInto(getByRole(root(), 'textbox', 'Your email?'), 'someone@example.com');
    await rendered(element);
    await click('button', 'Next');
    expect(callsOf('onAnswered')).toEqual([['email', 'someone@example.com']]);
  });

  it.each([
    ['url', 'not a web address', 'Veuillez saisir une adresse web, par exemple https://example.com.'],
    ['phone', 'call me', 'Veuillez saisir un numéro de téléphone, en chiffres (avec + et espaces si vous le souhaitez).'],
  ] as const)('says what a %s must be in the survey’s language', async (format, typed, message) => {
    await mount([{ id: 'q', type: 'text', text: 'Tell us', format }], { ...ENGLISH, ...fr, locale: 'fr' });
    typeInto(getByRole(root(), 'textbox', 'Tell us'), typed);
    await rendered(element);
    await click('button', fr.submit);
    expect(alertText()).toBe(message);
  });
});

describe('a slider and a ranking in the survey', () => {
  it('asks a required slider to be moved once', async () => {
    await mount([{ id: 'budget', type: 'slider', text: 'Your budget?', min: 0, max: 100 }, after]);
    await click('button', 'Next');
    expect(alertText()).toBe('Please answer this question to continue.');
    const slider = getByRole(root(), 'slider', 'Your budget?') as HTMLInputElement;
    slider.value = '60';
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await rendered(element);
    await click('button', 'Next');
    expect(callsOf('onAnswered')).toEqual([['budget', 60]]);
  });

  it('asks a required ranking to be put in order, then delivers every option in that order', async () => {
    await mount([{ id: 'order', type: 'ranking', text: 'Rank these', options: ['Price', 'Quality'] }, after]);
    await click('button', 'Next');
    expect(alertText()).toBe('Please answer this question to continue.');
    await click('button', 'Move Quality up');
    await click('button', 'Next');
    expect(callsOf('onAnswered')).toEqual([['order', ['Quality', 'Price']]]);
  });
});
