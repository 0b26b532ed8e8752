import { describe, expect, it, vi } from 'vitest';
import { track } from '../../../src/index.js';
import { settle } from '../../support/fakes.js';
import { click, dismiss, openSurvey, scrollToY, shownIds, start, survey, useTargeting, wait } from './support.js';

const visit = useTargeting();

/** Leaves the page through the top of the window, as a mouse does on its way to the tabs. */
const pointerOutThroughTop = () => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true }));

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('event trigger', () => {
  it('shows the survey when its event is tracked, and tells the collector which journey point it was', async () => {
    await start(visit, { surveys: [survey('nps', { trigger: { event: 'checkout_completed' } })] });
    track('page_viewed');
    expect(openSurvey()).toBeNull();
    track('checkout_completed');
    expect(visit.shown).toEqual([{ surveyId: 'nps', trigger: { event: 'checkout_completed' } }]);
    expect(openSurvey()).not.toBeNull();
  });

  it('with `where`, shows only when the properties satisfy every condition, and records the event without them', async () => {
    const trigger = { event: 'checkout_completed', where: { total: { gte: 50, lt: 1000 }, currency: 'EUR' } };
    await start(visit, { surveys: [survey('big-order', { trigger })] });
    track('checkout_completed', { total: 30, currency: 'EUR' });
    track('checkout_completed', { total: 80, currency: 'USD' });
    track('checkout_completed', { total: 5000, currency: 'EUR' });
    track('checkout_completed');
    expect(shownIds(visit)).toEqual([]);
    track('checkout_completed', { total: 80, currency: 'EUR' });
    expect(visit.shown).toEqual([{ surveyId: 'big-order', trigger: { event: 'checkout_completed' } }]);
  });

  it.each([
    ['in', { plan: { in: ['pro', 'team'] } }, { plan: 'team' }, { plan: 'free' }],
    ['neq', { plan: { neq: 'free' } }, { plan: 'pro' }, { plan: 'free' }],
    ['exists', { coupon: { exists: true } }, { coupon: 'WELCOME' }, { coupon: null }],
    ['exists: false', { coupon: { exists: false } }, {}, { coupon: 'WELCOME' }],
    ['gt', { items: { gt: 2 } }, { items: 3 }, { items: 2 }],
    ['lte', { items: { lte: 2 } }, { items: 2 }, { items: '1' }],
  ])('a `%s` property condition', async (_, where, matching, other) => {
    await start(visit, { cooldownDays: 0, surveys: [survey('s', { trigger: { event: 'bought', where } })] });
    track('bought', other);
    expect(shownIds(visit)).toEqual([]);
    track('bought', matching);
    expect(shownIds(visit)).toEqual(['s']);
  });

  it('a click on an element with data-earshot-event tracks that event, with no script on the page', async () => {
    document.body.innerHTML = '<button data-earshot-event="added_to_cart"><span>Add to cart</span></button><button>Other</button>';
    await start(visit, { surveys: [survey('cart', { trigger: { event: 'added_to_cart' } })] });
    click(document.body.querySelectorAll('button')[1]);
    expect(shownIds(visit)).toEqual([]);
    click(document.querySelector('span')!);
    expect(visit.shown).toEqual([{ surveyId: 'cart', trigger: { event: 'added_to_cart' } }]);
    document.body.innerHTML = '';
  });
});

