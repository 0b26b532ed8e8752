import { droppedValues, mergeContext, own, queryValues } from './context.js';
import { Delivery } from './delivery/delivery.js';
import type { Emitter } from './emitter.js';
import { surveyAppearance } from './definition/appearance.js';
import { createId } from './id.js';
import { asAsked, contentVerdict, loadContentCheck, loadedContentCheck } from './definition/unchecked.js';
import { createOutbox, type Outbox } from './delivery/outbox.js';
import type { PresentedSurvey, PresentRequest, Presenter } from './presenter.js';
import { createResponse, reviseResponse } from './delivery/response.js';
import { Targeting } from './targeting/targeting.js';
import type { EligibilityFound } from './targeting/eligibility.js';
import { words } from './words/loader.js';
import type { Firing } from './targeting/triggers.js';
import type { Answers, Context, DeadLetter, EarshotErrorCode, ImpressionEvent, Survey, SurveyResponse, TrackedEventRecord, User } from './types.js';
import type { ResolvedConfig } from './definition/validate.js';

/** The page URL parameter that previews a survey by id: `?earshot_preview=post-checkout-nps`. */
export const PREVIEW_PARAMETER = 'earshot_preview';
/** With `simulate=1` beside it, the preview waits for the survey's trigger and audience (but not its sample or frequency). */
export const SIMULATE_PARAMETER = 'simulate';

/** What the running Earshot tells the page's API besides events. */
export interface ControllerHost {
  /** What `explain()` says may have changed. */
  changed?(): void;
  /** A preview (or simulation) could not be shown: why, each problem with its path. */
  previewFailed?(problems: string[]): void;
  /** Simulate mode started for this survey. */
  simulating?(surveyId: string): void;
}

/** Answers given in quick succession (a score, then a reason) share one request. */
export const ANSWER_FLUSH_DELAY_MS = 1000;

interface OpenSurvey extends Omit<Firing, 'event'> {
  /** Its texts in `locale`, the one shown. */
  survey: Survey;
  locale: string;
  /** Its texts with recalled values, for the answers so far; none when no text recalls a value. */
  recall?: (answers: Answers) => Survey;
  /** The `track()` call that showed it. */
  event?: TrackedEventRecord;
  /** `context` as it was when it showed, with its hidden fields. */
  context: Context;
  view: PresentedSurvey;
  /** The latest version of this showing's response; none before the first answer. */
  response: SurveyResponse | null;
  /** Shown as a preview: its answers are flagged (or discarded) and its showing changes no frequency state. */
  preview: boolean;
}

/**
 * One running Earshot: matches journey points to surveys, shows them through the presenter, and
 * turns answers into responses that go to the outbox first and to the collector after.
 */
export class Controller {
  readonly #outbox: Outbox;
  readonly #delivery: Delivery;
  #open: OpenSurvey | null = null;
  /** Surveys running in elements the page placed itself (`<earshot-survey src>`), beside any popover. */
  readonly #embedded = new Set<OpenSurvey>();
  /** The "Feedback" tabs on the page, by survey id. */
  readonly #tabs = new Map<string, PresentedSurvey>();
  #targeting: Targeting | undefined;
  #user: User | undefined;
  /** What `init({ context })` and `setContext()` give every later response. */
  #context: Context;
  /** The latest version of each response not yet written, and the write in progress. */
  readonly #unwritten = new Map<string, SurveyResponse>();
  #writing: Promise<void> = Promise.resolve();
  /** Events are written apart, so that no answer waits for one. */
  #writingEvents: Promise<void> = Promise.resolve();
  /** Removes every page listener this controller added. */
  readonly #listening = new AbortController();

  readonly #config: ResolvedConfig;
  readonly #emitter: Emitter;
  readonly #present: Presenter;
  readonly #host: ControllerHost;

