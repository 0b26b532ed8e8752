import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SurveyCallbacks } from '../../src/core/presenter.js';
import type { Answers, Survey } from '../../src/core/types.js';
import '../../src/ui/define.js';
import { questionChange } from '../../src/ui/questions/question-change.js';
import { AUTO_ADVANCE_MS, THANKS_VISIBLE_MS, type SurveyElement } from '../../src/ui/survey/survey.js';
import { accessibleName, getByRole, press, queryByRole, rendered, typeInto } from '../support/dom.js';

const NPS_TEXT = 'How likely are you to recommend us to a friend?';
const REASON_TEXT = 'What is the main reason for your score?';

const designExample: Survey = {
  id: 'post-checkout-nps',
  trigger: { event: 'checkout_completed' },
  questions: [
    { id: 'score', type: 'nps', text: NPS_TEXT },
    { id: 'reason', type: 'text', text: REASON_TEXT, optional: true },
  ],
  thanks: 'Thank you — this helps us improve.',
};

/** score; "what went wrong" only for 0–6; "what did you love" only for 9–10; a final comment. */
const branching: Survey = {
  id: 'branching',
  questions: [
    { id: 'score', type: 'nps', text: NPS_TEXT },
    { id: 'wrong', type: 'text', text: 'What went wrong?', if: { question: 'score', lte: 6 } },
    { id: 'love', type: 'text', text: 'What did you love?', if: { question: 'score', gte: 9 } },
    { id: 'comment', type: 'text', text: 'Anything else?', optional: true },
  ],
};

type Call = [keyof SurveyCallbacks, ...unknown[]];
let element: SurveyElement;
let calls: Call[];

async function mount(survey: Survey, locale = 'en'): Promise<SurveyElement> {
  calls = [];
  const record =
    (name: keyof SurveyCallbacks) =>
    (...args: unknown[]) =>
      void calls.push([name, ...structuredClone(args)]);
  element = document.createElement('earshot-survey') as SurveyElement;
  element.survey = survey;
  element.locale = locale;
  element.callbacks = {
    onShown: record('onShown'),
    onFailed: record('onFailed'),
    onChange: record('onChange'),
    onAnswered: record('onAnswered'),
    onComplete: record('onComplete'),
    onDismiss: record('onDismiss'),
    onClosed: record('onClosed'),
  };
  document.body.append(element);
  await rendered(element);
  return element;
}

const root = () => element.shadowRoot!;
const callsOf = (name: keyof SurveyCallbacks) => calls.filter(([called]) => called === name).map(([, ...args]) => args);

async function pick(score: number): Promise<void> {
  getByRole(root(), 'radio', String(score)).click();
  await rendered(element);
}

async function type(text: string): Promise<void> {
  typeInto(getByRole(root(), 'textbox'), text);
  await rendered(element);
}

async function clickButton(name: string): Promise<void> {
  getByRole(root(), 'button', name).click();
  await rendered(element);
}

/** The question on screen, by the name of its radiogroup or textbox. */
function currentQuestion(): string {
  const control = queryByRole(root(), 'radiogroup') ?? queryByRole(root(), 'textbox');
  return control ? accessibleName(control) : '';
}

afterEach(() => {
  element?.remove();
  vi.useRealTimers();
});

