// The gallery: one survey with every question type, in each display mode.
// `?open=<survey id>` opens one at load and `?theme=dark` starts dark (used for screenshots).
(function () {
  'use strict';

  var questions = [
    { id: 'recommend', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
    { id: 'stars', type: 'rating', style: 'stars', scale: 5, text: 'How would you rate your order?' },
    { id: 'mood', type: 'rating', style: 'emoji', scale: 5, text: 'How do you feel about the new checkout?' },
    { id: 'satisfaction', type: 'csat', text: 'How satisfied are you with the delivery?' },
    { id: 'effort', type: 'ces', text: 'The site made it easy for me to find what I wanted.' },
    { id: 'helpful', type: 'thumbs', text: 'Was the size guide helpful?' },
    {
      id: 'found',
      type: 'choice',
      text: 'How did you hear about us?',
      options: [{ id: 'search', label: 'Search engine' }, { id: 'friend', label: 'A friend' }, { id: 'social', label: 'Social media' }],
      other: true,
    },
    { id: 'features', type: 'choice', multiple: true, max: 2, text: 'Which two things matter most to you?', options: ['Price', 'Quality', 'Delivery speed', 'Returns'] },
    { id: 'comment', type: 'text', text: 'Anything else you would like to tell us?', optional: true },
  ];
  var thanks = { text: 'Thank you — this helps us improve.', link: { label: 'See what we changed', url: 'https://example.com/changelog' } };

  function survey(id, fields) {
    return Object.assign({ id: id, questions: questions, thanks: thanks }, fields);
  }

  earshot.init({
    endpoint: '/api/earshot',
    debug: true,
    surveys: [
      survey('every-type-popover', { display: 'popover' }),
      survey('every-type-modal', { display: 'modal' }),
      survey('every-type-inline', { display: 'inline', target: '#inline-slot' }),
      survey('every-type-tab', { display: 'tab' }),
    ],
  });

  var params = new URLSearchParams(location.search);
  var toggle = document.querySelector('[data-theme-toggle]');
  function setDark(dark) {
    document.documentElement.classList.toggle('dark', dark);
    toggle.setAttribute('aria-pressed', String(dark));
  }
  setDark(params.get('theme') === 'dark');
  toggle.addEventListener('click', function () {
    setDark(!document.documentElement.classList.contains('dark'));
  });

  document.addEventListener('click', function (event) {
    var opener = event.target instanceof Element ? event.target.closest('[data-open]') : null;
    if (opener) earshot.show(opener.getAttribute('data-open'));
  });
  if (params.get('open')) earshot.show(params.get('open'));
})();
