import { afterEach, describe, expect, it } from 'vitest';
import type { CtaQuestion } from '../../../src/core/types.js';
import { allByRole, getByRole, queryByRole } from '../../support/dom.js';
import { mountQuestion, pointerClick, unmountQuestions } from './question-fixture.js';

const book: CtaQuestion = {
  id: 'book',
  type: 'cta',
  text: 'Want a demo?',
  body: 'Twenty minutes with our team.',
  button: { label: 'Book a call', url: 'https://example.com/book' },
};

afterEach(unmountQuestions);

describe('<earshot-cta-question>', () => {
  it('shows its title and body, and a link named by its label that opens the page in a new tab, safely', async () => {
    const { root } = await mountQuestion(book);
    expect(root.textContent).toContain('Want a demo?');
    expect(root.textContent).toContain('Twenty minutes with our team.');
    const link = getByRole(root, 'link', 'Book a call');
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://example.com/book', '_blank', 'noopener noreferrer']);
    expect(allByRole(root, 'button')).toEqual([]);
  });

  it('is a button, not a link, when it only goes to the next step', async () => {
    const { root } = await mountQuestion({ ...book, button: { label: 'Continue' } });
    expect(getByRole(root, 'button', 'Continue')).toBeTruthy();
    expect(queryByRole(root, 'link')).toBeNull();
  });

  it('answers { clicked: true } when clicked, and asks the survey to move on', async () => {
    const { root, changes } = await mountQuestion(book);
    // The test page stays where it is: the link's own navigation is not what is tested here.
    getByRole(root, 'link', 'Book a call').addEventListener('click', (event) => event.preventDefault());
    pointerClick(getByRole(root, 'link', 'Book a call'));
    expect(changes).toEqual([{ value: { clicked: true }, settled: false, proceed: true }]);
  });

  it('answers nothing until clicked', async () => {
    const { changes } = await mountQuestion({ ...book, button: { label: 'Continue' } });
    expect(changes).toEqual([]);
  });
});