describe('<earshot-survey>', () => {
  describe('accessibility', () => {
    it('is a dialog named "Feedback survey" with the first question as a named radiogroup', async () => {
      await mount(designExample);
      expect(getByRole(root(), 'dialog', 'Feedback survey')).toBeTruthy();
      expect(getByRole(root(), 'radiogroup', NPS_TEXT)).toBeTruthy();
    });

    it('has a Close button and a Next button, and no Back button on the first question', async () => {
      await mount(designExample);
      expect(getByRole(root(), 'button', 'Close')).toBeTruthy();
      expect(getByRole(root(), 'button', 'Next')).toBeTruthy();
      expect(queryByRole(root(), 'button', 'Back')).toBeNull();
      expect(queryByRole(root(), 'button', 'Submit')).toBeNull();
    });

    it('shows no error message before the visitor tries to move on', async () => {
      await mount(designExample);
      expect(queryByRole(root(), 'alert')).toBeNull();
    });

    it('declares its language and lays out right to left for Arabic', async () => {
      await mount(designExample, 'ar');
      const dialog = getByRole(root(), 'dialog');
      expect(dialog.getAttribute('lang')).toBe('ar');
      expect(dialog.getAttribute('dir')).toBe('rtl');
    });

    it('lays out left to right for English', async () => {
      await mount(designExample);
      expect(getByRole(root(), 'dialog').getAttribute('dir')).toBe('ltr');
    });
  });

  describe('required questions', () => {
    it('blocks Next with a visible alert when a required question is unanswered', async () => {
      await mount(designExample);
      await clickButton('Next');
      expect(getByRole(root(), 'alert').textContent?.trim()).toBe('Please answer this question to continue.');
      expect(currentQuestion()).toBe(NPS_TEXT);
      expect(callsOf('onAnswered')).toEqual([]);
      expect(callsOf('onComplete')).toEqual([]);
    });

    it('removes the alert once the visitor answers', async () => {
      await mount(designExample);
      await clickButton('Next');
      await pick(5);
      expect(queryByRole(root(), 'alert')).toBeNull();
    });
  });

  it('reports each answer change with all current answers, then onAnswered when moving on', async () => {
    await mount(designExample);
    await pick(4);
    await pick(9);
    expect(callsOf('onChange')).toEqual([[{ score: 4 }], [{ score: 9 }]]);
    expect(callsOf('onAnswered')).toEqual([]);
    await clickButton('Next');
    expect(callsOf('onAnswered')).toEqual([['score', 9]]);
    expect(currentQuestion()).toBe(REASON_TEXT);
  });

  it('says Submit on the last step', async () => {
    await mount(designExample);
    await pick(9);
    await clickButton('Next');
    expect(getByRole(root(), 'button', 'Submit')).toBeTruthy();
    expect(queryByRole(root(), 'button', 'Next')).toBeNull();
  });

  it('says Submit on the only question of a one-question survey', async () => {
    await mount({ id: 'one', questions: [designExample.questions[0]] });
    expect(getByRole(root(), 'button', 'Submit')).toBeTruthy();
  });

  it('lets the visitor skip an optional question and submit', async () => {
    await mount(designExample);
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    expect(queryByRole(root(), 'alert')).toBeNull();
    expect(callsOf('onComplete')).toEqual([[{ score: 9 }]]);
    expect(callsOf('onAnswered')).toEqual([['score', 9]]);
  });

  it('submits the typed answer, trimmed', async () => {
    await mount(designExample);
    await pick(9);
    await clickButton('Next');
    await type(' Fast delivery ');
    await clickButton('Submit');
    expect(callsOf('onComplete')).toEqual([[{ score: 9, reason: 'Fast delivery' }]]);
    expect(callsOf('onAnswered')).toEqual([
      ['score', 9],
      ['reason', 'Fast delivery'],
    ]);
  });

  it('goes Back to the previous question with its answer still chosen', async () => {
    await mount(designExample);
    await pick(9);
    await clickButton('Next');
    await type('Fast delivery');
    await clickButton('Back');
    expect(currentQuestion()).toBe(NPS_TEXT);
    expect((getByRole(root(), 'radio', '9') as HTMLInputElement).checked).toBe(true);
    await clickButton('Next');
    expect((getByRole(root(), 'textbox') as HTMLTextAreaElement).value).toBe('Fast delivery');
  });

  it('shows the thank-you text after Submit, then removes itself after THANKS_VISIBLE_MS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await mount(designExample);
    await pick(9);
    await clickButton('Next');
    await clickButton('Submit');
    await rendered(element);
    expect(getByRole(root(), 'status').textContent?.trim()).toBe('Thank you — this helps us improve.');
    expect(queryByRole(root(), 'radiogroup')).toBeNull();
    expect(queryByRole(root(), 'button', 'Submit')).toBeNull();

    await vi.advanceTimersByTimeAsync(THANKS_VISIBLE_MS - 1);
    expect(element.isConnected).toBe(true);
    expect(callsOf('onClosed')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(element.isConnected).toBe(false);
    expect(callsOf('onClosed')).toEqual([[]]);
    expect(callsOf('onDismiss')).toEqual([]);
  });

  it('thanks in English when the survey has no thank-you text', async () => {
    await mount({ id: 'one', questions: [designExample.questions[0]] });
    await pick(3);
    await clickButton('Submit');
    await rendered(element);
    expect(getByRole(root(), 'status').textContent?.trim()).toBe('Thank you for your feedback!');
  });

  it('does not report a dismissal when closed on the thank-you step', async () => {
    await mount({ id: 'one', questions: [designExample.questions[0]] });
    await pick(3);
    await clickButton('Submit');
    await clickButton('Close');
    expect(element.isConnected).toBe(false);
    expect(callsOf('onDismiss')).toEqual([]);
    expect(callsOf('onClosed')).toEqual([[]]);
  });

  describe('dismissing', () => {
    it('Escape calls onDismiss with the answers so far and removes the survey', async () => {
      await mount(designExample);
      await pick(9);
      press(getByRole(root(), 'radio', '9'), 'Escape');
      expect(callsOf('onDismiss')).toEqual([[{ score: 9 }]]);
      expect(callsOf('onClosed')).toEqual([[]]);
      expect(callsOf('onComplete')).toEqual([]);
      expect(element.isConnected).toBe(false);
    });

    it('the Close button does the same', async () => {
      await mount(designExample);
      await pick(2);
      await clickButton('Close');
      expect(callsOf('onDismiss')).toEqual([[{ score: 2 }]]);
      expect(callsOf('onClosed')).toEqual([[]]);
      expect(element.isConnected).toBe(false);
    });

    it('reports empty answers when nothing was answered', async () => {
      await mount(designExample);
      await clickButton('Close');
      expect(callsOf('onDismiss')).toEqual([[{}]]);
    });

    it('other keys do not dismiss', async () => {
      await mount(designExample);
      press(getByRole(root(), 'radio', '9'), 'Enter');
      press(getByRole(root(), 'radio', '9'), 'ArrowRight');
      expect(callsOf('onDismiss')).toEqual([]);
      expect(element.isConnected).toBe(true);
    });
  });

  describe('answer rules', () => {
    it('skip a question whose rule does not hold', async () => {
      await mount(branching);
      await pick(9);
      await clickButton('Next');
      expect(currentQuestion()).toBe('What did you love?');
      await type('Speed');
      await clickButton('Next');
      expect(currentQuestion()).toBe('Anything else?');
      expect((getByRole(root(), 'textbox') as HTMLTextAreaElement).value).toBe('');
    });

    it('ask the question whose rule holds', async () => {
      await mount(branching);
      await pick(3);
      await clickButton('Next');
      expect(currentQuestion()).toBe('What went wrong?');
    });

    it('go Back over skipped questions', async () => {
      await mount(branching);
      await pick(10);
      await clickButton('Next');
      await type('Speed');
      await clickButton('Next');
      await clickButton('Back');
      expect(currentQuestion()).toBe('What did you love?');
      await clickButton('Back');
      expect(currentQuestion()).toBe(NPS_TEXT);
    });

    it('drop answers to questions a changed answer no longer asks', async () => {
      await mount(branching);
      await pick(3);
      await clickButton('Next');
      await type('Slow');
      await clickButton('Back');
      await pick(10);
      await clickButton('Next');
      expect(currentQuestion()).toBe('What did you love?');
      await type('Speed');
      await clickButton('Next');
      await clickButton('Submit');
      const completed = callsOf('onComplete')[0][0] as Answers;
      expect(completed).toEqual({ score: 10, love: 'Speed' });
    });
  });

  describe('progress', () => {
    const progress = () => root().querySelector('[part="progress"]')?.textContent?.trim() ?? null;

    it('says which question of how many the visitor is on, counting only the questions the answers ask', async () => {
      await mount(branching);
      // Before any answer both "wrong" (lte 6) and "love" (gte 9) are unanswerable rules, so 2 questions are asked.
      expect(progress()).toBe('Question 1 of 2');
      await pick(9);
      expect(progress()).toBe('Question 1 of 3');
      await clickButton('Next');
      expect(progress()).toBe('Question 2 of 3');
    });

    it('is absent from a survey of one question', async () => {
      await mount({ id: 'one', questions: [designExample.questions[0]] });
      expect(progress()).toBeNull();
    });
  });

  describe('jumps', () => {
    const jumping: Survey = {
      id: 'jumping',
      questions: [
        { id: 'score', type: 'nps', text: NPS_TEXT, next: 'comment' },
        { id: 'skipped', type: 'text', text: 'Never asked' },
        { id: 'comment', type: 'text', text: 'Anything else?', optional: true, next: 'end' },
        { id: 'after-end', type: 'text', text: 'Never asked either' },
      ],
    };

    it('go to the named question, and "end" finishes the survey', async () => {
      await mount(jumping);
      await pick(7);
      await clickButton('Next');
      expect(currentQuestion()).toBe('Anything else?');
      expect(getByRole(root(), 'button', 'Submit')).toBeTruthy();
      await clickButton('Submit');
      expect(callsOf('onComplete')).toEqual([[{ score: 7 }]]);
    });

    it('are followed back by Back', async () => {
      await mount(jumping);
      await pick(7);
      await clickButton('Next');
      await clickButton('Back');
      expect(currentQuestion()).toBe(NPS_TEXT);
    });
  });

  describe('autoAdvance', () => {
    const settle = (value: number) => {
      root().querySelector('.question > *')!.dispatchEvent(questionChange(value, true));
    };

    it('moves on shortly after a settled pick when the survey asks for it', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await mount({ ...designExample, autoAdvance: true });
      settle(8);
      await rendered(element);
      expect(currentQuestion()).toBe(NPS_TEXT);
      await vi.advanceTimersByTimeAsync(AUTO_ADVANCE_MS);
      await rendered(element);
      expect(currentQuestion()).toBe(REASON_TEXT);
      expect(callsOf('onAnswered')).toEqual([['score', 8]]);
    });

    it('does not move on after a change that was not settled (arrow keys), nor without autoAdvance', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await mount({ ...designExample, autoAdvance: true });
      root().querySelector('.question > *')!.dispatchEvent(questionChange(8, false));
      await vi.advanceTimersByTimeAsync(AUTO_ADVANCE_MS * 2);
      expect(currentQuestion()).toBe(NPS_TEXT);
      element.remove();
      await mount(designExample);
      settle(8);
      await vi.advanceTimersByTimeAsync(AUTO_ADVANCE_MS * 2);
      expect(currentQuestion()).toBe(NPS_TEXT);
    });
  });

  describe('thank-you step', () => {
    it('shows a link button that opens the page in a new tab', async () => {
      await mount({
        ...designExample,
        questions: [designExample.questions[0]],
        thanks: { text: 'Thanks!', link: { label: 'See what changed', url: 'https://shop.example/changelog' } },
      });
      await pick(9);
      await clickButton('Submit');
      await rendered(element);
      const status = getByRole(root(), 'status');
      expect(status.querySelector('p')?.textContent).toBe('Thanks!');
      const link = status.querySelector('a')!;
      expect(link.textContent).toBe('See what changed');
      expect(link.getAttribute('href')).toBe('https://shop.example/changelog');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    });
  });

  describe('display modes', () => {
    it('a popover is a dialog placed by its position', async () => {
      await mount({ ...designExample, position: 'top-left' });
      expect(element.getAttribute('display')).toBe('popover');
      expect(element.getAttribute('position')).toBe('top-left');
      expect(getByRole(root(), 'dialog', 'Feedback survey')).toBeTruthy();
    });

    it('a modal renders a native <dialog> with the Close button', async () => {
      await mount({ ...designExample, display: 'modal' });
      const dialog = root().querySelector('dialog')!;
      expect(dialog.getAttribute('aria-label')).toBe('Feedback survey');
      expect(getByRole(root(), 'button', 'Close')).toBeTruthy();
    });

    it('an inline survey is a region without a Close button, ignores Escape, and keeps its thank-you text', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await mount({ ...designExample, display: 'inline', target: '#here', questions: [designExample.questions[0]] });
      expect(getByRole(root(), 'region', 'Feedback survey')).toBeTruthy();
      expect(queryByRole(root(), 'button', 'Close')).toBeNull();
      press(getByRole(root(), 'radio', '9'), 'Escape');
      expect(element.isConnected).toBe(true);
      await pick(9);
      await clickButton('Submit');
      await rendered(element);
      expect(callsOf('onClosed')).toEqual([[]]);
      await vi.advanceTimersByTimeAsync(THANKS_VISIBLE_MS * 2);
      expect(element.isConnected).toBe(true);
      expect(getByRole(root(), 'status').textContent).toContain('Thank you — this helps us improve.');
    });

    it('an inline survey shows a Close button when asked to', async () => {
      await mount({ ...designExample, display: 'inline', target: '#here', closeButton: true });
      await clickButton('Close');
      expect(callsOf('onDismiss')).toEqual([[{}]]);
    });
  });
});