describe('url trigger', () => {
  it.each([
    ['a glob string', '/blog/*', '/blog/2026/launch', '/pricing'],
    ['equals', { equals: '/pricing' }, '/pricing', '/pricing/team'],
    ['startsWith', { startsWith: '/docs/' }, '/docs/api', '/doc'],
    ['contains', { contains: 'checkout' }, '/shop/checkout/done', '/shop/cart'],
    ['glob', { glob: '/products/*/reviews' }, '/products/mug/reviews', '/products/mug'],
    ['regex', { regex: '^/order/\\d+$' }, '/order/1234', '/order/abc'],
  ])('%s: shows on a matching page at load, not on another', async (_, url, matching, other) => {
    history.replaceState(null, '', other);
    await start(visit, { surveys: [survey('page', { trigger: { url } })] });
    expect(shownIds(visit)).toEqual([]);
    history.replaceState(null, '', matching);
    await start(visit, { surveys: [survey('page', { trigger: { url } })] });
    expect(visit.shown).toEqual([{ surveyId: 'page', trigger: { url } }]);
  });

  it('a glob matches the path only, so a query or an in-page anchor changes nothing', async () => {
    history.replaceState(null, '', '/pricing?plan=team#faq');
    await start(visit, { surveys: [survey('pricing', { trigger: { url: '/pricing' } })] });
    expect(shownIds(visit)).toEqual(['pricing']);
  });

  describe('single-page-app route changes', () => {
    const pricing = survey('pricing', { trigger: { url: '/pricing' } });

    it('shows after history.pushState to a matching path', async () => {
      await start(visit, { surveys: [pricing] });
      history.pushState(null, '', '/features');
      expect(shownIds(visit)).toEqual([]);
      history.pushState(null, '', '/pricing');
      expect(shownIds(visit)).toEqual(['pricing']);
      expect(location.pathname).toBe('/pricing');
    });

    it('shows after history.replaceState to a matching path', async () => {
      await start(visit, { surveys: [pricing] });
      history.replaceState(null, '', '/pricing');
      expect(shownIds(visit)).toEqual(['pricing']);
    });

    it('shows after back/forward (popstate) to a matching path', async () => {
      await start(visit, { surveys: [pricing] });
      // The browser changes the address itself on back/forward: no pushState call, then popstate.
      History.prototype.pushState.call(history, null, '', '/pricing');
      expect(shownIds(visit)).toEqual([]);
      dispatchEvent(new PopStateEvent('popstate'));
      expect(shownIds(visit)).toEqual(['pricing']);
    });

    it('shows after a hash-route change (#/pricing)', async () => {
      await start(visit, { surveys: [survey('hash', { trigger: { url: '/#/pricing' } })] });
      const changed = new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
      location.hash = '#/pricing';
      // The browser fires hashchange in a task of its own, which the fake clock holds until it moves.
      await vi.advanceTimersByTimeAsync(0);
      await changed;
      expect(shownIds(visit)).toEqual(['hash']);
    });

    it('does not poll: nothing runs between navigations', async () => {
      await start(visit, { surveys: [pricing] });
      expect(vi.getTimerCount()).toBe(0);
    });

    it('destroy() gives the page back its own history.pushState and replaceState', async () => {
      const { pushState, replaceState } = history;
      await start(visit, { surveys: [pricing] });
      expect(history.pushState).not.toBe(pushState);
      const { destroy } = await import('../../../src/index.js');
      destroy();
      expect(history.pushState).toBe(pushState);
      expect(history.replaceState).toBe(replaceState);
      history.pushState(null, '', '/pricing');
      expect(shownIds(visit)).toEqual([]);
    });

    it('a host pushState keeps working when Earshot fails inside it', async () => {
      await start(visit, { surveys: [survey('bad', { trigger: { selector: 'a' } }), pricing] });
      vi.spyOn(Element.prototype, 'closest').mockImplementation(() => {
        throw new Error('boom');
      });
      expect(() => history.pushState(null, '', '/pricing')).not.toThrow();
      expect(location.pathname).toBe('/pricing');
    });
  });
});

describe('selector trigger', () => {
  it('shows on a click on (or inside) a matching element, also one added after init', async () => {
    await start(visit, { surveys: [survey('help', { trigger: { selector: '.help-link' } })] });
    document.body.innerHTML = '<a class="help-link" href="#"><b>Help</b></a><a href="#">Home</a>';
    click(document.querySelectorAll('a')[1]);
    expect(shownIds(visit)).toEqual([]);
    click(document.querySelector('b')!);
    expect(visit.shown).toEqual([{ surveyId: 'help', trigger: { selector: '.help-link' } }]);
    document.body.innerHTML = '';
  });

  it('sees clicks the page stops from bubbling', async () => {
    await start(visit, { surveys: [survey('help', { trigger: { selector: 'button' } })] });
    document.body.innerHTML = '<button>Help</button>';
    document.querySelector('button')!.addEventListener('click', (event) => event.stopPropagation());
    click(document.querySelector('button')!);
    expect(shownIds(visit)).toEqual(['help']);
    document.body.innerHTML = '';
  });
});

