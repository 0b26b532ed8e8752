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
  /** Progress through a survey of several questions. */
  progress: (step: number, total: number) => string;
  chooseAtLeast: (count: number) => string;
  chooseAtMost: (count: number) => string;
  /** The "Other" choice, and the name of its text field. */
  other: string;
  otherDetail: string;
  thumbsUp: string;
  thumbsDown: string;
  /** Accessible name of a star option (it starts with the number). */
  stars: (count: number) => string;
  /** The five CSAT points, lowest first. */
  csat: string[];
  /** The seven CES points, lowest first. */
  ces: string[];
  /** The side tab that opens a `tab` survey. */
  feedbackTab: string;
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
  progress: (step, total) => `Question ${step} of ${total}`,
  chooseAtLeast: (count) => `Please choose at least ${count}.`,
  chooseAtMost: (count) => `Please choose at most ${count}.`,
  other: 'Other',
  otherDetail: 'Other, please specify',
  thumbsUp: 'Thumbs up',
  thumbsDown: 'Thumbs down',
  stars: (count) => (count === 1 ? '1 star' : `${count} stars`),
  csat: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  ces: ['Very difficult', 'Difficult', 'Somewhat difficult', 'Neutral', 'Somewhat easy', 'Easy', 'Very easy'],
  feedbackTab: 'Feedback',
};

const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'];

/** Text direction of a BCP 47 locale. */
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.includes(locale.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
