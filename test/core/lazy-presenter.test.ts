// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { lazyPresenter } from '../../src/core/lazy-presenter.js';
import type { PresentRequest, Presenter } from '../../src/core/presenter.js';

/** A presenter that records what it was asked to show and close. */
function recordingPresenter(log: string[]): Presenter {
  return {
    survey: ({ survey }) => (log.push(`show ${survey.id}`), { close: () => void log.push(`close ${survey.id}`) }),
    tab: ({ survey }) => (log.push(`tab ${survey.id}`), { close: () => void log.push(`untab ${survey.id}`) }),
    prefetch: (surveys) => void log.push(`prefetch ${surveys.map((survey) => survey.id).join(' ')}`),
  };
}

const request = (id: string, failures: string[] = []): PresentRequest => ({
  survey: { id, questions: [{ id: 'q', type: 'thumbs', text: 'Helpful?' }] },
  locale: 'en',
  requested: true,
  callbacks: { onFailed: (reason: string) => void failures.push(reason) } as unknown as PresentRequest['callbacks'],
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazyPresenter', () => {
  it('loads the UI once, when the first survey is asked for, and then shows it', async () => {
    const log: string[] = [];
    const load = vi.fn(async () => recordingPresenter(log));
    const presenter = lazyPresenter(load);
    expect(load).not.toHaveBeenCalled();
    presenter.survey(request('a'));
    presenter.survey(request('b'));
    expect(log).toEqual([]);
    await settle();
    expect(log).toEqual(['show a', 'show b']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not show a survey closed before the UI arrived', async () => {
    const log: string[] = [];
    const presenter = lazyPresenter(async () => recordingPresenter(log));
    presenter.survey(request('a')).close();
    await settle();
    expect(log).toEqual([]);
  });

  it('reports a UI that cannot be loaded to the survey, and tries again for the next one', async () => {
    const log: string[] = [];
    const failures: string[] = [];
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(recordingPresenter(log));
    const presenter = lazyPresenter(load);
    presenter.survey(request('a', failures));
    await settle();
    expect(failures).toEqual(['the survey UI could not be loaded (offline)']);
    presenter.survey(request('b', failures));
    await settle();
    expect(log).toEqual(['show b']);
  });

  it('prefetches without showing anything, and hands the loaded UI the surveys whose questions it may fetch', async () => {
    const log: string[] = [];
    const load = vi.fn(async () => recordingPresenter(log));
    lazyPresenter(load).prefetch!([request('a').survey, request('b').survey]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['prefetch a b']);
  });

  it('prefetches when the browser is idle, but at once for a survey about to show (its check is on its way too)', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    try {
      const load = vi.fn(() => new Promise<Presenter>(() => {}));
      const presenter = lazyPresenter(load);
      presenter.prefetch!([request('a').survey]);
      expect(load).not.toHaveBeenCalled();
      presenter.prefetch!([request('b').survey], true);
      expect(load).toHaveBeenCalledTimes(1);
      idle.forEach((callback) => callback());
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts what the surveys need besides the UI (their kinds’ files) at the moment it starts the UI, not once it arrived', async () => {
    const log: string[] = [];
    let arrive!: (presenter: Presenter) => void;
    const alongside = (surveys: readonly { id: string }[]) => void log.push(`kinds of ${surveys.map((survey) => survey.id).join(' ')}`);
    const presenter = lazyPresenter(() => new Promise((resolve) => (arrive = resolve)), alongside);
    presenter.survey(request('a'));
    presenter.tab({ survey: request('b').survey, locale: 'en', onOpen() {}, onFailed() {} });
    presenter.prefetch!([request('c').survey]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['kinds of a', 'kinds of b', 'kinds of c']);
    arrive(recordingPresenter(log));
    await settle();
    expect(log.slice(3)).toEqual(['show a', 'tab b', 'prefetch c']);
  });
});
