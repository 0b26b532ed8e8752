// The gallery: one survey with every question type, in each display mode.
// `?open=<survey id>` opens one at load, `?theme=dark` (or `auto`) starts dark and `?lang=fr` or
// `?lang=ar` in French or Arabic (used for tests and screenshots).
(function () {
  'use strict';

  // Texts in English, French and Arabic: `?lang=fr` or `?lang=ar` shows the survey in that locale
  // (the widget's own words come from /dist/locales/*.js, loaded by index.html).
  var questions = [
    { id: 'recommend', type: 'nps', text: { en: 'How likely are you to recommend us to a friend?', fr: 'Quelle est la probabilité que vous nous recommandiez à un ami ?', ar: 'ما مدى احتمال أن توصي بنا لصديق؟' } },
    { id: 'stars', type: 'rating', style: 'stars', scale: 5, text: { en: 'How would you rate your order?', fr: 'Comment évaluez-vous votre commande ?', ar: 'كيف تقيّم طلبك؟' } },
    { id: 'mood', type: 'rating', style: 'emoji', scale: 5, text: { en: 'How do you feel about the new checkout?', fr: 'Que pensez-vous du nouveau paiement ?', ar: 'ما شعورك تجاه صفحة الدفع الجديدة؟' } },
    { id: 'satisfaction', type: 'csat', text: { en: 'How satisfied are you with the delivery?', fr: 'Êtes-vous satisfait de la livraison ?', ar: 'ما مدى رضاك عن التوصيل؟' } },
    { id: 'effort', type: 'ces', text: { en: 'The site made it easy for me to find what I wanted.', fr: 'Le site m’a permis de trouver facilement ce que je cherchais.', ar: 'سهّل الموقع عليّ العثور على ما أريد.' } },
    { id: 'helpful', type: 'thumbs', text: { en: 'Was the size guide helpful?', fr: 'Le guide des tailles vous a-t-il aidé ?', ar: 'هل كان دليل المقاسات مفيدًا؟' } },
    {
      id: 'found',
      type: 'choice',
      text: { en: 'How did you hear about us?', fr: 'Comment nous avez-vous connus ?', ar: 'كيف سمعت عنا؟' },
      options: [
        { id: 'search', label: { en: 'Search engine', fr: 'Moteur de recherche', ar: 'محرك بحث' } },
        { id: 'friend', label: { en: 'A friend', fr: 'Un ami', ar: 'صديق' } },
        { id: 'social', label: { en: 'Social media', fr: 'Réseaux sociaux', ar: 'وسائل التواصل الاجتماعي' } },
      ],
      other: true,
    },
    {
      id: 'features',
      type: 'choice',
      multiple: true,
      max: 2,
      text: { en: 'Which two things matter most to you?', fr: 'Quelles sont les deux choses les plus importantes pour vous ?', ar: 'ما أهم أمرين بالنسبة إليك؟' },
      options: [
        { id: 'price', label: { en: 'Price', fr: 'Le prix', ar: 'السعر' } },
        { id: 'quality', label: { en: 'Quality', fr: 'La qualité', ar: 'الجودة' } },
        { id: 'speed', label: { en: 'Delivery speed', fr: 'La rapidité de livraison', ar: 'سرعة التوصيل' } },
        { id: 'returns', label: { en: 'Returns', fr: 'Les retours', ar: 'الإرجاع' } },
      ],
    },
    {
      id: 'mug',
      type: 'choice',
      text: { en: 'Which mug would you pick?', fr: 'Quelle tasse choisiriez-vous ?', ar: 'أي كوب تختار؟' },
      options: [
        { id: 'blue', label: { en: 'Blue', fr: 'Bleue', ar: 'أزرق' }, image: 'pictures/mug-blue.svg', alt: { en: 'A blue mug with a round handle', fr: 'Une tasse bleue à anse ronde', ar: 'كوب أزرق بمقبض دائري' } },
        { id: 'red', label: { en: 'Red', fr: 'Rouge', ar: 'أحمر' }, image: 'pictures/mug-red.svg', alt: { en: 'A red mug with a round handle', fr: 'Une tasse rouge à anse ronde', ar: 'كوب أحمر بمقبض دائري' } },
        { id: 'green', label: { en: 'Green', fr: 'Verte', ar: 'أخضر' }, image: 'pictures/mug-green.svg', alt: { en: 'A green mug with a round handle', fr: 'Une tasse verte à anse ronde', ar: 'كوب أخضر بمقبض دائري' } },
      ],
    },
    {
      id: 'visit',
      type: 'matrix',
      text: { en: 'How much do you agree?', fr: 'Êtes-vous d’accord ?', ar: 'إلى أي مدى توافق؟' },
      rows: [
        { id: 'find', label: { en: 'Finding a mug was easy', fr: 'Trouver une tasse était facile', ar: 'كان العثور على كوب سهلًا' } },
        { id: 'pay', label: { en: 'Paying was quick', fr: 'Le paiement était rapide', ar: 'كان الدفع سريعًا' } },
        { id: 'price', label: { en: 'Prices are fair', fr: 'Les prix sont justes', ar: 'الأسعار عادلة' } },
      ],
      columns: [
        { value: 1, label: { en: 'Disagree', fr: 'Pas d’accord', ar: 'لا أوافق' } },
        { value: 2, label: { en: 'Neutral', fr: 'Neutre', ar: 'محايد' } },
        { value: 3, label: { en: 'Agree', fr: 'D’accord', ar: 'أوافق' } },
      ],
    },
    {
      id: 'priorities',
      type: 'ranking',
      text: { en: 'Put these in order of importance', fr: 'Classez par ordre d’importance', ar: 'رتّب هذه حسب الأهمية' },
      options: [
        { id: 'price', label: { en: 'Price', fr: 'Le prix', ar: 'السعر' } },
        { id: 'quality', label: { en: 'Quality', fr: 'La qualité', ar: 'الجودة' } },
        { id: 'speed', label: { en: 'Delivery speed', fr: 'La rapidité de livraison', ar: 'سرعة التوصيل' } },
      ],
    },
    {
      id: 'budget',
      type: 'slider',
      text: { en: 'How much do you spend on mugs a year, in euros?', fr: 'Combien dépensez-vous en tasses par an, en euros ?', ar: 'كم تنفق على الأكواب سنويًا باليورو؟' },
      min: 0,
      max: 200,
      step: 10,
      labels: { min: { en: 'Nothing', fr: 'Rien', ar: 'لا شيء' }, max: { en: '200 or more', fr: '200 ou plus', ar: '200 أو أكثر' } },
    },
    { id: 'email', type: 'text', format: 'email', optional: true, text: { en: 'Your email, if you would like an answer', fr: 'Votre e-mail, si vous souhaitez une réponse', ar: 'بريدك الإلكتروني إن أردت ردًا' } },
    {
      id: 'tour',
      type: 'cta',
      text: { en: 'See the new collection?', fr: 'Voir la nouvelle collection ?', ar: 'هل تود رؤية التشكيلة الجديدة؟' },
      body: { en: 'Twelve mugs, each thrown by hand.', fr: 'Douze tasses, chacune tournée à la main.', ar: 'اثنا عشر كوبًا، كل منها مصنوع يدويًا.' },
      button: { label: { en: 'Show me the mugs', fr: 'Voir les tasses', ar: 'أرني الأكواب' }, url: '/shop/' },
    },
    { id: 'comment', type: 'text', optional: true, text: { en: 'Anything else you would like to tell us?', fr: 'Autre chose à nous dire ?', ar: 'هل تود إخبارنا بشيء آخر؟' } },
  ];
  var thanks = {
    text: { en: 'Thank you — this helps us improve.', fr: 'Merci, cela nous aide à nous améliorer.', ar: 'شكرًا لك، هذا يساعدنا على التحسّن.' },
    link: { label: { en: 'See what we changed', fr: 'Voir ce qui a changé', ar: 'اطّلع على ما غيّرناه' }, url: 'https://example.com/changelog' },
  };

  function survey(id, fields) {
    return Object.assign({ id: id, questions: questions, thanks: thanks }, fields);
  }

  var params = new URLSearchParams(location.search);
  var toggle = document.querySelector('[data-theme-toggle]');

  // The page's own dark look is its own CSS; the widget's comes from `colorScheme`.
  function start(scheme) {
    document.documentElement.classList.toggle('dark', scheme === 'dark');
    toggle.setAttribute('aria-pressed', String(scheme === 'dark'));
    earshot.init({
      endpoint: '/api/earshot',
      // ?debug logs decisions and shows the debug panel, which would cover part of the showcase.
      debug: params.has('debug'),
      locale: params.get('lang') || 'en',
      colorScheme: scheme,
      surveys: [
        survey('every-type-popover', { display: 'popover' }),
        survey('every-type-modal', { display: 'modal' }),
        survey('every-type-inline', { display: 'inline', target: '#inline-slot' }),
        survey('every-type-tab', { display: 'tab' }),
      ],
    });
  }
  start(params.get('theme') || 'light');
  toggle.addEventListener('click', function () {
    start(document.documentElement.classList.contains('dark') ? 'light' : 'dark');
  });

  document.addEventListener('click', function (event) {
    var opener = event.target instanceof Element ? event.target.closest('[data-open]') : null;
    if (opener) earshot.show(opener.getAttribute('data-open'));
  });
  if (params.get('open')) earshot.show(params.get('open'));
})();