describe('scroll trigger', () => {
  it('shows once the visitor has seen the given percent of the page: (scrollY + innerHeight) / scrollHeight', async () => {
    await start(visit, { surveys: [survey('deep', { trigger: { scroll: 60 } })] });
    // 4000 px page, 768 px window: 60 % is reached at scrollY 1632.
    scrollToY(1600);
    expect(shownIds(visit)).toEqual([]);
    scrollToY(1632);
    expect(visit.shown).toEqual([{ surveyId: 'deep', trigger: { scroll: 60 } }]);
  });

  it('counts a page that fits the window as fully scrolled', async () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 500 });
    await start(visit, { surveys: [survey('short', { trigger: { scroll: 90 } })] });
    expect(shownIds(visit)).toEqual(['short']);
  });
});

describe('exit-intent trigger', () => {
  const exit = survey('exit', { trigger: { exitIntent: true } });

  it('shows when the pointer leaves the window through the top, not through a side or into the page', async () => {
    await start(visit, { surveys: [exit] });
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, clientX: -1, relatedTarget: null, bubbles: true }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: document.body, bubbles: true }));
    expect(shownIds(visit)).toEqual([]);
    pointerOutThroughTop();
    expect(visit.shown).toEqual([{ surveyId: 'exit', trigger: { exitIntent: true } }]);
  });

  it('fires at most once per page', async () => {
    await start(visit, { cooldownDays: 0, surveys: [exit, survey('exit-2', { trigger: { exitIntent: true } })] });
    pointerOutThroughTop();
    expect(shownIds(visit)).toEqual(['exit']);
    await dismiss();
    pointerOutThroughTop();
    expect(shownIds(visit)).toEqual(['exit']);
    history.pushState(null, '', '/next');
    pointerOutThroughTop();
    expect(shownIds(visit)).toEqual(['exit', 'exit-2']);
  });

  it('on a touch screen, a fast scroll back up is an exit intent; a slow one is not', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }));
    await start(visit, { surveys: [exit] });
    scrollToY(2000);
    await wait(1000);
    // 300 px up over a second and a half: reading back, not leaving.
    for (let y = 1950; y >= 1700; y -= 50) {
      scrollToY(y);
      await wait(300);
    }
    expect(shownIds(visit)).toEqual([]);
    // 150 px up in a flash: a small adjustment.
    await wait(500);
    scrollToY(1650);
    await wait(16);
    scrollToY(1550);
    expect(shownIds(visit)).toEqual([]);
    await wait(500);
    // 240 px up in 32 ms.
    scrollToY(1500);
    await wait(16);
    scrollToY(1400);
    await wait(16);
    scrollToY(1260);
    expect(shownIds(visit)).toEqual(['exit']);
  });
});

describe('delay trigger', () => {
  it('shows after the given seconds on the page', async () => {
    await start(visit, { surveys: [survey('slow', { trigger: { delay: 20 } })] });
    await wait(19_900);
    expect(shownIds(visit)).toEqual([]);
    await wait(100);
    expect(visit.shown).toEqual([{ surveyId: 'slow', trigger: { delay: 20 } }]);
  });

  it('counts visible time only: seconds in a hidden tab do not count', async () => {
    await start(visit, { surveys: [survey('slow', { trigger: { delay: 20 } })] });
    await wait(15_000);
    setVisibility('hidden');
    await wait(60_000);
    expect(shownIds(visit)).toEqual([]);
    setVisibility('visible');
    await wait(4_900);
    expect(shownIds(visit)).toEqual([]);
    await wait(100);
    expect(shownIds(visit)).toEqual(['slow']);
  });

  it('starts again on a new page, and a delayed survey whose page the visitor left does not show', async () => {
    history.replaceState(null, '', '/blog/one');
    await start(visit, { surveys: [survey('reader', { trigger: { all: [{ url: '/blog/*' }, { delay: 20 }] } })] });
    await wait(15_000);
    history.pushState(null, '', '/pricing');
    await wait(60_000);
    expect(shownIds(visit)).toEqual([]);
    history.pushState(null, '', '/blog/two');
    await wait(19_000);
    expect(shownIds(visit)).toEqual([]);
    await wait(1_000);
    expect(visit.shown).toEqual([{ surveyId: 'reader', trigger: { all: [{ url: '/blog/*' }, { delay: 20 }] }, firedBy: { delay: 20 } }]);
  });
});

