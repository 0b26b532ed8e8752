/** Every word the widget shows on its own; replaceable per locale. */
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
  charactersLeft: (count: number) => string;
}

export const ENGLISH: Strings = {
  surveyLabel: 'Feedback survey',
  close: 'Close',
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  thanks: 'Thank you for your feedback!',
  required: 'Please answer this question to continue.',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  charactersLeft: (count) => (count === 1 ? '1 character left' : `${count} characters left`),
};

const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'];

/** Text direction of a BCP 47 locale. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.includes(locale.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
