// The bench's responses: three surveys in turn (NPS with a text question, CSAT, SUS), five journey
// points, forty pages and a handful of locales. `n` picks everything, so the same n always gives
// the same response. Responses arrive in time order, as they do at a real collector: the `n`-th of
// `total` was given `(total − n) / total` of a year before `now`.
const TEXTS = [
  'Fast delivery and a lovely mug',
  'Slow delivery, the box arrived damaged',
  'Great support, answered within minutes',
  'Checkout was confusing and the coupon failed',
  'Shipping cost too much for a small order',
  'Everything worked, will buy again',
  'The size guide was wrong, had to return it',
  'Friendly staff and quick refund',
];
const TRIGGERS = [{ event: 'checkout_completed' }, { url: '/shop/*' }, { scroll: 60 }, { manual: true }, { delay: 20 }];
const LOCALES = ['en', 'en-GB', 'de', 'fr', 'nl'];
const DAY_MS = 86_400_000;
const SDK = { name: 'earshot', version: '0.1.0' };

const YEAR_MS = 365 * DAY_MS;

export function makeBenchResponse(id, n, now, total = n) {
  const at = new Date(now - Math.round(((total - n) / Math.max(total, 1)) * YEAR_MS)).toISOString();
  const common = {
    id,
    completed: n % 10 !== 0,
    createdAt: at,
    updatedAt: at,
    page: { url: `https://shop.example/p/${n % 40}?ref=${n % 3}`, referrer: '' },
    trigger: TRIGGERS[n % TRIGGERS.length],
    locale: LOCALES[n % LOCALES.length],
    sdk: SDK,
    context: { plan: ['free', 'pro', 'team'][n % 3] },
  };
  switch (n % 3) {
    case 0:
      return {
        ...common,
        surveyId: 'bench-nps',
        template: 'nps',
        answers: { nps: (n * 7) % 11, ...(n % 4 !== 0 && { reason: TEXTS[n % TEXTS.length] }) },
        questions: [
          { id: 'nps', type: 'nps', text: 'How likely are you to recommend us to a friend?' },
          { id: 'reason', type: 'text', text: 'What is the main reason for your score?' },
        ],
      };
    case 1:
      return { ...common, surveyId: 'bench-csat', template: 'csat', answers: { csat: 1 + (n % 5) }, questions: [{ id: 'csat', type: 'csat', text: 'How satisfied are you?' }] };
    default: {
      const ids = Array.from({ length: 10 }, (_, i) => `sus${i + 1}`);
      return {
        ...common,
        surveyId: 'bench-sus',
        template: 'sus',
        answers: Object.fromEntries(ids.map((q, i) => [q, 1 + ((n + i) % 5)])),
        questions: ids.map((q) => ({ id: q, type: 'rating', scale: 5, text: `Statement ${q}` })),
      };
    }
  }
}
