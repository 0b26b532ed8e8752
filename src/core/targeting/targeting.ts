import { isRecord } from '../definition/checks.js';
import type { EarshotErrorCode, Survey, SurveyEligibility, UserTraits } from '../types.js';
import type { ResolvedConfig } from '../definition/validate.js';
import { explainSurvey, ruleReasons, sentenceFactsOf, type EligibilityFound } from './eligibility.js';
import { wordsAtHand } from '../words/loader.js';
import type { Page, Signal } from './page.js';
import { watchPage, type PageWatch } from './page-watch.js';
import { checkList, fetchSurveys } from './remote-surveys.js';
import { fired, mayFireOn, partsOf, type Firing } from './triggers.js';
import { openVisitorStore, type VisitorStore } from './visitor.js';
import { settledWithin } from '../settled-within.js';

/** How long a page with a kept list waits for the fresh one before using the kept one. */
export const FRESH_LIST_WAIT_MS = 300;

/** What targeting needs from the running SDK. */
export interface TargetingHost {
  /** The id of the survey on the page now, if any (only one at a time). */
  busy(): string | undefined;
  /** Shows a survey that its journey point, the visitor's state and the rules all let through; `preview`: the simulated one. */
  show(survey: Survey, firing: Firing, preview?: boolean): void;
  /** Brings out a `tab` survey's Feedback tab. */
  offerTab(survey: Survey): void;
  /** These surveys may show on this page: the UI, and the code of their questions, are worth fetching ahead of time. */
  prefetch(surveys: Survey[]): void;
  /** The traits given to `identify` (or the config's `user`). */
  traits(): UserTraits | undefined;
  report(code: EarshotErrorCode, message: string): void;
  /** With `debug: true`, explains each decision on the console. */
  log(message: string): void;
  /** Something that decides which survey may show changed (a journey point, a new page, the visitor's state). */
  changed(): void;
}

/**
 * Decides which survey shows when: watches the journey points on the page, and lets a survey
 * through when its trigger fires, its dates, audience and sample include the visitor, and the
 * frequency rules (shared by all tabs) allow it. Nothing is decided before the visitor's state is
 * loaded; signals meanwhile wait, and are dropped if the visitor has left that page.
 */
export class Targeting {
  /** The config's surveys, then the valid ones from `surveysUrl`. */
  surveys: Survey[];
  /** The definitions from `surveysUrl` that validation refused, as `explain()` tells of them. */
  #refused: SurveyEligibility[] = [];
  /** Why `surveysUrl` could not be loaded this time, if it could not: a failed preview says it. */
  loadProblem: string | undefined;
  /** Resolves once the fetched definitions (if any) arrived or could not be; never rejects. */
  readonly loaded: Promise<void>;
  /**
   * Resolves once the visitor's state is in and the surveys the page uses are known: the list kept
   * from an earlier visit, or else the fetched one (or its failure). What `explain()` waits for.
   */
  readonly known: Promise<void>;
  #knowSurveys!: () => void;
  readonly #config: ResolvedConfig;
  readonly #host: TargetingHost;
  readonly #stopped = new AbortController();
  readonly #visitor: VisitorStore;
  readonly #watch: PageWatch;
  /** Signals waiting for the visitor's state; null once it is loaded. */
  #waiting: [Signal, Page][] | null = [];
  /** The survey previewed in simulate mode: the only one considered, by its trigger and audience alone. */
  #simulated: string | undefined;

