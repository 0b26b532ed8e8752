// Earshot setup shared by every shop page. Loaded right after /dist/earshot.min.js, which
// defines the global `earshot`.
(function () {
  'use strict';

  if (!window.earshot || typeof window.earshot.init !== 'function') {
    console.warn('Earshot is not loaded: run `npm run build` (or `npm start`) to create dist/earshot.min.js.');
    return;
  }

  earshot.init({
    endpoint: '/api/earshot',
    // `?debug` on a shop page logs each decision and shows the debug panel ("Why didn't it show?");
    // without it the panel would cover part of the shop.
    debug: new URLSearchParams(location.search).has('debug'),
    surveys: [
      {
        id: 'post-checkout-nps',
        trigger: { event: 'checkout_completed' },
        display: 'popover',
        questions: [
          { id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
          { id: 'reason', type: 'text', text: 'What is the main reason for your score?', optional: true },
        ],
        thanks: 'Thank you — this helps us improve.',
      },
    ],
  });

  // "Give feedback" opens the survey on demand, whatever the targeting says.
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-earshot-feedback]') : null;
    if (target) earshot.show('post-checkout-nps');
  });
})();
