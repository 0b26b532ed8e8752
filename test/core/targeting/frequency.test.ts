import { describe, expect, it, vi } from 'vitest';
import { Controller } from '../../../src/core/controller.js';
import { Emitter } from '../../../src/core/emitter.js';
import { validateWholeConfig } from '../../../src/core/definition/validate-whole.js';
import { show, track, type EarshotConfig } from '../../../src/index.js';
import { presenter } from '../../../src/ui/present.js';
import { settle } from '../../support/fakes.js';
import { DAY_MS, complete, dismiss, openSurvey, shownIds, start, survey, useTargeting, type Visit } from './support.js';

const visit = useTargeting();

/** A later visit: time passes, the visitor comes back to a new page load, and the journey point happens again. */
async function comeBackAfter(days: number, config: Partial<EarshotConfig>, event = 'go'): Promise<string[]> {
  vi.setSystemTime(Date.now() + days * DAY_MS);
  visit.shown = [];
  await start(visit, config);
  track(event);
  return shownIds(visit);
}

describe('a completed survey', () => {
  const config = { surveys: [survey('nps', { trigger: { event: 'go' } })] };

  it('is not shown again to that visitor: not on this page, not after a reload, not a year later', async () => {
    await start(visit, config);
    track('go');
    await complete();
    track('go');
    expect(shownIds(visit)).toEqual(['nps']);
    expect(await comeBackAfter(0, config)).toEqual([]);
    expect(await comeBackAfter(365, config)).toEqual([]);
  });

  it('with recontactDays, shows again once that many days have passed', async () => {
    const recontact = { surveys: [survey('nps', { recontactDays: 90, trigger: { event: 'go' } })] };
    await start(visit, recontact);
    track('go');
    await complete();
    expect(await comeBackAfter(89, recontact)).toEqual([]);
    expect(await comeBackAfter(1, recontact)).toEqual(['nps']);
  });
});

