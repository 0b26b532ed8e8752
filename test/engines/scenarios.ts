// The cross-engine flows (issue 11), written once. Each engine's test file runs every scenario
// through its adapter (drivers/*.ts): what the visitor sees is read from the page, what was
// delivered from the collector. The SDK is the real bundle, dist/earshot.min.js.
//
// Flow 5 reads each engine's own accessibility tree, and runs axe-core (served by the test
// server, injected by a page function) in each engine on the same states.
import { expect } from 'vitest';
import type { EngineName, EngineSession, Target } from './engine';
import {
  describeFocus,
  describeSurveyHost,
  describeWhere,
  hitTestSurvey,
  locate,
  probeOutbox,
  readCardStyles,
  readOutbox,
  readPageErrors,
  readRanking,
  runAxeOnSurvey,
  snapshotWidgetStyles,
} from './page-functions';
import { AXE_PATH, type EngineServer, type StoredResponse } from './server';
import { sleep, waitUntil } from '../support/wait.mjs';
import { expectWellFormed } from '../support/well-formed';

export interface ScenarioContext {
  engine: EngineName;
  session: EngineSession;
  server: EngineServer;
}

export interface Scenario {
  /** The flow's number in issue 11. */
  flow: 1 | 2 | 3 | 4 | 5;
  title: string;
  run(context: ScenarioContext): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The pages. The demo shop's order-confirmed page (/shop/done.html) is the journey point of flows
// 1 and 2: it tracks `checkout_completed`, which shows the post-checkout NPS survey. The other
// flows need surveys and host pages of their own, served by server.ts under /__engines/.

/** The demo shop's post-checkout survey (examples/shop/earshot-setup.js). */
export const SHOP = {
  page: '/shop/done.html',
  surveyId: 'post-checkout-nps',
  score: 'How likely are you to recommend us to a friend?',
  reason: 'What is the main reason for your score?',
  thanks: 'Thank you — this helps us improve.',
} as const;

export const BRANCH = {
  page: '/__engines/branch.html',
  surveyId: 'delivery-feedback',
  score: 'How likely are you to recommend our delivery service?',
  wrong: 'What went wrong?',
  liked: 'What did you like?',
  extra: 'Anything else we should know?',
  thanks: 'Thanks for helping us improve.',
} as const;

export const CHOICE = {
  page: '/__engines/choice.html',
  surveyId: 'how-found',
  found: 'How did you hear about us?',
  other: 'Other, please specify',
  onboarding: 'How much do you agree?',
  signup: 'Signing up was easy',
  setup: 'Setting up was quick',
  priorities: 'What should we improve first?',
  comment: 'Anything else you would like to tell us?',
  thanks: 'Thank you!',
} as const;

const PLAIN_PAGE = '/__engines/plain.html';
const AGGRESSIVE_PAGE = '/__engines/aggressive-css.html';

/** The host CSS of flow 4: every property a widget inherits, forced, and a bar at the top z-index. */
const AGGRESSIVE_CSS = `
  * { color: red !important; font: 40px serif !important; line-height: 3 !important }
  .promo-bar { position: fixed; left: 0; right: 0; bottom: 0; height: 60vh; z-index: 2147483647;
               background: rgb(255 230 0 / 0.95); }
`;

const BRANCH_SURVEY = {
  id: BRANCH.surveyId,
  trigger: { event: 'order_delivered' },
  display: 'popover',
  questions: [
    { id: 'score', type: 'nps', text: BRANCH.score },
    { id: 'wrong', type: 'text', text: BRANCH.wrong, if: { question: 'score', lte: 6 } },
    { id: 'liked', type: 'text', text: BRANCH.liked, if: { question: 'score', gt: 6 } },
    { id: 'extra', type: 'text', text: BRANCH.extra, optional: true },
  ],
  thanks: BRANCH.thanks,
};

const CHOICE_SURVEY = {
  id: CHOICE.surveyId,
  trigger: { event: 'signed_up' },
  questions: [
    {
      id: 'found',
      type: 'choice',
      text: CHOICE.found,
      multiple: true,
      other: true,
      options: [
        { id: 'search', label: 'Search engine' },
        { id: 'friend', label: 'A friend' },
        { id: 'social', label: 'Social media' },
      ],
    },
    {
      id: 'onboarding',
      type: 'matrix',
      text: CHOICE.onboarding,
      rows: [
        { id: 'signup', label: CHOICE.signup },
        { id: 'setup', label: CHOICE.setup },
      ],
      columns: [
        { value: 1, label: 'Disagree' },
        { value: 2, label: 'Neutral' },
        { value: 3, label: 'Agree' },
      ],
    },
    {
      id: 'priorities',
      type: 'ranking',
      text: CHOICE.priorities,
      options: [
        { id: 'speed', label: 'Speed' },
        { id: 'price', label: 'Price' },
        { id: 'docs', label: 'Documentation' },
      ],
    },
    { id: 'comment', type: 'text', text: CHOICE.comment, multiline: false },
  ],
  thanks: CHOICE.thanks,
};

/** The shop's survey, on pages of our own (shown with `earshot.show`). */
const SHOP_SURVEY = {
  id: SHOP.surveyId,
  display: 'popover',
  questions: [
    { id: 'score', type: 'nps', text: SHOP.score },
    { id: 'reason', type: 'text', text: SHOP.reason, optional: true },
  ],
  thanks: SHOP.thanks,
};

/**
 * A host page loading the real bundle. `start` is what makes the survey appear: a journey event
 * (`track`), or `show` (which bypasses targeting and frequency caps).
 */
function page({ title, head = '', body, survey, start }: { title: string; head?: string; body: string; survey: object; start: { track: string } | { show: string } }): string {
  const starting = 'show' in start ? `earshot.show(${JSON.stringify(start.show)});` : `earshot.track(${JSON.stringify(start.track)});`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
${body}
<script src="/dist/earshot.min.js"></script>
<script>
  earshot.init({ endpoint: '/api/earshot', surveys: [${JSON.stringify(survey)}] });
  ${starting}
</script>
</body>
</html>`;
}

/** Served by the test server at these paths. */
export const PAGES: Record<string, string> = {
  [BRANCH.page]: page({
    title: 'Your order was delivered',
    body: '<main><h1>Your order was delivered</h1><p>We hope you like it.</p></main>',
    survey: BRANCH_SURVEY,
    start: { track: 'order_delivered' },
  }),
  [CHOICE.page]: page({
    title: 'Welcome aboard',
    body: '<main><h1>Welcome aboard</h1><p>Your account is ready.</p></main>',
    survey: CHOICE_SURVEY,
    start: { track: 'signed_up' },
  }),
  [PLAIN_PAGE]: page({
    title: 'A plain page',
    body: '<main><h1>A plain page</h1><p>Nothing here but text.</p></main>',
    survey: SHOP_SURVEY,
    start: { show: SHOP.surveyId },
  }),
  [AGGRESSIVE_PAGE]: page({
    title: 'A page with aggressive CSS',
    head: `<style>${AGGRESSIVE_CSS}</style>`,
    body: '<main><h1>A page with aggressive CSS</h1><p>Everything is red, serif and huge.</p></main>\n<div class="promo-bar">Summer sale: everything must go</div>',
    survey: SHOP_SURVEY,
    start: { show: SHOP.surveyId },
  }),
};

// ---------------------------------------------------------------------------------------------
// Helpers, all through the adapter's few operations.

const radio = (n: number): Target => ({ role: 'radio', name: String(n) });
const button = (name: 'Next' | 'Submit' | 'Close' | 'Back'): Target => ({ role: 'button', name });
const textbox = (name: string): Target => ({ role: 'textbox', name });
const describeTarget = (t: Target) => ('text' in t ? `text "${t.text}"` : `${t.role} "${t.name}"`);

const isVisible = (session: EngineSession, target: Target) => session.evaluate(locate, { op: 'visible', target }) as Promise<boolean>;

async function waitForVisible(session: EngineSession, target: Target, timeout = 10_000) {
  let lastError = '';
  try {
    return await waitUntil(
      // While a click navigates, the old page's context may vanish under the check: try again.
      () =>
        isVisible(session, target).catch((error: unknown) => {
          lastError = String((error as Error)?.message ?? error).split('\n')[0];
          return false;
        }),
      { describe: () => `${describeTarget(target)} to be visible${lastError ? ` (last check failed: ${lastError})` : ''}`, timeout },
    );
  } catch (error) {
    // Where the visitor was when it did not appear: the page, whether a survey was there, and the page's errors.
    const where = await session.evaluate(describeWhere, undefined).catch((reason: unknown) => `the page could not be read: ${String(reason).split('\n')[0]}`);
    throw new Error(`${(error as Error).message}; ${where}`, { cause: error });
  }
}

const isChecked = (session: EngineSession, target: Target) => session.evaluate(locate, { op: 'checked', target }) as Promise<boolean>;

/**
 * Waits until the collector holds a response for which `where` holds. The error lists what the
 * collector holds and what the page's outbox holds (or that IndexedDB stalled).
 */
async function waitForDelivery(session: EngineSession, server: EngineServer, where: (r: StoredResponse) => boolean, timeout = 10_000): Promise<StoredResponse> {
  try {
    return await waitUntil(() => server.responses().find(where), { describe: () => 'a matching response at the collector', timeout });
  } catch (error) {
    const outbox = await session.evaluate(probeOutbox, undefined).catch((e: unknown) => `outbox not readable: ${String(e)}`);
    throw new Error(
      `${(error as Error).message}; the collector holds ${JSON.stringify(server.responses())} after ${server.batchCount} ` +
        `batch(es), ${server.droppedRequests} dropped request(s) and refusals ${JSON.stringify(server.rejected)}; ` +
        `in the page: ${outbox}`,
      { cause: error },
    );
  }
}

async function expectNoPageErrors(session: EngineSession): Promise<void> {
  expect(await session.evaluate(readPageErrors, undefined), 'uncaught errors on the page').toEqual([]);
}

/** Moves focus with `key` until `where` holds for the focused control; fails after `max` presses. */
async function moveFocusUntil(session: EngineSession, key: 'Tab' | 'Shift+Tab', where: (focus: Awaited<ReturnType<typeof describeFocus>>) => boolean, what: string, max = 20) {
  const seen: string[] = [];
  for (let presses = 0; presses <= max; presses++) {
    const focus = await session.evaluate(describeFocus, undefined);
    if (where(focus)) return focus;
    seen.push(`${focus.role} "${focus.name}"${focus.inSurvey ? ' (in survey)' : ''}`);
    if (presses < max) await session.press(key);
  }
  throw new Error(`${key} never reached ${what} within ${max} presses; focus went through: ${seen.join(' → ')}`);
}

/** Every copy the collector received belongs to `id` (partial versions first, then the completed one). */
function expectOnlyResponse(server: EngineServer, id: string) {
  expect(server.responses().map((r) => r.id)).toEqual([id]);
  expect([...new Set(server.copies().map((r) => r.id))]).toEqual([id]);
}

// ---------------------------------------------------------------------------------------------
// The flows.

const answerByMouse: Scenario = {
  flow: 1,
  title: 'a journey event shows the popover; answering by mouse delivers the exact answers',
  async run({ session, server }) {
    await session.open(server.url(SHOP.page));
    await waitForVisible(session, radio(9));
    // It popped up in its own shadow root, at the end of <body>, without taking focus.
    expect(await session.evaluate(describeSurveyHost, undefined)).toEqual({ count: 1, inBody: true, openShadow: true });
    expect((await session.evaluate(describeFocus, undefined)).onBody).toBe(true);
    expect(await isVisible(session, { role: 'radiogroup', name: SHOP.score })).toBe(true);
    expect(server.batchCount, 'seeing a survey sends nothing').toBe(0);

    await session.click(radio(9));
    expect(await isChecked(session, radio(9))).toBe(true);
    await session.click(button('Next'));
    await waitForVisible(session, textbox(SHOP.reason));
    await session.click(textbox(SHOP.reason));
    await session.type('Fast delivery');
    await session.click(button('Submit'));
    await waitForVisible(session, { text: SHOP.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 9, reason: 'Fast delivery' });
    expectWellFormed(response, { surveyId: SHOP.surveyId, trigger: { event: 'checkout_completed' }, pageUrl: server.url(SHOP.page) });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const answerAfterShopJourney: Scenario = {
  flow: 1,
  title: 'after the shop journey across pages (product → cart → checkout → done), the answer is delivered',
  async run({ session, server }) {
    // Each page loads Earshot, and each page left behind may stay in the back/forward cache.
    await session.open(server.url('/shop/index.html'));
    await session.click({ role: 'button', name: 'Add to cart' });
    await waitForVisible(session, { role: 'link', name: 'Checkout' });
    await session.click({ role: 'link', name: 'Checkout' });
    await waitForVisible(session, { role: 'button', name: 'Place order' });
    await session.click({ role: 'button', name: 'Place order' });
    await waitForVisible(session, radio(10));
    expect(await session.evaluate(() => location.pathname, undefined)).toBe(SHOP.page);

    await session.click(radio(10));
    await session.click(button('Next'));
    await waitForVisible(session, textbox(SHOP.reason));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: SHOP.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 10 });
    expect(response.trigger).toEqual({ event: 'checkout_completed' });
    expect((response.page as { url?: string } | undefined)?.url).toMatch(/\/shop\/done\.html(\?|$)/);
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const answerByKeyboard: Scenario = {
  flow: 1,
  title: 'answering by keyboard alone (Tab, arrow keys, Enter) delivers the exact answers',
  async run({ session, server }) {
    await session.open(server.url(SHOP.page));
    await waitForVisible(session, radio(0));
    expect((await session.evaluate(describeFocus, undefined)).inSurvey, 'a popover never takes focus').toBe(false);

    // Tab into the survey: the first stop is the score group, on "0".
    const first = await moveFocusUntil(session, 'Tab', (f) => f.inSurvey, 'the survey');
    expect(first).toMatchObject({ role: 'radio', name: '0' });
    for (let step = 0; step < 7; step++) await session.press('ArrowRight');
    expect(await isChecked(session, radio(7)), 'seven ArrowRight presses from "0" select "7"').toBe(true);

    await moveFocusUntil(session, 'Tab', (f) => f.role === 'button' && f.name === 'Next', 'the Next button', 3);
    await session.press('Enter');
    await waitForVisible(session, textbox(SHOP.reason));
    expect((await session.evaluate(describeFocus, undefined)).inSurvey, 'focus stays in the survey after Next').toBe(true);

    await moveFocusUntil(session, 'Shift+Tab', (f) => f.role === 'textbox' && f.name === SHOP.reason, 'the reason textbox', 4);
    await session.type('Quick checkout');
    await moveFocusUntil(session, 'Tab', (f) => f.role === 'button' && f.name === 'Submit', 'the Submit button', 4);
    await session.press('Enter');
    await waitForVisible(session, { text: SHOP.thanks });
    expect((await session.evaluate(describeFocus, undefined)).inSurvey, 'focus stays in the survey on the thank-you step').toBe(true);

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 7, reason: 'Quick checkout' });
    expectWellFormed(response, { surveyId: SHOP.surveyId, trigger: { event: 'checkout_completed' }, pageUrl: server.url(SHOP.page) });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const answerThenLeaveAtOnce: Scenario = {
  flow: 2,
  title: 'a score picked just before leaving the page is delivered, and the next page can still store and deliver answers',
  async run({ session, server }) {
    // The partial answer is being written as the page goes into the back/forward cache; an engine
    // that froze that write could block the outbox for the next page.
    await session.open(server.url(SHOP.page));
    await waitForVisible(session, radio(4));
    await session.click(radio(4));
    await session.open(server.url('/shop/index.html'));

    await session.click({ role: 'button', name: 'Give feedback' });
    await waitForVisible(session, radio(8));
    await session.click(radio(8));
    await session.click(button('Next'));
    await waitForVisible(session, textbox(SHOP.reason));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: SHOP.thanks });

    const left = await waitForDelivery(session, server, (r) => !r.completed);
    const submitted = await waitForDelivery(session, server, (r) => r.completed);
    expect(left.answers).toEqual({ score: 4 });
    expect(left.trigger).toEqual({ event: 'checkout_completed' });
    expect(submitted.answers).toEqual({ score: 8 });
    expect(submitted.trigger).toEqual({ manual: true });
    expect(server.responses()).toHaveLength(2);
    await expectNoPageErrors(session);
  },
};

const offlineAnswerSurvivesReload: Scenario = {
  flow: 2,
  title: 'an answer given while the collector is unreachable survives a reload and is stored exactly once',
  async run({ session, server }) {
    await session.open(server.url(SHOP.page));
    await waitForVisible(session, radio(9));

    server.setCollectorReachable(false);
    await session.setOffline?.(true);
    await session.click(radio(9));
    await session.click(button('Next'));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: SHOP.thanks });

    // The completed response waits in IndexedDB; nothing reached the collector.
    const queued = await waitUntil(
      async () => {
        const outbox = await session.evaluate(readOutbox, undefined);
        return outbox?.length === 1 && outbox[0].completed ? outbox[0] : null;
      },
      { describe: () => 'one completed response in the IndexedDB outbox' },
    );
    expect(queued).toMatchObject({ surveyId: SHOP.surveyId, completed: true, answers: { score: 9 } });
    await expectNoPageErrors(session);

    // The page is reloaded while the collector still cannot be reached (the browser itself is
    // online again, or the page would not load).
    await session.setOffline?.(false);
    await sleep(200); // lets a delivery attempt prompted by the `online` event be cut off first
    const droppedBefore = server.droppedRequests;
    await session.reload();
    await waitUntil(() => server.droppedRequests > droppedBefore, { describe: () => 'the reloaded page to try to deliver (and be cut off)' });
    const afterReload = await session.evaluate(readOutbox, undefined);
    expect(afterReload, 'the outbox after the reload').toEqual([queued]);
    expect(server.batchCount).toBe(0);
    await expectNoPageErrors(session);

    // The collector is back: the next page view delivers it.
    server.setCollectorReachable(true);
    await session.reload();
    const response = await waitForDelivery(session, server, (r) => r.id === queued.id && r.completed);
    expect(response.answers).toEqual({ score: 9 });
    expectWellFormed(response, { surveyId: SHOP.surveyId, trigger: { event: 'checkout_completed' }, pageUrl: server.url(SHOP.page) });
    await waitUntil(async () => (await session.evaluate(readOutbox, undefined))?.length === 0, { describe: () => 'the outbox to be emptied after delivery', timeout: 5_000 });

    // Nothing else arrives, and the collector stores it once. The reloaded page's last-chance send
    // at page hide may deliver a second copy of the same version (docs/architecture.md §3 allows it: the
    // collector de-duplicates by id); any copy is this response, completed.
    await sleep(1_000);
    expect(server.responses().map((r) => r.id)).toEqual([queued.id]);
    expect([...new Set(server.copies().map((r) => `${r.id} completed: ${r.completed}`))]).toEqual([`${queued.id} completed: true`]);
    await expectNoPageErrors(session);
  },
};

/** Answers the branch survey's first question and checks which branch question follows. */
async function answerScore(session: EngineSession, score: number, asked: string, notAsked: string) {
  await waitForVisible(session, radio(score));
  await session.click(radio(score));
  await session.click(button('Next'));
  await waitForVisible(session, textbox(asked));
  expect(await isVisible(session, textbox(notAsked)), `"${notAsked}" is not asked after a score of ${score}`).toBe(false);
}

const detractorBranch: Scenario = {
  flow: 3,
  title: 'branch: a low score asks "What went wrong?" and the exact answers are delivered',
  async run({ session, server }) {
    await session.open(server.url(BRANCH.page));
    await answerScore(session, 3, BRANCH.wrong, BRANCH.liked);
    await session.click(textbox(BRANCH.wrong));
    await session.type('Late delivery');
    await session.click(button('Next'));
    await waitForVisible(session, textbox(BRANCH.extra));
    await session.click(textbox(BRANCH.extra));
    await session.type('Box was damaged');
    await session.click(button('Submit'));
    await waitForVisible(session, { text: BRANCH.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 3, wrong: 'Late delivery', extra: 'Box was damaged' });
    expectWellFormed(response, { surveyId: BRANCH.surveyId, trigger: { event: 'order_delivered' }, pageUrl: server.url(BRANCH.page) });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const promoterBranch: Scenario = {
  flow: 3,
  title: 'branch: a high score asks "What did you like?"; the skipped optional question is absent',
  async run({ session, server }) {
    await session.open(server.url(BRANCH.page));
    await answerScore(session, 9, BRANCH.liked, BRANCH.wrong);
    await session.click(textbox(BRANCH.liked));
    await session.type('Friendly driver');
    await session.click(button('Next'));
    await waitForVisible(session, textbox(BRANCH.extra));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: BRANCH.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 9, liked: 'Friendly driver' });
    expectWellFormed(response, { surveyId: BRANCH.surveyId, trigger: { event: 'order_delivered' }, pageUrl: server.url(BRANCH.page) });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const changedMindBranch: Scenario = {
  flow: 3,
  title: "branch: going Back and lowering the score switches branch and drops the other branch's answer",
  async run({ session, server }) {
    await session.open(server.url(BRANCH.page));
    await answerScore(session, 8, BRANCH.liked, BRANCH.wrong);
    await session.click(textbox(BRANCH.liked));
    await session.type('Nice box');
    await session.click(button('Back'));
    await waitForVisible(session, radio(2));
    await session.click(radio(2));
    await session.click(button('Next'));
    await waitForVisible(session, textbox(BRANCH.wrong));
    expect(await isVisible(session, textbox(BRANCH.liked))).toBe(false);
    await session.click(textbox(BRANCH.wrong));
    await session.type('Broken handle');
    await session.click(button('Next'));
    await waitForVisible(session, textbox(BRANCH.extra));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: BRANCH.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 2, wrong: 'Broken handle' });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const choiceAndText: Scenario = {
  flow: 3,
  title:
    'choice, matrix, ranking and text: several options and "Other" with its text, a row of a matrix at a time, a ranking by its buttons, then a single-line answer, delivered as given',
  async run({ session, server }) {
    await session.open(server.url(CHOICE.page));
    const checkbox = (name: string): Target => ({ role: 'checkbox', name });
    await waitForVisible(session, checkbox('A friend'));
    await session.click(checkbox('Other'));
    // Picking "Other" puts focus in its text field.
    await waitForVisible(session, textbox(CHOICE.other));
    expect(await session.evaluate(describeFocus, undefined)).toMatchObject({ inSurvey: true, role: 'textbox', name: CHOICE.other });
    await session.type('A podcast');
    await session.click(checkbox('A friend'));
    await session.click(checkbox('Search engine'));
    await session.click(checkbox('Search engine'));
    expect(await isChecked(session, checkbox('Search engine'))).toBe(false);
    await session.click(button('Next'));

    // A matrix: each statement a radiogroup, its radios named by the column; every row is needed.
    const point = (row: string, column: string): Target => ({ role: 'radio', name: column, within: { role: 'radiogroup', name: row } });
    await waitForVisible(session, { role: 'group', name: CHOICE.onboarding });
    await session.click(point(CHOICE.signup, 'Agree'));
    expect(await isChecked(session, point(CHOICE.signup, 'Agree'))).toBe(true);
    await session.click(button('Next'));
    await waitForVisible(session, { text: 'Please answer every statement to continue.' });
    await session.click(point(CHOICE.setup, 'Neutral'));
    expect([await isChecked(session, point(CHOICE.setup, 'Neutral')), await isChecked(session, point(CHOICE.signup, 'Agree'))]).toEqual([true, true]);
    await session.click(button('Next'));

    // A ranking: Documentation to the top with its Move up button, twice.
    await waitForVisible(session, { role: 'button', name: 'Move Documentation up' });
    await session.click({ role: 'button', name: 'Move Documentation up' });
    await session.click({ role: 'button', name: 'Move Documentation up' });
    expect(await session.evaluate(readRanking, undefined)).toEqual(['Documentation', 'Speed', 'Price']);
    await session.click(button('Next'));
    // Next took focus on to the new question's field. (WebKitWebDriver reports a click on an
    // <input type=text> inside shadow DOM as intercepted, so this flow types where focus is.)
    await waitForVisible(session, textbox(CHOICE.comment));
    expect(await session.evaluate(describeFocus, undefined)).toMatchObject({ inSurvey: true, role: 'textbox', name: CHOICE.comment });
    await session.type('Great onboarding');
    await session.click(button('Submit'));
    await waitForVisible(session, { text: CHOICE.thanks });

    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({
      found: ['friend', { other: 'A podcast' }],
      onboarding: { signup: 3, setup: 2 },
      priorities: ['docs', 'speed', 'price'],
      comment: 'Great onboarding',
    });
    expectWellFormed(response, { surveyId: CHOICE.surveyId, trigger: { event: 'signed_up' }, pageUrl: server.url(CHOICE.page) });
    expectOnlyResponse(server, response.id);
    await expectNoPageErrors(session);
  },
};

const aggressiveHostCss: Scenario = {
  flow: 4,
  title: 'host CSS forcing colour, font and line-height, and a fixed bar at the top z-index, neither restyle nor cover the widget',
  async run({ session, server }) {
    await session.open(server.url(AGGRESSIVE_PAGE));
    await waitForVisible(session, radio(9));
    const hostPage = await session.evaluate(() => {
      const s = getComputedStyle(document.querySelector('h1')!);
      return `${s.color} ${s.fontSize} ${s.fontFamily} ${s.lineHeight}`;
    }, undefined);
    expect(hostPage, 'the host page CSS applies to the page itself').toBe('rgb(255, 0, 0) 40px serif 120px');
    const styled = await session.evaluate(snapshotWidgetStyles, undefined);
    expect(styled.length).toBeGreaterThan(10);

    // The widget's own look, with the host's stylesheet switched off, is the same.
    const setHostCss = (enabled: boolean) =>
      session.evaluate((on: boolean) => {
        for (const sheet of document.styleSheets) sheet.disabled = !on;
      }, enabled);
    await setHostCss(false);
    const own = await session.evaluate(snapshotWidgetStyles, undefined);
    await setHostCss(true);
    const changed = styled.flatMap((line, i) => (line === own[i] ? [] : [`${own[i]}\n   => ${line}`]));
    const shown = changed.length > 4 ? [...changed.slice(0, 4), `…and ${changed.length - 4} more`] : changed;
    expect(styled.length, 'the same widget parts with and without the host CSS').toBe(own.length);
    expect(shown, 'host CSS restyled the widget (own look => with host CSS)').toEqual([]);
    expect(await session.evaluate(readCardStyles, undefined)).toMatchObject({ color: 'rgb(17, 24, 39)', fontSize: '15px', lineHeight: '21px' });

    // On top of the bar: a pointer at the survey's centre, and at its button, reaches the survey.
    const hit = await session.evaluate(hitTestSurvey, undefined);
    expect(hit, 'hit test').toMatchObject({ atCentre: 'earshot-survey', atButton: 'button.primary', buttonText: 'Next' });

    // And a visitor can answer there with the mouse.
    await session.click(radio(8));
    await session.click(button('Next'));
    await waitForVisible(session, textbox(SHOP.reason));
    await session.click(button('Submit'));
    await waitForVisible(session, { text: SHOP.thanks });
    const response = await waitForDelivery(session, server, (r) => r.completed);
    expect(response.answers).toEqual({ score: 8 });
    await expectNoPageErrors(session);
  },
};

const accessibleRolesAndNames: Scenario = {
  flow: 5,
  title: 'the engine exposes the roles and names of docs/architecture.md §4 (radiogroup, radios "0".."10", Next/Submit/Close, textbox), and axe-core finds no WCAG A/AA violation',
  async run({ engine, session, server }) {
    await session.open(server.url(PLAIN_PAGE));
    await waitForVisible(session, radio(9));

    type Expectation = [role: string, name: string | undefined, count: number];
    const check = async (step: string, expected: Expectation[]) => {
      const tree = await session.accessibility();
      const problems: string[] = [];
      for (const [role, name, count] of expected) {
        const actual = await tree.count(role, name);
        if (actual !== count) problems.push(`${role}${name === undefined ? ' (any name)' : ` "${name}"`}: ${actual}, expected ${count}`);
      }
      expect(problems, `${engine} accessibility tree (${tree.source}) at ${step}`).toEqual([]);
      // axe-core, injected into the page, checks the same state against WCAG 2.2 A/AA in this engine.
      expect(await session.evaluate(runAxeOnSurvey, AXE_PATH), `axe-core in ${engine} at ${step}`).toEqual([]);
    };

    await check('the score question', [
      ['radiogroup', undefined, 1],
      ['radiogroup', SHOP.score, 1],
      ['radio', undefined, 11],
      ...Array.from({ length: 11 }, (_, n): Expectation => ['radio', String(n), 1]),
      ['button', undefined, 2],
      ['button', 'Next', 1],
      ['button', 'Close', 1],
      ['textbox', undefined, 0],
    ]);

    await session.click(radio(9));
    await session.click(button('Next'));
    await waitForVisible(session, textbox(SHOP.reason));
    await check('the reason question', [
      ['textbox', undefined, 1],
      ['textbox', SHOP.reason, 1],
      ['radio', undefined, 0],
      ['button', undefined, 3],
      ['button', 'Back', 1],
      ['button', 'Submit', 1],
      ['button', 'Close', 1],
    ]);
    await expectNoPageErrors(session);
  },
};

export const SCENARIOS: readonly Scenario[] = [
  answerByMouse,
  answerAfterShopJourney,
  answerByKeyboard,
  offlineAnswerSurvivesReload,
  answerThenLeaveAtOnce,
  detractorBranch,
  promoterBranch,
  changedMindBranch,
  choiceAndText,
  aggressiveHostCss,
  accessibleRolesAndNames,
];
