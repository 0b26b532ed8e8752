// What the gallery survey (examples/gallery/) delivers when a visitor answers it the way the
// question-types and keyboard tests do, by pointer or by keyboard alike.
export const GALLERY_ANSWERS = {
  recommend: 9,
  stars: 4,
  mood: 5,
  satisfaction: 4,
  effort: 6,
  helpful: 1,
  found: { other: 'A podcast' },
  features: ['price', 'speed'],
  mug: 'red',
  visit: { find: 3, pay: 2, price: 1 },
  priorities: ['speed', 'price', 'quality'],
  budget: 120,
  email: 'ada@example.com',
  tour: { clicked: true },
  comment: 'Lovely mugs',
};
