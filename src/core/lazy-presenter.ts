import type { PresentedSurvey, Presenter } from './presenter.js';
import type { Survey } from './types.js';

/**
 * A presenter whose code arrives only when a survey is about to show (or is prefetched when the
 * browser is idle, with the question kinds of the surveys that may show), so pages where no
 * survey shows never download the UI. Until it has arrived,
 * what is asked waits; closing before then cancels it. A UI that cannot be loaded is reported
 * through the survey's `onFailed`. `alongside` starts fetching what these surveys will need
 * besides the UI (their question kinds' files) at the same moment as the UI, not once it has arrived.
 */
export function lazyPresenter(load: () => Promise<Presenter>, alongside: (surveys: Survey[]) => void = () => {}): Presenter {
  let loading: Promise<Presenter> | undefined;
  const loaded = () =>
    (loading ??= load().catch((error) => {
      loading = undefined; // A later survey tries again (the network may be back).
      throw error;
    }));

  const later = (present: (presenter: Presenter) => PresentedSurvey, failed: (reason: string, code: 'network') => void): PresentedSurvey => {
    let view: PresentedSurvey | undefined;
    let closed = false;
    loaded().then(
      (presenter) => {
        if (!closed) view = present(presenter);
      },
      (error) => failed(`the survey UI could not be loaded (${(error as Error)?.message ?? error})`, 'network'),
    );
    return {
      close() {
        closed = true;
        view?.close();
      },
    };
  };

  return {
    survey(request) {
      alongside([request.survey]);
      return later((presenter) => presenter.survey(request), request.callbacks.onFailed);
    },
    tab(request) {
      alongside([request.survey]);
      return later((presenter) => presenter.tab(request), request.onFailed);
    },
    // A panel for developers: a UI that cannot load leaves only `explain()`, which still works.
    debugPanel: (request) =>
      later(
        (presenter) => presenter.debugPanel?.(request) ?? { close() {} },
        () => {},
      ),
    prefetch(surveys, now) {
      const fetchNow = () => {
        alongside(surveys);
        loaded().then(
          (presenter) => presenter.prefetch?.(surveys),
          () => {},
        );
      };
      if (now) fetchNow();
      else if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchNow, { timeout: 5000 });
      else setTimeout(fetchNow, 1);
    },
  };
}
