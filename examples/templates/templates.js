// One survey per template, each named after it. `?open=<id>` opens one at load (used by the tests).
(function () {
  'use strict';

  var thanks = 'Thank you — this helps us improve.';
  earshot.init({
    endpoint: '/api/earshot',
    // ?debug logs decisions and shows the debug panel, which would cover part of the showcase.
    debug: new URLSearchParams(location.search).has('debug'),
    surveys: [
      { id: 'nps', template: 'nps', product: 'Earshot Mugs', thanks: thanks },
      { id: 'csat', template: 'csat', product: 'your order', thanks: thanks },
      { id: 'ces', template: 'ces', thanks: thanks },
      { id: 'sus', template: 'sus', thanks: thanks },
      { id: 'umux-lite', template: 'umux-lite', thanks: thanks },
      { id: 'pmf', template: 'pmf', product: 'Earshot Mugs', thanks: thanks },
    ],
  });

  document.addEventListener('click', function (event) {
    var opener = event.target instanceof Element ? event.target.closest('[data-open]') : null;
    if (opener) earshot.show(opener.getAttribute('data-open'));
  });
  var open = new URLSearchParams(location.search).get('open');
  if (open) earshot.show(open);
})();