describe('a survey shown and not completed', () => {
  it('waits 30 days after a dismissal by default', async () => {
    const config = { surveys: [survey('nps', { trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    await dismiss();
    track('go');
    expect(shownIds(visit)).toEqual(['nps']);
    expect(await comeBackAfter(29.9, config)).toEqual([]);
    expect(await comeBackAfter(0.1, config)).toEqual(['nps']);
  });

  it('waits dismissedRecontactDays when given', async () => {
    const config = { surveys: [survey('nps', { dismissedRecontactDays: 7, trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    await dismiss();
    expect(await comeBackAfter(6, config)).toEqual([]);
    expect(await comeBackAfter(1, config)).toEqual(['nps']);
  });

  it('counts as dismissed when the visitor just leaves the page with it open', async () => {
    const config = { surveys: [survey('nps', { trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    expect(openSurvey()).not.toBeNull();
    expect(await comeBackAfter(1, config)).toEqual([]);
  });
});

describe('the global cooldown', () => {
  const surveys = [survey('first', { trigger: { event: 'a' } }), survey('second', { trigger: { event: 'b' } })];

  it('keeps 3 days by default between two surveys the visitor did not ask for', async () => {
    await start(visit, { surveys });
    track('a');
    await complete();
    track('b');
    expect(shownIds(visit)).toEqual(['first']);
    expect(await comeBackAfter(2.9, { surveys }, 'b')).toEqual([]);
    expect(await comeBackAfter(0.1, { surveys }, 'b')).toEqual(['second']);
  });

  it('follows cooldownDays, and 0 turns it off', async () => {
    await start(visit, { surveys, cooldownDays: 1 });
    track('a');
    await complete();
    expect(await comeBackAfter(0.5, { surveys, cooldownDays: 1 }, 'b')).toEqual([]);
    expect(await comeBackAfter(0.5, { surveys, cooldownDays: 1 }, 'b')).toEqual(['second']);

    visit.shown = [];
    await start(visit, { surveys: [survey('third', { trigger: { event: 'c' } }), survey('fourth', { trigger: { event: 'd' } })], cooldownDays: 0 });
    track('c');
    await complete();
    track('d');
    expect(shownIds(visit)).toEqual(['third', 'fourth']);
  });

  it('does not hold back a survey with "cooldown": false, on this page or a later one', async () => {
    const exempt = [survey('first', { trigger: { event: 'a' } }), survey('exempt', { cooldown: false, trigger: { event: 'b' } })];
    await start(visit, { surveys: exempt });
    track('a');
    await complete();
    track('b');
    expect(shownIds(visit)).toEqual(['first', 'exempt']);
  });

  it('is not started by a survey with "cooldown": false', async () => {
    const exemptFirst = [survey('exempt', { cooldown: false, trigger: { event: 'a' } }), survey('second', { trigger: { event: 'b' } })];
    await start(visit, { surveys: exemptFirst });
    track('a');
    await complete();
    track('b');
    expect(shownIds(visit)).toEqual(['exempt', 'second']);
    // The next survey still starts the pause for the exempt one's peers, as usual.
    expect(await comeBackAfter(1, { surveys: [...exemptFirst, survey('third', { trigger: { event: 'c' } })] }, 'c')).toEqual([]);
  });

  it('is not started by a survey the visitor asked for with show()', async () => {
    await start(visit, { surveys: [survey('feedback'), ...surveys] });
    show('feedback');
    await complete();
    track('a');
    expect(shownIds(visit)).toEqual(['feedback', 'first']);
  });
});

describe('priority', () => {
  it('when several surveys are due at once, the highest priority shows, then the first defined', async () => {
    const surveys = [
      survey('low', { priority: -1, trigger: { event: 'go' } }),
      survey('first-default', { trigger: { event: 'go' } }),
      survey('second-default', { trigger: { event: 'go' } }),
      survey('high', { priority: 10, trigger: { event: 'go' } }),
    ];
    await start(visit, { surveys, cooldownDays: 0 });
    track('go');
    await complete();
    track('go');
    await complete();
    track('go');
    await complete();
    track('go');
    expect(shownIds(visit)).toEqual(['high', 'first-default', 'second-default', 'low']);
  });

  it('one survey at a time: a journey point while one is open shows nothing more', async () => {
    await start(visit, { cooldownDays: 0, surveys: [survey('a', { trigger: { event: 'a' } }), survey('b', { trigger: { event: 'b' } })] });
    track('a');
    track('b');
    expect(shownIds(visit)).toEqual(['a']);
    expect(document.querySelectorAll('earshot-survey')).toHaveLength(1);
  });
});

describe('startsAt and endsAt', () => {
  it('shows a survey only within its dates', async () => {
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    const config = {
      cooldownDays: 0,
      surveys: [survey('december', { startsAt: '2026-12-01', endsAt: '2027-01-01T00:00:00Z', dismissedRecontactDays: 0, trigger: { event: 'go' } })],
    };
    await start(visit, config);
    track('go');
    expect(shownIds(visit)).toEqual([]);
    expect(await comeBackAfter(0.5, config)).toEqual(['december']);
    vi.setSystemTime(new Date('2026-12-31T23:59:59Z'));
    expect(await comeBackAfter(0, config)).toEqual(['december']);
    vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
    expect(await comeBackAfter(0, config)).toEqual([]);
  });
});

describe('show(id)', () => {
  it('shows the survey whatever the rules say: completed, cooling down, out of its audience, sample and dates', async () => {
    vi.setSystemTime(new Date('2026-06-01T00:00:00Z'));
    const guarded = survey('guarded', {
      sample: 0,
      audience: { traits: { plan: 'enterprise' } },
      startsAt: '2030-01-01',
      trigger: { event: 'go' },
    });
    await start(visit, { surveys: [survey('other', { trigger: { event: 'other' } }), guarded] });
    track('other');
    await complete();
    track('go');
    expect(shownIds(visit)).toEqual(['other']);
    show('guarded');
    await complete();
    show('guarded');
    expect(shownIds(visit)).toEqual(['other', 'guarded', 'guarded']);
  });

  it('a survey completed through show() does not pop up at its journey point afterwards', async () => {
    await start(visit, { surveys: [survey('nps', { trigger: { event: 'go' } })] });
    show('nps');
    await complete();
    expect(await comeBackAfter(10, { surveys: [survey('nps', { trigger: { event: 'go' } })] })).toEqual([]);
  });
});

describe('shared by the tabs of the site', () => {
  /** A second tab: another running Earshot on the same origin (same IndexedDB, same BroadcastChannel). */
  function openTab(config: Partial<EarshotConfig>): { tab: Controller; shown: string[] } {
    const emitter = new Emitter();
    const shown: string[] = [];
    emitter.on('shown', ({ surveyId }) => shown.push(surveyId));
    const tab = new Controller(validateWholeConfig({ endpoint: '/api/earshot', ...config }).config!, emitter, presenter);
    tab.start();
    return { tab, shown };
  }

  it('a survey shown in one tab does not also pop up in another tab already open', async () => {
    const config = { cooldownDays: 0, surveys: [survey('nps', { trigger: { event: 'go' } })] };
    const other = openTab(config);
    await start(visit, config);
    try {
      track('go');
      await settle();
      other.tab.track('go');
      expect(shownIds(visit)).toEqual(['nps']);
      expect(other.shown).toEqual([]);
    } finally {
      other.tab.stop();
    }
  });

  it('a survey completed in one tab is not shown in a tab opened afterwards', async () => {
    const config = { cooldownDays: 0, surveys: [survey('nps', { dismissedRecontactDays: 0, trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    await complete();
    const later = openTab(config);
    try {
      await settle();
      later.tab.track('go');
      expect(later.shown).toEqual([]);
    } finally {
      later.tab.stop();
    }
  });
});

describe('debug: true', () => {
  it('logs why each survey whose journey point came did or did not show', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await start(visit, {
      debug: true,
      user: { traits: { plan: 'free' } },
      surveys: [
        survey('sampled-out', { sample: 0, trigger: { event: 'go' } }),
        survey('pro-only', { audience: { traits: { plan: 'pro' } }, trigger: { event: 'go' } }),
        survey('later', { startsAt: '2999-01-01', trigger: { event: 'go' } }),
        survey('nps', { trigger: { event: 'go' } }),
        survey('also-due', { trigger: { event: 'go' } }),
      ],
    });
    const shownAt = new Date().toISOString();
    track('go');
    await complete();
    const completedAt = new Date().toISOString();
    track('go');
    const lines = info.mock.calls.map(([line]) => line);
    expect(lines).toEqual([
      'earshot: survey "sampled-out" not shown: the visitor was sampled out (sample 0: 0% of visitors are asked)',
      'earshot: survey "pro-only" not shown: audience rule traits.plan "pro" failed: the visitor\'s value is "free"',
      'earshot: survey "later" not shown: it starts at 2999-01-01',
      'earshot: survey "nps" shown (trigger {"event":"go"})',
      'earshot: survey "also-due" not shown: "nps" goes first',
      'earshot: survey "sampled-out" not shown: the visitor was sampled out (sample 0: 0% of visitors are asked)',
      'earshot: survey "pro-only" not shown: audience rule traits.plan "pro" failed: the visitor\'s value is "free"',
      'earshot: survey "later" not shown: it starts at 2999-01-01',
      `earshot: survey "nps" not shown: completed on ${completedAt}; never shown again (no recontactDays)`,
      `earshot: survey "also-due" not shown: site-wide pause after survey "nps" was shown on ${shownAt}, until ${new Date(Date.parse(shownAt) + 3 * DAY_MS).toISOString()} (cooldownDays)`,
    ]);
  });

  it('logs nothing without debug', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await start(visit, { surveys: [survey('sampled-out', { sample: 0, trigger: { event: 'go' } })] });
    track('go');
    expect(info).not.toHaveBeenCalled();
  });
});

describe('without IndexedDB (some private modes)', () => {
  it('still targets and caps for the page, in memory, without throwing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const config = { surveys: [survey('nps', { trigger: { event: 'go' } })] };
    await start(visit, config);
    track('go');
    await complete();
    track('go');
    expect(shownIds(visit)).toEqual(['nps']);
  });
});

export type { Visit };
