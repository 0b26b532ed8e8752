// Each question kind's element has one style sheet, not one per part it shares with other kinds:
// fewer sheets for the browser to build as a survey first shows (issue #23).
import { expect, it } from 'vitest';
import type { QuestionType } from '../../src/core/types.js';
import { QUESTION_ELEMENTS, defineKinds } from '../../src/ui/questions/registry.js';

it('gives every question kind one style sheet', async () => {
  const kinds = Object.keys(QUESTION_ELEMENTS) as QuestionType[];
  await defineKinds(kinds);
  const sheets = Object.fromEntries(kinds.map((kind) => [kind, (customElements.get(QUESTION_ELEMENTS[kind].tag) as unknown as { elementStyles: unknown[] }).elementStyles.length]));
  expect(sheets).toEqual(Object.fromEntries(kinds.map((kind) => [kind, 1])));
});
