// A survey's own `theme` and `colorScheme` override the config's for that survey alone
// (docs/architecture.md §2): a dark survey does not turn the site's other surveys dark.
import { describe, expect, it, vi } from 'vitest';
import { init, show, type EarshotConfig } from '../../src/index.js';
import { surveyAppearance } from '../../src/core/definition/appearance.js';
import { usePublicApiPage } from '../support/api-page.js';
import { settle } from '../support/fakes.js';
import { rendered } from '../support/dom.js';

usePublicApiPage();

const question = { id: 'score', type: 'nps', text: 'How likely?' } as const;

async function start(config: Partial<EarshotConfig>): Promise<void> {
  init({ endpoint: '/api/earshot', locale: 'en', ...config });
  await vi.advanceTimersByTimeAsync(0);
  await settle();
}

/** The survey on the page: its scheme and the custom properties its look set. */
async function look(): Promise<{ scheme: string | null; accent: string; radius: string; text: string }> {
  const [element] = document.body.querySelectorAll<HTMLElement>('earshot-survey');
  await rendered(element);
  const property = (name: string) => element.style.getPropertyValue(`--earshot-${name}`);
  return { scheme: element.getAttribute('scheme'), accent: property('accent'), radius: property('radius'), text: property('text') };
}

describe("a survey's own look", () => {
  const config: Partial<EarshotConfig> = {
    theme: { accent: '#112233', radius: 8, text: '#222' },
    colorScheme: 'light',
    surveys: [
      { id: 'dark-one', theme: { accent: '#0f766e' }, colorScheme: 'dark', questions: [question] },
      { id: 'site-look', questions: [question] },
    ],
  };

  it('overrides the config’s theme fields and scheme for that survey, keeping the config’s other fields', async () => {
    await start(config);
    show('dark-one');
    expect(await look()).toEqual({ scheme: 'dark', accent: '#0f766e', radius: '8px', text: '#222' });
  });

  it('leaves the site’s other surveys in the config’s look', async () => {
    await start(config);
    show('site-look');
    expect(await look()).toEqual({ scheme: 'light', accent: '#112233', radius: '8px', text: '#222' });
  });

  it('merges dark colours field by field, and stands alone without a config theme', () => {
    expect(surveyAppearance({ theme: { accent: 'red', dark: { accent: 'pink', text: 'white' } } }, { theme: { dark: { accent: 'teal' } } })).toEqual({
      theme: { accent: 'red', dark: { accent: 'teal', text: 'white' } },
      colorScheme: undefined,
    });
    expect(surveyAppearance({ colorScheme: 'auto' }, { theme: { radius: 2 } })).toEqual({ theme: { radius: 2 }, colorScheme: 'auto' });
  });
});
