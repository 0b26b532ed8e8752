// "Reading between the lines": the words and two-word phrases that come up most in a group of
// text answers. Stop words come from the maintained lists of the `stopword` package, chosen by
// each answer's locale; words are found with Intl.Segmenter, so languages written without spaces
// (Chinese, Japanese, Thai) split into words too.
import { createRequire } from 'node:module';
import { canonicalLocale } from './locale.mjs';

export const DEFAULT_TERM_LIMIT = 8;

/** ISO 639-1 language → the `stopword` list named by its ISO 639-3 code. */
const LIST_BY_LANGUAGE = {
  af: 'afr',
  ar: 'ara',
  bg: 'bul',
  bn: 'ben',
  br: 'bre',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  eo: 'epo',
  es: 'spa',
  et: 'est',
  eu: 'eus',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  ga: 'gle',
  gl: 'glg',
  gu: 'guj',
  ha: 'hau',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  hy: 'hye',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  ku: 'kur',
  la: 'lat',
  lt: 'lit',
  lv: 'lav',
  mr: 'mar',
  ms: 'msa',
  my: 'mya',
  nb: 'nob',
  nl: 'nld',
  no: 'nob',
  pa: 'panGu',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  so: 'som',
  st: 'sot',
  sv: 'swe',
  sw: 'swa',
  th: 'tha',
  tl: 'tgl',
  tr: 'tur',
  uk: 'ukr',
  ur: 'urd',
  vi: 'vie',
  yo: 'yor',
  zh: 'zho',
  zu: 'zul',
};

const stopWordsByList = new Map();
let stopwordLists;
/** The `stopword` package's lists, loaded when a results page first reads texts (3 to 10 MB of memory that an ingesting or exporting process never needs). */
const loadStopwordLists = () => (stopwordLists ??= createRequire(import.meta.url)('stopword'));

/** The stop words for a locale (`pt-BR` gets the Brazilian list); unknown languages get English. */
function stopWordsFor(locale) {
  const [language, region] = locale.toLowerCase().split(/[-_]/);
  const listName = language === 'pt' && region === 'br' ? 'porBr' : (LIST_BY_LANGUAGE[language] ?? 'eng');
  let words = stopWordsByList.get(listName);
  if (!words) {
    words = new Set(loadStopwordLists()[listName]);
    stopWordsByList.set(listName, words);
  }
  return words;
}

const segmenterByLocale = new Map();
/** Locales are what visitors sent: the cache starts over past this many. */
const SEGMENTERS_KEPT = 100;

/** A word segmenter for `locale` (a canonical tag), made once per locale: making one costs more than using it. */
function segmenterFor(locale) {
  let segmenter = segmenterByLocale.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    }
    if (segmenterByLocale.size >= SEGMENTERS_KEPT) segmenterByLocale.clear();
    segmenterByLocale.set(locale, segmenter);
  }
  return segmenter;
}

const BREAKS_A_PHRASE = /[\p{P}\p{S}]/u;
const IS_NUMBER = /^\p{N}+$/u;
/** A lone letter or kana says nothing; a lone Han character often is a word. */
const IS_LONE_LETTER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * The meaningful words and the two-word phrases of one text. A phrase is two words that stand next
 * to each other in the text, neither a stop word: a stop word or punctuation between them breaks it,
 * so "never arrived" does not turn into "arrived".
 */
export function termsOf(text, tag = 'en') {
  // Intl throws on a tag that is not BCP 47 (`en_US`); rows stored before the collector checked them may hold one.
  const locale = canonicalLocale(tag);
  const stopWords = stopWordsFor(locale);
  const words = [];
  const phrases = [];
  let previous = null;
  for (const segment of segmenterFor(locale).segment(text)) {
    if (!segment.isWordLike) {
      if (BREAKS_A_PHRASE.test(segment.segment)) previous = null;
      continue;
    }
    const word = segment.segment.toLocaleLowerCase(locale);
    if (stopWords.has(word) || IS_NUMBER.test(word) || IS_LONE_LETTER.test(word)) {
      previous = null;
      continue;
    }
    words.push(word);
    if (previous) phrases.push(`${previous} ${word}`);
    previous = word;
  }
  return { words, phrases };
}

/** Terms ranked by how many answers mention them (once per answer), then alphabetically. */
function rank(counts, limit) {
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, limit);
}

/**
 * The most frequent words and phrases across `answers` (`{ text, locale }` each). Counting answers
 * rather than occurrences keeps one long answer that repeats a word from outweighing the rest.
 */
export function frequentTerms(answers, { limit = DEFAULT_TERM_LIMIT } = {}) {
  const wordCounts = new Map();
  const phraseCounts = new Map();
  // Short answers repeat ("Fast delivery"): each distinct text is split into words once.
  const split = new Map();
  for (const { text, locale } of answers) {
    const key = `${locale}\u0000${text}`;
    let terms = split.get(key);
    if (!terms) {
      terms = termsOf(text, locale);
      split.set(key, terms);
    }
    const { words, phrases } = terms;
    for (const word of new Set(words)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    for (const phrase of new Set(phrases)) phraseCounts.set(phrase, (phraseCounts.get(phrase) ?? 0) + 1);
  }
  return { words: rank(wordCounts, limit), phrases: rank(phraseCounts, limit) };
}