  constructor(config: ResolvedConfig, host: TargetingHost) {
    this.#config = config;
    this.#host = host;
    this.surveys = config.surveys;
    const { signal } = this.#stopped;
    this.#visitor = openVisitorStore(signal);
    this.#watch = watchPage((happened, page) => {
      this.#guard(() => this.#consider(happened, page));
      this.#host.changed();
    }, signal);
    this.#watchParts(config.surveys);
    this.known = new Promise((resolve) => (this.#knowSurveys = resolve));
    this.loaded = this.#load()
      .catch((error) => this.#host.report('internal', String(error)))
      .finally(() => this.#knowSurveys());
  }

  stop(): void {
    this.#stopped.abort();
  }

  track(name: string, props: unknown): void {
    this.#watch.track(name, isRecord(props) ? props : {});
  }

  /** Remembers, for every tab, that a survey was completed (or shown without being asked for). */
  record(survey: Survey, kind: 'shown' | 'completed'): void {
    this.#visitor.record({ survey: survey.id, kind, at: Date.now(), ...(survey.cooldown === false && { exempt: true }) });
    this.#host.changed();
  }

  /**
   * Simulate mode (`?earshot_preview=<id>&simulate=1`): from now on only this survey is
   * considered, and it shows as a preview once its trigger fires and its audience lets the
   * visitor in, whatever its sample, dates and frequency rules; nothing is remembered of it.
   */
  simulate(survey: Survey): void {
    this.#simulated = survey.id;
    this.#consider({ page: true }, this.#watch.page);
    this.#host.changed();
  }

  /** For each survey, whether it can show on this page now and every reason it cannot; ask once `loaded` settled. */
  explain(): EligibilityFound[] {
    const facts = {
      simulated: this.#simulated,
      path: this.#watch.page.path,
      page: this.#watch.page,
      visitor: this.#visitor.visitor,
      traits: this.#host.traits(),
      now: Date.now(),
      cooldownDays: this.#config.cooldownDays,
      open: this.#host.busy(),
    };
    const verdicts = this.surveys.map((survey) => {
      const verdict = explainSurvey(survey, facts);
      return { ...verdict, eligible: verdict.reasons.length === 0 };
    });
    return [...verdicts, ...this.#refused];
  }

  async #load(): Promise<void> {
    const url = this.#config.surveysUrl;
    const cacheKey = `surveys ${url}`;
    // Asked at once; used after the cached list, which works before the network answers and offline.
    const fetching = url && fetchSurveys(url).catch((error: Error) => error);
    await this.#visitor.load();
    const cached = url && (await this.#visitor.read<unknown>(cacheKey));
    // The list kept from the last visit may be out of date (a survey published again since): the
    // page's first journey points wait a moment for the fresh one, then take the kept one.
    const early = fetching && Array.isArray(cached) ? await settledWithin(fetching, FRESH_LIST_WAIT_MS) : undefined;
    if (this.#stopped.signal.aborted) return;
    const fresh = early instanceof Error ? undefined : early;
    // Kept as written: the next visit validates the copy again before using any of it.
    if (fresh) void this.#visitor.write(cacheKey, this.#use(fresh.list, fresh.single));
    else if (Array.isArray(cached)) this.#use(cached);
    this.#offerUntriggeredTabs(this.surveys);
    const waiting = this.#waiting ?? [];
    this.#waiting = null;
    for (const [happened, page] of waiting) this.#guard(() => this.#consider(happened, page));
    this.#host.changed();
    if (!fetching || Array.isArray(cached)) this.#knowSurveys();
    if (!fetching || fresh) return;
    const fetched = await fetching;
    if (this.#stopped.signal.aborted) return;
    if (fetched instanceof Error) {
      this.loadProblem = `surveysUrl: ${url} could not be loaded (${fetched.message})`;
      return this.#host.report('network', this.loadProblem);
    }
    const known = new Set(this.surveys.map((survey) => survey.id));
    void this.#visitor.write(cacheKey, this.#use(fetched.list, fetched.single));
    // Surveys new to this page get their chance at the page's journey points so far.
    const added = this.surveys.filter((survey) => !known.has(survey.id));
    this.#offerUntriggeredTabs(added);
    this.#consider({ page: true }, this.#watch.page, added);
    this.#host.changed();
  }

  /** Takes a fetched or cached list (the config's surveys stay first); returns its valid definitions as written. */
  #use(list: unknown[], single = false): Survey[] {
    const { valid, refused } = checkList(list, this.#config.surveys, single);
    for (const { reasons } of refused) this.#host.report('definition', reasons[0].message);
    this.#refused = refused;
    this.surveys = [...this.#config.surveys, ...valid];
    this.#watchParts(this.surveys);
    return valid;
  }

  /** The timers and clicks the surveys' triggers wait for. */
  #watchParts(surveys: Survey[]): void {
    this.#watch.watchDelays(surveys.flatMap((survey) => partsOf(survey.trigger, 'delay')));
    this.#watch.watchSelectors(surveys.flatMap((survey) => partsOf(survey.trigger, 'selector')));
    if (surveys.some((survey) => partsOf(survey.trigger, 'scroll').length)) this.#watch.watchScroll();
  }

  #offerUntriggeredTabs(surveys: Survey[]): void {
    for (const survey of surveys) if (survey.display === 'tab' && !survey.trigger && this.#allows(survey, false)) this.#host.offerTab(survey);
  }

  /** A signal on a page: the surveys it fires that the rules allow; tabs come out, one survey shows. */
  #consider(happened: Signal, page: Page, given = this.surveys): void {
    if (this.#waiting) return void this.#waiting.push([happened, page]);
    const simulated = this.#simulated;
    const surveys = simulated ? given.filter((survey) => survey.id === simulated) : given;
    // A survey waiting for the visitor's state does not follow them to another page.
    if (page !== this.#watch.page) return;
    const likely = 'page' in happened ? surveys.filter((survey) => mayFireOn(survey.trigger, page.path) && !this.#whyNot(survey, true)) : [];
    if (likely.length) this.#host.prefetch(likely);
    const due: [Survey, Firing][] = [];
    for (const survey of surveys) {
      const firing = survey.trigger && fired(survey.trigger, page, happened);
      if (!firing) continue;
      if (survey.display === 'tab') {
        if (this.#allows(survey, false)) this.#host.offerTab(survey);
        // Only a journey point's own signal completes it: an event signal means `track()` showed it.
      } else if (this.#allows(survey, true)) due.push([survey, { ...firing, ...('event' in happened && { event: happened.event }) }]);
    }
    // Highest priority first; the sort is stable, so ties keep the definition order.
    due.sort(([a], [b]) => (b.priority ?? 0) - (a.priority ?? 0));
    due.forEach(([survey, firing], index) => {
      const reason = index ? `"${due[0][0].id}" goes first` : this.#host.busy() && 'another survey is open';
      if (reason) return this.#host.log(`survey "${survey.id}" not shown: ${reason}`);
      this.#host.log(`survey "${survey.id}" shown (trigger ${JSON.stringify(firing.firedBy ?? firing.trigger)})`);
      // A simulated survey is a preview: nothing about it is remembered.
      if (survey.id === simulated) return this.#host.show(survey, firing, true);
      this.record(survey, 'shown');
      this.#host.show(survey, firing);
    });
  }

  /** Whether dates, audience, sample and frequency let a survey through; with `debug`, says why not. */
  #allows(survey: Survey, popping: boolean): boolean {
    const reason = this.#whyNot(survey, popping);
    if (reason) this.#host.log(`survey "${survey.id}" not shown: ${reason}`);
    return !reason;
  }

  /** What keeps a survey from showing now (dates, audience, sample, frequency), or nothing. */
  #whyNot(survey: Survey, popping: boolean): string | undefined {
    const [reason] = ruleReasons(survey, this.#visitor.visitor, this.#host.traits(), Date.now(), this.#config.cooldownDays, popping, survey.id === this.#simulated);
    // Said on the console with `debug`, which loads the sentences at init; the code until they are in.
    return reason && (wordsAtHand()?.reason(reason, sentenceFactsOf(reason)) ?? reason.code);
  }

  /** Work started by the page's events must not throw into the host page. */
  #guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#host.report('internal', String((error as Error)?.message ?? error));
    }
  }
}
