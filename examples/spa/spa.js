// A small single-page app: links change the route with history.pushState, back/forward with
// popstate, and the page never reloads. Each survey below waits for a different journey point;
// Earshot follows the route changes by itself.
(function () {
  'use strict';

  if (!window.earshot || typeof window.earshot.init !== 'function') {
    console.warn('Earshot is not loaded: run `npm run build` (or `npm start`) to create dist/earshot.min.js.');
    return;
  }

  var rating = function (text) {
    return [{ id: 'rating', type: 'rating', scale: 5, text: text }];
  };

  earshot.init({
    endpoint: '/api/earshot',
    debug: true,
    // A demo shows one journey point after another; a real site keeps the default (3 days).
    cooldownDays: 0,
    surveys: [
      { id: 'journal-read', trigger: { all: [{ url: '/spa/' }, { scroll: 60 }] }, questions: rating('How useful is this journal?') },
      { id: 'cart-ease', trigger: { event: 'added_to_cart' }, questions: rating('How easy was it to add the mug to your cart?') },
      { id: 'blog-reader', trigger: { all: [{ url: '/spa/blog/*' }, { delay: 3 }] }, questions: rating('Are you enjoying this post?') },
      { id: 'pricing-clarity', trigger: { url: { startsWith: '/spa/pricing' } }, questions: rating('How clear are our prices?') },
      { id: 'leaving', trigger: { exitIntent: true }, questions: [{ id: 'found', type: 'thumbs', text: 'Did you find what you came for?' }] },
    ],
  });

  // What the tests (and the curious) can read: the surveys shown on this page, in order.
  var shown = [];
  addEventListener('earshot:shown', function (event) {
    shown.push(event.detail.surveyId);
  });
  window.spaDemo = { shown: shown };

  var views = {
    '/spa/':
      '<article class="card long-read"><h1>The journal</h1>' +
      '<p>Scroll to 60 % of this page: the <code>{ "scroll": 60 }</code> journey point shows a survey.</p>' +
      '<p><button type="button" class="button" data-earshot-event="added_to_cart">Add to cart</button> ' +
      'tracks <code>added_to_cart</code> through <code>data-earshot-event</code>, with no script of its own.</p>' +
      '<ul class="journey-points"><li>Blog: a survey after 3 visible seconds on a post (leave earlier and it never comes).</li>' +
      '<li>Pricing: a survey as soon as the route changes.</li><li>Move the pointer out through the top of the window: exit intent.</li></ul>' +
      '<p class="filler muted">Stoneware is fired twice: once to harden the clay, once to melt the glaze into glass.</p>' +
      '<p class="filler muted">Our glazes are mixed in Porto from feldspar, silica and a little iron.</p>' +
      '<p class="muted">The end of the journal.</p></article>',
    '/spa/blog/glazes': '<article class="card"><h1>How our glazes get their colour</h1><p>Iron, a long cool-down, and patience.</p></article>',
    '/spa/pricing': '<section class="card"><h1>Pricing</h1><p>One mug €24, a set of four €86. Free delivery from €50.</p></section>',
  };

  function render() {
    document.getElementById('view').innerHTML = views[location.pathname] || '<p class="card">Not found.</p>';
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
    if (!link || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render();
    scrollTo(0, 0);
  });
  addEventListener('popstate', render);
  render();
})();
