import type { TextFormat } from '../../../core/types.js';

/** What each format's field is: its native type, the keyboard it asks for, what autofill offers. */
export const TEXT_FIELDS: Record<TextFormat, { type: string; inputmode?: string; autocomplete?: string }> = {
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  url: { type: 'url', inputmode: 'url', autocomplete: 'url' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  number: { type: 'number', inputmode: 'decimal' },
  date: { type: 'date' },
};

// The rule browsers apply to type="email" (HTML's "valid e-mail address"), written out so that every engine agrees.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** Digits, with a leading + and the usual separators; 4 to 20 digits covers short codes and international numbers. */
const PHONE = /^\+?[\d\s().-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isWebAddress = (text: string): boolean => {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
};

/**
 * The answer a field of `format` holds (a number for `number`), or `undefined` when what it holds
 * is no such thing. `text` is the field's value, trimmed; `unreadable` whether the browser could
 * not read what was typed (a number or date field's `validity.badInput`).
 */
export function readFormatted(format: TextFormat, text: string, unreadable: boolean): string | number | undefined {
  if (unreadable) return undefined;
  switch (format) {
    case 'email':
      return EMAIL.test(text) ? text : undefined;
    case 'url':
      return isWebAddress(text) ? text : undefined;
    case 'phone': {
      const digits = text.replace(/\D/g, '').length;
      return PHONE.test(text) && digits >= 4 && digits <= 20 ? text : undefined;
    }
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
  }
}
