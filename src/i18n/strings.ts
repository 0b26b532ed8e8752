/**
 * Words that depend on a number: one form, or one per plural category as `Intl.PluralRules`
 * names them (`zero`, `one`, `two`, `few`, `many`, `other`); `{n}` stands for the number.
 */
export type Phrase = string | { [category: string]: string; other: string };

/**
 * Every word the widget shows on its own, as plain data so a locale can be a JSON file.
 * `{n}`, `{step}`, `{total}` and `{question}` are filled in where they appear.
 */
export interface Strings {
  surveyLabel: string;
  close: string;
  next: string;
  back: string;
  submit: string;
  thanks: string;
  required: string;
  npsLow: string;
  npsHigh: string;
  charactersLeft: Phrase;
  /** Progress through a survey of several questions: `{step}` of `{total}`. */
  progress: string;
  chooseAtLeast: Phrase;
  chooseAtMost: Phrase;
  /** The "Other" choice, and the name of its text field. */
  other: string;
  otherDetail: string;
  thumbsUp: string;
  thumbsDown: string;
  /** Accessible name of a star option; it starts with the number. */
  stars: Phrase;
  /** The five CSAT points, lowest first. */
  csat: string[];
  /** The seven CES points, lowest first. */
  ces: string[];
  /** The side tab that opens a `tab` survey. */
  feedbackTab: string;
  /** Said by the live region when a survey appears on its own; `{question}` is its first question. */
  announce: string;
  /** The badge on a survey shown by `earshot.preview()`: its answers are not real responses. */
  preview: string;
  // Words of the kinds of issue #22.
  /** A required matrix with a row left unanswered. */
  everyRow: string;
  /** A text with a `format` that holds something else, one message per format. */
  invalidEmail: string;
  invalidUrl: string;
  invalidPhone: string;
  invalidNumber: string;
  invalidDate: string;
  /** A ranking's buttons, named with their item's label (`{item}`). */
  moveUp: string;
  moveDown: string;
  /** Said by the live region after a move: `{item}`'s new `{position}` of `{total}`. */
  moved: string;
  /** Beside a slider the visitor has not moved yet: until then it has no answer. */
  sliderNotMoved: string;
}

/** A table resolved for one locale: what `Intl.PluralRules` needs, with the words. */
export interface LocaleStrings extends Strings {
  locale: string;
}

export const ENGLISH: LocaleStrings = {
  locale: 'en',
  surveyLabel: 'Feedback survey',
  close: 'Close',
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  thanks: 'Thank you for your feedback!',
  required: 'Please answer this question to continue.',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  charactersLeft: { one: '{n} character left', other: '{n} characters left' },
  progress: 'Question {step} of {total}',
  chooseAtLeast: 'Please choose at least {n}.',
  chooseAtMost: 'Please choose at most {n}.',
  other: 'Other',
  otherDetail: 'Other, please specify',
  thumbsUp: 'Thumbs up',
  thumbsDown: 'Thumbs down',
  stars: { one: '{n} star', other: '{n} stars' },
  csat: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  ces: ['Very difficult', 'Difficult', 'Somewhat difficult', 'Neutral', 'Somewhat easy', 'Easy', 'Very easy'],
  feedbackTab: 'Feedback',
  announce: 'A feedback survey opened: {question}',
  preview: 'Preview',
  everyRow: 'Please answer every statement to continue.',
  invalidEmail: 'Please enter an email address, such as name@example.com.',
  invalidUrl: 'Please enter a web address, such as https://example.com.',
  invalidPhone: 'Please enter a phone number, digits only (with + and spaces if you like).',
  invalidNumber: 'Please enter a number.',
  invalidDate: 'Please enter a date.',
  moveUp: 'Move {item} up',
  moveDown: 'Move {item} down',
  moved: '{item} moved to position {position} of {total}',
  sliderNotMoved: 'Move the slider to answer',
};

type Table = Partial<Strings>;
type Tables = Record<string, Table>;

/**
 * Where every table by locale lives, in one page-wide place: the files in dist/locales/ put theirs
 * here, and the split build's core (which has `addLocale`) and UI (which reads) are separate
 * bundles. A registered symbol, not a named global: `earshot` stays the only name Earshot adds.
 */
export const LOCALES_KEY = Symbol.for('earshot.locales');
const tables = (): Tables => ((globalThis as { [LOCALES_KEY]?: Tables })[LOCALES_KEY] ??= {});

/**
 * Adds (or overrides) the widget's words for a locale, merged over what it had:
 * `addLocale("fr", frTable)`, or `addLocale("en", { submit: "Send" })` to change one word.
 */
export function addLocale(code: string, table: Table): void {
  if (typeof code !== 'string' || typeof table !== 'object' || !table) return;
  const all = tables();
  all[code] = { ...all[code], ...table };
}

/** A word fits where English has the same shape: text for text, a list as long, a phrase as text or forms. */
const fits = (key: string, value: unknown): boolean => {
  const english = ENGLISH[key as keyof Strings];
  if (english === undefined) return false;
  if (Array.isArray(english)) return Array.isArray(value) && value.length === english.length && value.every((item) => typeof item === 'string');
  return typeof value === 'string' || (typeof english === 'object' && typeof (value as { other?: unknown })?.other === 'string');
};

/** The words known for one lowercase code, from tables under any spelling of it. */
function tableFor(code: string): Table {
  const table: Record<string, unknown> = {};
  for (const [name, words] of Object.entries(tables())) {
    if (name.toLowerCase() !== code) continue;
    for (const [key, value] of Object.entries(words ?? {})) if (fits(key, value)) table[key] = value;
  }
  return table;
}

/** The words for a BCP 47 locale: its own, else its language's (`fr` for `fr-CA`), else English, word by word. */
export function stringsFor(locale: string): LocaleStrings {
  const code = locale.toLowerCase();
  const language = code.split('-')[0];
  return { ...ENGLISH, ...tableFor(language), ...(code !== language && tableFor(code)), locale };
}

/** Fills a string's `{name}` places; a phrase takes the form for `values.n` in the table's locale. */
export function format(strings: LocaleStrings, text: Phrase, values: Record<string, string | number>): string {
  let chosen = text as string;
  if (typeof text === 'object') {
    let category = 'other';
    try {
      category = new Intl.PluralRules(strings.locale).select(+values.n);
    } catch {
      // An invalid locale tag: the general form will do.
    }
    chosen = text[category] ?? text.other;
  }
  return chosen.replace(/\{(\w+)\}/g, (place, name: string) => `${values[name] ?? place}`);
}

const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'];

/** Text direction of a BCP 47 locale. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.includes(locale.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