describe('all and any', () => {
  it('all: shows when the last of its journey points happens, whatever the order', async () => {
    const trigger = { all: [{ event: 'plan_viewed' }, { scroll: 50 }] };
    await start(visit, { surveys: [survey('both', { trigger })] });
    scrollToY(2500);
    expect(shownIds(visit)).toEqual([]);
    track('plan_viewed');
    expect(visit.shown).toEqual([{ surveyId: 'both', trigger, firedBy: { event: 'plan_viewed' } }]);
  });

  it('all: an event counts only once it has happened on the current page', async () => {
    await start(visit, { surveys: [survey('both', { trigger: { all: [{ event: 'plan_viewed' }, { scroll: 50 }] } })] });
    track('plan_viewed');
    history.pushState(null, '', '/other');
    scrollToY(2500);
    expect(shownIds(visit)).toEqual([]);
    track('plan_viewed');
    expect(shownIds(visit)).toEqual(['both']);
  });

  it('all: records the combination without `where`, and the part that completed it', async () => {
    await start(visit, { surveys: [survey('s', { trigger: { all: [{ url: '/' }, { event: 'bought', where: { total: { gt: 10 } } }] } })] });
    track('bought', { total: 20 });
    expect(visit.shown).toEqual([{ surveyId: 's', trigger: { all: [{ url: '/' }, { event: 'bought' }] }, firedBy: { event: 'bought' } }]);
  });

  it('any: shows on the first of its journey points, recorded beside the whole trigger as the part that fired', async () => {
    await start(visit, { surveys: [survey('either', { trigger: { any: [{ event: 'help_opened' }, { exitIntent: true }] } })] });
    pointerOutThroughTop();
    expect(visit.shown).toEqual([{ surveyId: 'either', trigger: { any: [{ event: 'help_opened' }, { exitIntent: true }] }, firedBy: { exitIntent: true } }]);
  });

  it('does not show later, at an unrelated moment, a survey whose journey point came while another was open', async () => {
    await start(visit, {
      cooldownDays: 0,
      surveys: [survey('first', { trigger: { event: 'a' } }), survey('second', { trigger: { event: 'b' } })],
    });
    track('a');
    track('b');
    await dismiss();
    scrollToY(1000);
    expect(shownIds(visit)).toEqual(['first']);
    track('b');
    expect(shownIds(visit)).toEqual(['first', 'second']);
  });
});

describe('tab surveys', () => {
  it('a journey point brings out the Feedback tab, once; the survey itself waits for the visitor', async () => {
    await start(visit, { surveys: [survey('tab', { display: 'tab', trigger: { scroll: 50 } })] });
    expect(document.querySelectorAll('earshot-feedback-tab')).toHaveLength(0);
    scrollToY(2500);
    scrollToY(3000);
    expect(document.querySelectorAll('earshot-feedback-tab')).toHaveLength(1);
    expect(openSurvey()).toBeNull();
  });
});

describe('before the visitor state is loaded', () => {
  it('a journey point tracked right after init still shows its survey once the state is there', async () => {
    const { init, on } = await import('../../../src/index.js');
    init({ endpoint: '/api/earshot', surveys: [survey('early', { trigger: { event: 'x' } })] });
    on('shown', (payload) => visit.shown.push(payload));
    track('x');
    expect(shownIds(visit)).toEqual([]);
    await settle();
    expect(shownIds(visit)).toEqual(['early']);
  });

  it('but not once the visitor has left that page', async () => {
    const { init, on } = await import('../../../src/index.js');
    init({ endpoint: '/api/earshot', surveys: [survey('early', { trigger: { event: 'x' } })] });
    on('shown', (payload) => visit.shown.push(payload));
    track('x');
    history.pushState(null, '', '/elsewhere');
    await settle();
    expect(shownIds(visit)).toEqual([]);
  });
});
