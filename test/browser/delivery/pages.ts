// The pages the delivery suite opens, served by fault-collector.ts on the demo server's origin.
//
// PAGE_PATH loads the real bundle (/dist/earshot.min.js) and calls `earshot.init` with the
// surveys below, merged with the JSON in `?config=` (`?manual` skips init). Before the SDK loads
// it starts recording every `earshot:<event>` into `window.__delivery.events`, so events fired
// during init are kept. `window.__delivery.answer(items)` answers surveys through the real
// survey DOM (shadow roots, native inputs and buttons), fast enough for 50 answers in a test.
// BLANK_PATH is a page of the same origin without Earshot, for reading IndexedDB.

export const PAGE_PATH = '/__delivery/page.html';
export const BLANK_PATH = '/__delivery/blank.html';

export const SCORE_TEXT = 'How likely are you to recommend us?';
export const REASON_TEXT = 'What is the main reason for your score?';
export const NOTE_TEXT = 'Anything else you want to tell us?';
export const THANKS = 'Thanks, noted.';

export const SURVEYS = [
  {
    id: 'nps',
    trigger: { event: 'ask' },
    questions: [
      { id: 'score', type: 'nps', text: SCORE_TEXT },
      { id: 'reason', type: 'text', text: REASON_TEXT, optional: true, maxLength: 10_000 },
    ],
    thanks: THANKS,
  },
  {
    id: 'note',
    questions: [{ id: 'note', type: 'text', text: NOTE_TEXT, maxLength: 10_000 }],
    thanks: THANKS,
  },
];

/** One step of answering, as `window.__delivery.answer` performs it. */
export type Step = { pick: number } | { type: string } | { click: 'Next' | 'Submit' | 'Close' };

/** One survey to show with `earshot.show(survey)` and answer step by step. */
export interface AnswerItem {
  survey: string;
  steps: Step[];
}

// Plain JavaScript run in the page; kept free of timers so it also works under a paused page.clock.
const DRIVER = String.raw`
(() => {
  const events = [];
  for (const name of ['shown', 'answered', 'completed', 'dismissed', 'delivered', 'error']) {
    addEventListener('earshot:' + name, (event) => events.push({ name, detail: event.detail, at: Date.now() }));
  }
  // A macrotask turn that page.clock does not control.
  const turn = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const deepAll = (root, selector) => {
    const found = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches(selector)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root.shadowRoot ?? root);
    return found;
  };
  // Waits until every Lit element on the page has rendered.
  const settle = async () => {
    for (let round = 0; round < 5; round++) {
      const pending = deepAll(document, '*').filter((el) => el.updateComplete).map((el) => el.updateComplete);
      await Promise.all(pending);
      await turn();
    }
  };
  const currentSurvey = () => {
    const all = document.querySelectorAll('earshot-survey');
    if (!all.length) throw new Error('no <earshot-survey> on the page');
    return all[all.length - 1];
  };
  const nameOf = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();
  async function step(survey, s) {
    if ('pick' in s) {
      const radio = deepAll(survey, 'input[type=radio]').find((input) => nameOf(input.closest('label') ?? input) === String(s.pick));
      if (!radio) throw new Error('no radio named ' + s.pick);
      radio.click();
    } else if ('type' in s) {
      const box = deepAll(survey, 'textarea, input[type=text]')[0];
      if (!box) throw new Error('no textbox');
      box.value = s.type;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    } else {
      const button = deepAll(survey, 'button').find((b) => nameOf(b) === s.click);
      if (!button) throw new Error('no button named ' + s.click);
      button.click();
    }
    await settle();
  }
  /** Answers each item; returns the response id each one produced (from completed/dismissed/answered events). */
  async function answer(items) {
    const ids = [];
    for (const item of items) {
      const from = events.length;
      earshot.show(item.survey);
      await settle();
      const survey = currentSurvey();
      for (const s of item.steps) await step(survey, s);
      const mine = events.slice(from).filter((e) => e.detail && e.detail.responseId);
      ids.push(mine.length ? mine[mine.length - 1].detail.responseId : null);
    }
    return ids;
  }
  window.__delivery = { events, answer, settle };
})();
`;

const INIT = String.raw`
(() => {
  const params = new URLSearchParams(location.search);
  const config = Object.assign({ endpoint: '/api/earshot', debug: true, surveys: __SURVEYS__ }, JSON.parse(params.get('config') || '{}'));
  window.__delivery.config = config;
  if (!params.has('manual')) earshot.init(config);
})();
`;

export function renderTestPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Earshot delivery test</title><link rel="icon" href="data:,"></head>
<body>
<main><h1>Delivery test page</h1><p>Surveys appear in the corner.</p></main>
<script>${DRIVER}</script>
<script src="/dist/earshot.min.js"></script>
<script>${INIT.replace('__SURVEYS__', JSON.stringify(SURVEYS))}</script>
</body>
</html>
`;
}

export const BLANK_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body><p>No Earshot here.</p></body></html>
`;