  constructor(config: ResolvedConfig, emitter: Emitter, present: Presenter, host: ControllerHost = {}) {
    this.#config = config;
    this.#emitter = emitter;
    this.#present = present;
    this.#host = host;
    this.#user = config.user;
    const [context, dropped] = mergeContext({}, config.context, true);
    this.#context = context;
    // After the page's script: listeners it adds after `init` hear of it too.
    queueMicrotask(() => this.#drop('init({ context })', dropped));
    this.#outbox = createOutbox((error) => this.#report('storage', `IndexedDB unavailable (${error}); answers kept in memory for this page`));
    this.#delivery = new Delivery({ ...config, outbox: this.#outbox, emitter });
  }

  start(): void {
    const { signal } = this.#listening;
    this.#present.prepare?.(signal);
    addEventListener('online', () => void this.#delivery.flush(), { signal });
    // `pagehide`, not `unload`: an unload listener would keep the page out of the back/forward cache.
    addEventListener('pagehide', () => void this.#delivery.flushOnHide(), { signal });
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') void this.#delivery.flushOnHide();
      },
      { signal },
    );
    this.#targeting = new Targeting(this.#config, {
      busy: () => this.#open?.survey.id,
      show: (survey, firing, preview) => this.#showSurvey(survey, firing, undefined, preview),
      offerTab: (survey) => this.#offerTab(survey),
      prefetch: (surveys) => {
        this.#present.prefetch?.(surveys.map(asAsked));
        // What they ask is checked before they show: that check's code too, if it loads on demand.
        // A template's items come with it (templates.ts): their kinds are fetched once it is in.
        const templated = surveys.filter((survey) => survey.template && asAsked(survey) === survey);
        loadContentCheck().then(
          () => templated.length && this.#present.prefetch?.(templated.map(asAsked)),
          () => {},
        );
      },
      traits: () => this.#user?.traits,
      report: (code, message) => this.#report(code, message),
      log: (message) => this.#config.debug && console.info(`earshot: ${message}`),
      changed: () => this.#host.changed?.(),
    });
    // `?earshot_preview=<surveyId>`: a product team checks a survey on the real page, at once or
    // (`&simulate=1`) when its trigger fires.
    const parameters = new URLSearchParams(location.search);
    const previewId = parameters.get(PREVIEW_PARAMETER);
    if (previewId !== null && parameters.get(SIMULATE_PARAMETER) === '1') this.simulate(previewId);
    else if (previewId !== null) this.preview(previewId, `?${PREVIEW_PARAMETER}=`);
    // Whatever an earlier page left in the outbox goes now.
    void this.#delivery.flush();
    if (this.#config.debug) {
      void this.#reportEveryContentProblem();
      // The console says why surveys do not show in sentences, and the panel asks explain() at once.
      words().catch(() => {});
    }
  }

  /** `debug: true`: what every survey asks is checked now, not as each would first show; each problem is reported. */
  async #reportEveryContentProblem(): Promise<void> {
    const reported = new Set<Survey>();
    const check = (surveys: Survey[]) => {
      for (const survey of surveys) {
        if (reported.has(survey)) continue;
        reported.add(survey);
        const { problems, warnings } = contentVerdict(survey)!;
        for (const warning of warnings) console.warn(`earshot: ${warning}`);
        if (problems.length) this.#report('definition', `survey "${survey.id}" will not show: ${problems.join('; ')}`);
      }
    };
    try {
      await loadContentCheck();
    } catch (error) {
      return this.#report('network', `the check of the surveys' questions could not be loaded (${(error as Error)?.message ?? error})`);
    }
    const targeting = this.#targeting;
    if (!targeting || this.#listening.signal.aborted) return;
    check(targeting.surveys);
    // The surveys of `surveysUrl` once they arrived.
    await targeting.loaded.catch(() => {});
    if (!this.#listening.signal.aborted) check(targeting.surveys);
  }

  stop(): void {
    for (const tab of this.#tabs.values()) tab.close();
    this.#tabs.clear();
    this.#open?.view.close();
    this.#open = null;
    for (const opening of this.#embedded) opening.view.close();
    this.#embedded.clear();
    this.#delivery.stop();
    this.#listening.abort();
    this.#targeting?.stop();
  }

  track(name: string, props?: unknown): void {
    if (typeof name !== 'string' || name === '') return this.#report('definition', `track(): expected an event name (got ${String(name)})`);
    this.#targeting?.track(name, props);
  }

  /** Shows a survey at the visitor's request. */
  show(surveyId: string): void {
    this.#withSurvey(surveyId, 'show()', (survey) => this.#replaceWith(survey, false));
  }

  /**
   * Shows a survey (a definition, or the id of a configured one) as a preview, bypassing every
   * targeting rule; nothing about it is remembered for frequency.
   */
  preview(survey: Survey | string, caller = 'preview()'): void {
    if (typeof survey === 'string') return this.#withSurvey(survey, caller, (found) => this.#replaceWith(found, true));
    this.#replaceWith(survey, true);
  }

  /** Simulate mode for the survey of that id: it shows as a preview once its trigger and audience let it (see `Targeting.simulate`). */
  simulate(surveyId: string): void {
    this.#withSurvey(surveyId, `?${PREVIEW_PARAMETER}=…&${SIMULATE_PARAMETER}=1`, (survey) => {
      this.#targeting?.simulate(survey);
      this.#host.simulating?.(survey.id);
    });
  }

  /** For each survey, whether it can show on this page now and every reason it cannot; once the visitor's state and the surveys the page uses are in. */
  async explain(): Promise<EligibilityFound[]> {
    await this.#targeting?.known;
    return this.#targeting?.explain() ?? [];
  }

  /** Runs `use` with the survey of that id; `waited`: after the surveys from `surveysUrl` arrived. */
  #withSurvey(surveyId: string, caller: string, use: (survey: Survey) => void, waited = false): void {
    const targeting = this.#targeting;
    const survey = targeting?.surveys.find((candidate) => candidate.id === surveyId);
    if (survey) return use(survey);
    // It may be one of the surveys still on their way from `surveysUrl`.
    if (targeting && this.#config.surveysUrl && !waited) {
      return void targeting.loaded.then(() => this.#withSurvey(surveyId, caller, use, true)).catch((error) => this.#report('internal', String(error)));
    }
    const missing = `${caller}: no survey with id "${surveyId}"`;
    this.#report('definition', missing);
    // Said on the page too: a product team's preview link must not fail in silence.
    if (caller === 'show()') return;
    const refused = targeting?.explain().find((entry) => entry.surveyId === surveyId);
    const why = refused?.reasons.flatMap((reason) => (reason.code === 'invalid' ? reason.problems : [])) ?? [];
    const loading = targeting?.loadProblem;
    this.#host.previewFailed?.([why.length ? `${caller}: survey "${surveyId}" was refused` : missing, ...why, ...(loading ? [loading] : [])]);
  }

  #replaceWith(survey: Survey, preview: boolean): void {
    // What was answered in a survey already open stays as a partial response.
    this.#open?.view.close();
    this.#open = null;
    this.#showSurvey(survey, { trigger: { manual: true } }, undefined, preview);
  }

  /** Merges values into the `context` of later responses; `null` removes a key. */
  setContext(values: Context): void {
    const [context, dropped] = mergeContext(this.#context, values, true);
    this.#context = context;
    this.#drop('setContext()', dropped);
  }

  identify(userId: string, traits?: User['traits']): void {
    if (typeof userId !== 'string' || userId === '') return this.#report('definition', `identify(): expected a user id string (got ${String(userId)})`);
    this.#user = { id: userId, ...(traits && { traits: structuredClone(traits) }) };
    this.#host.changed?.();
  }

  /** Waits for pending writes, then delivers what is queued; `everything`: this page's events too, even with no answer to go with. */
  async flush(everything = false): Promise<void> {
    await Promise.all([this.#writing, this.#writingEvents]);
    await this.#delivery.flush(everything);
  }

  /** What the collector refused for good; never rejects. */
  deadLetters(): Promise<DeadLetter[]> {
    return this.#outbox.deadLetters().catch(() => []);
  }

  /** Runs a survey in an element the page placed itself (`<earshot-survey src>`); answers record `{ manual: true }`. */
  embed(survey: Survey, present: Presenter['survey']): PresentedSurvey {
    const opening = this.#showSurvey(survey, { trigger: { manual: true } }, present);
    return { close: () => !!opening && this.#embedded.delete(opening) && opening.view.close() };
  }

  #showSurvey(definition: Survey, { event, label = definition.label, ...firing }: Firing, embedIn?: Presenter['survey'], preview = false): OpenSurvey | undefined {
    // Asking more than the outbox can hold would mean dropping answers: ask nothing until it drains.
    if (this.#delivery.queued >= this.#config.outboxLimit) {
      this.#report('storage', `outbox full (outboxLimit ${this.#config.outboxLimit}): survey "${definition.id}" not shown`);
      return undefined;
    }
    const [context, dropped] = mergeContext(this.#context, queryValues(definition.hiddenFields));
    this.#drop(`survey "${definition.id}": hiddenFields`, dropped);
    const [properties, droppedProperties] = mergeContext({}, event?.props);
    this.#drop(`survey "${definition.id}": event properties`, droppedProperties);
    // Its texts are localized once its content passed its check (below).
    const opening: OpenSurvey = {
      survey: definition,
      locale: this.#config.locale,
      ...firing,
      ...(label && { label }),
      ...(event && { event: { name: event.name, properties } }),
      context,
      response: null,
      preview,
      view: { close() {} },
    };
    if (embedIn) this.#embedded.add(opening);
    else this.#open = opening;
    const isCurrent = () => this.#open === opening || this.#embedded.has(opening);
    const done = () => {
      if (this.#open === opening) this.#open = null;
      this.#embedded.delete(opening);
      this.#host.changed?.();
    };
    const checked = () => {
      if (!isCurrent()) return;
      if (!this.#passesContentCheck(definition, preview)) return done();
      // With its template's items in (templates.ts, which came with the check).
      opening.survey = asAsked(definition);
      this.#place(opening, isCurrent, done, embedIn);
    };
    if (contentVerdict(definition)) checked();
    else {
      // The content check is on its way (loaded on demand): the survey waits for it, as for its UI,
      // whose files are fetched meanwhile rather than after.
      this.#present.prefetch?.([definition], true);
      let cancelled = false;
      opening.view = { close: () => void (cancelled = true) };
      loadContentCheck().then(
        () => cancelled || checked(),
        (error) => {
          if (cancelled || !isCurrent()) return;
          done();
          this.#report('network', `survey "${definition.id}": the check of its questions could not be loaded (${(error as Error)?.message ?? error})`);
        },
      );
    }
    this.#host.changed?.();
    return opening;
  }

  /** Whether the check of what the survey asks passed; if not, the survey never shows, and each problem is reported with its path. */
  #passesContentCheck(survey: Survey, preview = false): boolean {
    const { problems } = contentVerdict(survey)!;
    if (!problems.length) return true;
    this.#report('definition', `survey "${survey.id}" is not shown: ${problems.join('; ')}`);
    // A preview never fails in silence: its problems go on the page too.
    if (preview) this.#host.previewFailed?.([`survey "${survey.id}" has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was shown`, ...problems]);
    return false;
  }

  /** Puts a checked survey on the page, its texts in the visitor's language. */
  #place(opening: OpenSurvey, isCurrent: () => boolean, done: () => void, embedIn?: Presenter['survey']): void {
    // Loaded with the check it passed.
    const { localizeSurvey, recaller } = loadedContentCheck()!;
    const { survey, locale } = localizeSurvey(opening.survey, this.#config.locale);
    const { context, trigger, firedBy, label, preview } = opening;
    const user = this.#user;
    const recall = recaller(survey, (path) => (path[0] == 'c' ? own(context, path.slice(8)) : path == 'user.id' ? user?.id : own(user?.traits, path.slice(12))));
    Object.assign(opening, { survey, locale, recall });
    const request: PresentRequest = {
      survey,
      locale,
      ...surveyAppearance(this.#config, survey),
      requested: 'manual' in trigger,
      recall,
      ...(preview && { preview }),
      styleNonce: this.#config.styleNonce,
      callbacks: this.#emitter.guard({
        onShown: () => {
          if (!isCurrent()) return;
          this.#note(opening, 'shown');
          this.#emitter.emit('shown', { surveyId: survey.id, trigger, ...(firedBy && { firedBy }), ...(label && { label }), ...(preview && { preview }) });
        },
        onFailed: (reason, code = 'definition') => {
          if (isCurrent()) done();
          this.#report(code, reason);
        },
        onChange: (answers) => isCurrent() && this.#record(opening, answers, false),
        onAnswered: (questionId, value) => {
          if (opening.response) this.#emitter.emit('answered', { surveyId: survey.id, responseId: opening.response.id, questionId, value });
        },
        onComplete: (answers) => {
          if (!isCurrent()) return;
          if (!preview) this.#targeting?.record(survey, 'completed');
          this.#record(opening, answers, true);
          if (opening.response) this.#emitter.emit('completed', { surveyId: survey.id, responseId: opening.response.id, answers });
          void this.flush();
        },
        onDismiss: (answers) => {
          if (!isCurrent()) return;
          this.#note(opening, 'dismissed');
          this.#emitter.emit('dismissed', { surveyId: survey.id, responseId: opening.response?.id ?? null, answers });
          // Without answers only events wait: they go with the next batch or at page hide, not in a request of their own.
          if (opening.response) void this.flush();
        },
        onClosed: () => {
          if (isCurrent()) done();
        },
      }),
    };
    opening.view = embedIn ? embedIn(request) : this.#present.survey(request);
  }

  /** Puts a `tab` survey's "Feedback" tab on the page (once); the visitor opens the survey from it. */
  #offerTab(survey: Survey): void {
    if (this.#tabs.has(survey.id) || this.#listening.signal.aborted) return;
    if (!contentVerdict(survey)) {
      // Its label is one of its texts: the tab waits for the check of its content, as the survey would.
      this.#tabs.set(survey.id, { close() {} });
      return void loadContentCheck().then(
        () => this.#tabs.delete(survey.id) && this.#offerTab(survey),
        (error) => this.#report('network', `survey "${survey.id}": the check of its questions could not be loaded (${(error as Error)?.message ?? error})`),
      );
    }
    if (!this.#passesContentCheck(survey)) return;
    const tab = this.#present.tab(
      this.#emitter.guard({
        ...loadedContentCheck()!.localizeSurvey(asAsked(survey), this.#config.locale),
        ...surveyAppearance(this.#config, survey),
        styleNonce: this.#config.styleNonce,
        onOpen: () => this.show(survey.id),
        onFailed: (reason, code = 'internal') => this.#report(code, reason),
      }),
    );
    this.#tabs.set(survey.id, tab);
  }

  /** Turns the current answers into a new version of the response and stores it before any sending. */
  #record(opening: OpenSurvey, answers: Answers, completed: boolean): void {
    if (Object.keys(answers).length === 0 && !opening.response) return;
    const isNew = !opening.response;
    // The texts as the visitor read them, recalled values in.
    const survey = opening.recall?.(answers) ?? opening.survey;
    opening.response = opening.response
      ? reviseResponse(opening.response, survey, answers, completed)
      : createResponse({ ...opening, survey, user: this.#user, fullUrls: this.#config.pageUrl == 'full' }, answers, completed);
    // Preview answers under `previews: "discard"` exist for the events only: never stored, never sent.
    if (opening.preview && this.#config.previews === 'discard') return;
    if (isNew) this.#delivery.queued++;
    this.#store(opening.response);
    if (!completed) this.#delivery.flushSoon(ANSWER_FLUSH_DELAY_MS);
  }

  /** Writes responses one at a time, skipping versions superseded while waiting. */
  #store(response: SurveyResponse): void {
    this.#delivery.unconfirmed.set(response.id, response);
    const waiting = this.#unwritten.has(response.id);
    this.#unwritten.set(response.id, response);
    if (waiting) return;
    this.#writing = this.#writing.then(async () => {
      const latest = this.#unwritten.get(response.id);
      this.#unwritten.delete(response.id);
      if (latest) await this.#outbox.put(latest);
    });
  }

  /**
   * Queues a `shown` or `dismissed` event (not for previews, which are never counted): it goes with
   * the next batch of answers, or with this page's last send as it is hidden.
   */
  #note(opening: OpenSurvey, type: ImpressionEvent['type']): void {
    if (opening.preview) return;
    const { survey, trigger, firedBy, label, response } = opening;
    const at = new Date().toISOString();
    const event: ImpressionEvent = {
      id: createId(),
      type,
      surveyId: survey.id,
      at,
      trigger,
      ...(firedBy && { firedBy }),
      ...(label && { label }),
      ...(response && { responseId: response.id }),
    };
    this.#delivery.addEvent(event);
    this.#writingEvents = this.#writingEvents.then(() => this.#outbox.putEvent(event));
  }

  /** Tells of values kept out of a response's `context` or `event`: what a collector could not take. */
  #drop(where: string, dropped: string[]): void {
    if (dropped.length) this.#report('definition', droppedValues(where, dropped));
  }

  #report(code: EarshotErrorCode, message: string): void {
    this.#emitter.emit('error', { code, message });
  }
}
