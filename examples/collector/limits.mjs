// What the collector accepts in one delivery batch, beyond the shape src/schema/batch.schema.json
// gives. Each cap is at or above what the SDK can send (src/core), so an honest visitor never meets
// one; past a cap a batch is refused with 400 naming the field. The SDK's validator must keep the
// same id rule and stay within these caps (docs/deployment.md lists them).

/** Response ids, survey ids and question ids: 1–64 letters, digits or _ . : - starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
export const ID_MAX_LENGTH = 64;
/**
 * Names every JavaScript object has (`answers.constructor`): a question with such an id would seem
 * answered. The SDK refuses them in survey definitions too.
 */
export const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The SDK sends at most 50 responses per batch (MAX_BATCH_RESPONSES). */
export const MAX_RESPONSES_PER_BATCH = 100;
/** The SDK sends at most 100 shown/dismissed events per batch (MAX_BATCH_EVENTS). */
export const MAX_EVENTS_PER_BATCH = 200;
/** A survey has at most 50 questions (the SDK's MAX_QUESTIONS), so a response describes and answers at most 50. */
export const MAX_QUESTIONS_PER_RESPONSE = 50;
export const MAX_ANSWERS_PER_RESPONSE = 50;
/** A multiple choice holds at most its 30 options (the SDK's MAX_OPTIONS) plus "Other". */
export const MAX_CHOICES_PER_ANSWER = 31;
/** A text question's `maxLength` is at most 10,000 (UTF-16 code units, as the SDK cuts them). */
export const MAX_TEXT_ANSWER_LENGTH = 10_000;
/** Any other text (question texts with recalled values, page URLs, traits, unknown fields). */
export const MAX_STRING_LENGTH = 20_000;
/**
 * Objects and arrays inside objects and arrays, counting the batch itself as 1. A response sits at
 * 3, a nested `all`/`any` trigger goes 2 deeper per level; 32 leaves room for 14 levels.
 */
export const MAX_JSON_DEPTH = 32;
/** A BCP 47 tag longer than this is not one a browser reports; it is replaced with `und`. */
export const MAX_LOCALE_LENGTH = 64;

/** `context` (docs/architecture.md §3): at most this many keys, each a name like an id (`plan`, `utm_source`). */
export const MAX_CONTEXT_KEYS = 50;
export const CONTEXT_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/;
/** A context or event property's text value. */
export const MAX_CONTEXT_VALUE_LENGTH = 1000;
/** `event.name`, as track() was called with it. */
export const MAX_EVENT_NAME_LENGTH = 200;
