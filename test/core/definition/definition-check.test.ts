// What the collector's surveys registry refuses: the SDK's own checks of one definition, with
// unknown keys as problems too; and selectors parsed without a DOM as the browser parses them.
import { describe, expect, it } from 'vitest';
import { problemsWithDefinition } from '../../../src/core/definition/definition-check.js';
import { parsesAsSelector as browserParses } from '../../../src/core/definition/selector-syntax.js';
import { parsesAsSelector as nodeParses } from '../../../src/core/definition/selector-syntax.node.js';

const survey = { id: 'post-checkout-nps', questions: [{ id: 'score', type: 'nps', text: 'How likely?' }] };

describe('problemsWithDefinition', () => {
  it('accepts a valid definition with its quotas, and the $schema an editor reads', () => {
    expect(problemsWithDefinition({ ...survey, maxResponses: 200, closesAt: '2026-12-24T18:00:00Z' })).toEqual([]);
    expect(problemsWithDefinition({ $schema: 'https://unpkg.com/earshot/src/schema/survey.schema.json', ...survey })).toEqual([]);
  });

  it('names every problem with its path, unknown keys included', () => {
    expect(
      problemsWithDefinition({ ...survey, questions: [{ id: 'score', type: 'nps' }], maxResponses: -1, closesAt: 'soon', colour: 'red', trigger: { selector: 'div[' } }),
    ).toEqual([
      'maxResponses: expected a whole number from 1 to 1000000000 (got -1)',
      'closesAt: expected a date such as "2026-12-01" or "2026-12-01T09:00:00Z" (got "soon")',
      'trigger.selector: expected a CSS selector of at most 500 characters (got "div[")',
      // What the survey asks comes after its identity and targeting (validate-whole.ts).
      'questions[0].text: is required',
      'colour: unknown key',
    ]);
  });

  it('refuses what is not one definition', () => {
    expect(problemsWithDefinition([survey])).toEqual(['body: expected one survey definition, an object (got [{"id":"post-checkout-nps","questions":[…)']);
    expect(problemsWithDefinition(null)).toEqual(['body: expected one survey definition, an object (got null)']);
  });
});

describe('selectors without a DOM', () => {
  it.each(['#buy', '.cart > button[type="submit"]', 'main a:not(.skip)', 'ul li:nth-child(2n+1)', '#a, .b'])('accepts %s, as the browser does', (selector) => {
    expect(browserParses(selector)).toBe(true);
    expect(nodeParses(selector)).toBe(true);
  });

  it.each(['div[', 'a!', '> a', 'a >', '#a,,'])('refuses %s, as the browser does', (selector) => {
    expect(browserParses(selector)).toBe(false);
    expect(nodeParses(selector)).toBe(false);
  });
});
