import { LitElement, html, nothing } from 'lit';
import { QUESTION_TYPES } from '../core/definition/question-kinds.js';
import type { Question, QuestionType, Survey, SurveyDefinition } from '../core/types.js';
import { builderStyles } from './builder-app.styles.js';
import { EDIT_EVENT, type EditEvent } from './editors/editor-element.js';
import { EXPORTED_EVENT, IMPORT_EVENT } from './editors/json-panel.js';
import { OTHERS_EVENT, type OtherSurveys } from './editors/competitors.js';
import { PAGE_ADDRESS_EVENT } from './editors/page-tester.js';
import { setIn } from './model/paths.js';
import { previewedSurvey } from './model/previewed-survey.js';
import { checkDraft, problemsAt, type DraftReport } from './model/problems.js';
import { MOVE_EVENT, REMOVE_EVENT, type QuestionEditorElement } from './editors/question-editor.js';
import { BUILDER_KINDS } from './question-kinds.js';
import { moveQuestion, newQuestion, renameReferences } from './model/questions.js';
import { browserStorage, clearDraft, loadDraft, saveDraft } from './model/draft.js';
import { readableDate } from './model/dates.js';
import { percentProblem } from './model/sampling.js';
import { afterRender } from './form/after-render.js';
import { findField } from './form/find-field.js';

/** What a new survey starts as: valid, so the preview shows something at once. */
export const STARTING_SURVEY: SurveyDefinition = {
  id: 'new-survey',
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' }],
};

/** What the draft bar says: a draft restored from an earlier visit, the draft kept as you type, or kept no longer (exported). */
type Keeping = { restoredFrom: string } | 'kept' | 'exported' | 'unavailable' | undefined;

/**
 * The survey builder: a form for every part of a definition, checked as you type by the same
 * validator as `init` (each problem next to its field), the real widget previewing it (at once,
 * or simulating its trigger), a page tester, the site's other surveys it competes with, the JSON
 * to copy, download or load, and Publish. The survey in progress is kept in the browser
 * (`localStorage`) until it is exported or published.
 */
export class BuilderAppElement extends LitElement {
  static override styles = builderStyles;
  static override properties = {
    definition: { state: true },
    pageAddress: { state: true },
    others: { state: true },
    keeping: { state: true },
    confirmingStartOver: { state: true },
  };

  protected definition: SurveyDefinition = STARTING_SURVEY;
  /** The page tester's address, also the simulated page and the live page of preview links. */
  protected pageAddress = '';
  /** The site's other surveys, loaded to compare. */
  protected others: OtherSurveys | undefined;
  protected keeping: Keeping;
  protected confirmingStartOver = false;
  #report: DraftReport = { problems: [], warnings: [] };
  /** The preview of the last definition without problems. */
  #preview: { survey: Survey; locale: string } | undefined;
  readonly #storage = browserStorage('localStorage');

  constructor() {
    super();
    const draft = loadDraft(this.#storage);
    if (draft) {
      this.definition = draft.definition;
      this.pageAddress = draft.pageAddress;
      this.keeping = { restoredFrom: draft.savedAt };
    }
    this.addEventListener(EDIT_EVENT, (event) => this.#edit(event as EditEvent));
    this.addEventListener(MOVE_EVENT, (event) => void this.#move((event as CustomEvent<{ index: number; by: number }>).detail));
    this.addEventListener(REMOVE_EVENT, (event) => void this.#remove((event as CustomEvent<{ index: number }>).detail.index));
    this.addEventListener(IMPORT_EVENT, (event) => this.#change((event as CustomEvent<SurveyDefinition>).detail));
    this.addEventListener(PAGE_ADDRESS_EVENT, (event) => {
      this.pageAddress = (event as CustomEvent<string>).detail;
      this.#keep();
    });
    this.addEventListener(OTHERS_EVENT, (event) => (this.others = (event as CustomEvent<OtherSurveys>).detail));
    this.addEventListener(EXPORTED_EVENT, () => {
      // Exported or published: the file (or the collector) keeps the survey now, not the browser.
      clearDraft(this.#storage);
      this.keeping = 'exported';
    });
  }

  override willUpdate(): void {
    const report = checkDraft(this.definition);
    // The share of visitors is typed as a percentage: its problem is worded so.
    const problems = report.problems.map((problem) => (problem.path === 'sample' ? { ...problem, message: percentProblem(problem.message, this.definition.sample) } : problem));
    this.#report = { ...report, problems };
    if (!problems.length) this.#preview = previewedSurvey(this.definition);
  }

  get #questions(): Question[] {
    return Array.isArray(this.definition.questions) ? this.definition.questions : [];
  }

  override render() {
    const { definition } = this;
    const { problems, warnings } = this.#report;
    const questions = this.#questions;
    const listProblems = problemsAt(problems, 'questions');
    return html`<header>
        <h1>Earshot survey builder</h1>
        <p>
          Compose a survey, watch it in the real widget, test it against your pages, then publish it or copy its JSON for your site’s <code>earshot.init</code>, <code>surveysUrl</code> or an
          <code>&lt;earshot-survey&gt;</code> embed.
        </p>
        ${this.#renderKeeping()}
      </header>
      <div class="layout">
        <form class="editor" novalidate aria-labelledby="form-heading" @submit=${(event: Event) => event.preventDefault()}>
          <h2 id="form-heading">Survey definition</h2>
          ${this.#renderSummary()}
          <builder-survey-settings .survey=${definition} .problems=${problems}></builder-survey-settings>
          <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">Questions</h2>
            ${listProblems.length ? html`<p class="error" id="questions-error">${listProblems.join('; ')}</p>` : nothing}
            ${questions.map(
              (question, index) => html`<builder-question-editor
                .question=${question}
                .index=${index}
                .count=${questions.length}
                .earlier=${questions.slice(0, index)}
                .later=${questions.slice(index + 1)}
                .problems=${problems}
              ></builder-question-editor>`,
            )}
            <div class="add">
              <label for="new-type">Type of the new question</label>
              <select id="new-type">
                ${QUESTION_TYPES.map((type) => html`<option value=${type}>${BUILDER_KINDS[type].label}</option>`)}
              </select>
              <button type="button" @click=${this.#add}>Add a question</button>
            </div>
          </section>
          <builder-trigger-editor .trigger=${definition.trigger} .problems=${problems}></builder-trigger-editor>
          <builder-page-tester .trigger=${definition.trigger} .address=${this.pageAddress}></builder-page-tester>
          <builder-audience-editor .audience=${definition.audience} .problems=${problems}></builder-audience-editor>
          <builder-frequency-editor .survey=${definition} .problems=${problems}></builder-frequency-editor>
          <builder-competitors .survey=${definition} .others=${this.others} .pageAddress=${this.pageAddress}></builder-competitors>
          <builder-display-editor .survey=${definition} .problems=${problems}></builder-display-editor>
          <builder-thanks-editor .thanks=${definition.thanks} .problems=${problems}></builder-thanks-editor>
          <builder-theme-editor .survey=${definition} .problems=${problems}></builder-theme-editor>
          ${warnings.length ? html`<p class="hint">Ignored by Earshot: ${warnings.map(({ path }) => path).join(', ')} (unknown keys).</p>` : nothing}
        </form>
        <aside>
          <builder-survey-preview
            .survey=${this.#preview?.survey}
            .locale=${this.#preview?.locale ?? 'en'}
            .display=${definition.display}
            .appearance=${{ theme: this.#preview?.survey.theme, colorScheme: this.#preview?.survey.colorScheme }}
            .problemCount=${problems.length}
            .pageAddress=${this.pageAddress}
          ></builder-survey-preview>
          <builder-json-panel .definition=${definition} .problems=${problems}></builder-json-panel>
          <builder-publish-panel .definition=${definition} .problems=${problems} .pageAddress=${this.pageAddress}></builder-publish-panel>
        </aside>
      </div>`;
  }

  /** Where the survey in progress is kept, and the way to start over. */
  #renderKeeping() {
    const { keeping } = this;
    const said =
      keeping === 'kept'
        ? 'Your draft is kept in this browser until you export or publish it.'
        : keeping === 'exported'
          ? 'Exported: this browser no longer keeps a draft (edits from now on are kept again).'
          : keeping === 'unavailable'
            ? 'This browser keeps no draft (storage is off or full): export your survey before leaving the page.'
            : keeping
              ? `Your draft from ${readableDate(keeping.restoredFrom)} is back, as you left it.`
              : '';
    return html`<div class="keeping">
      <p role="status">${said}</p>
      ${
        this.confirmingStartOver
          ? html`<p id="start-over-question">Discard this survey and start over with a new one?</p>
            <div class="actions" role="group" aria-labelledby="start-over-question">
              <button type="button" @click=${this.#startOver}>Discard it and start over</button>
              <button type="button" @click=${() => this.#cancelStartOver()}>Keep editing</button>
            </div>`
          : html`<div class="actions"><button type="button" @click=${() => this.#askStartOver()}>Start over…</button></div>`
      }
    </div>`;
  }

  async #askStartOver(): Promise<void> {
    this.confirmingStartOver = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.keeping .actions button')?.focus();
  }

  async #cancelStartOver(): Promise<void> {
    this.confirmingStartOver = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.keeping .actions button')?.focus();
  }

  async #startOver(): Promise<void> {
    clearDraft(this.#storage);
    this.definition = STARTING_SURVEY;
    this.pageAddress = '';
    this.others = undefined;
    this.keeping = undefined;
    this.confirmingStartOver = false;
    await this.updateComplete;
    findField(this.renderRoot, 'id')?.focus();
  }

  #renderSummary() {
    const { problems } = this.#report;
    const count = problems.length;
    return html`<div class="summary ${count ? 'has-problems' : ''}">
      <p aria-live="polite" id="problem-count">${count ? `${count} ${count === 1 ? 'problem' : 'problems'} to fix` : 'No problems: ready to use.'}</p>
      ${
        count
          ? html`<ul aria-labelledby="problem-count">
            ${problems.map(({ path, message }) => html`<li><button type="button" class="problem" @click=${() => findField(this.renderRoot, path)?.focus()}>${path || 'survey'}: ${message}</button></li>`)}
          </ul>`
          : nothing
      }
    </div>`;
  }

  /** A new definition; it is kept in the browser at once. */
  #change(definition: SurveyDefinition): void {
    this.definition = definition;
    this.#keep();
  }

  #keep(): void {
    this.keeping = saveDraft(this.#storage, this.definition, this.pageAddress) ? 'kept' : 'unavailable';
  }

  #edit({ detail: { path, value } }: EditEvent): void {
    let definition = setIn(this.definition, path, value);
    // A renamed question keeps the rules and jumps that named it.
    const [part, index, field] = path;
    if (part === 'questions' && field === 'id' && path.length === 3) {
      const before = this.#questions[index as number]?.id;
      definition = { ...definition, questions: renameReferences(definition.questions ?? [], before, value as string) };
    }
    this.#change(definition);
  }

  async #add(): Promise<void> {
    const type = this.renderRoot.querySelector<HTMLSelectElement>('#new-type')!.value as QuestionType;
    const questions = this.#questions;
    this.#change({
      ...this.definition,
      questions: [
        ...questions,
        newQuestion(
          type,
          questions.map((question) => question.id),
        ),
      ],
    });
    await this.#focusQuestion(questions.length, 'text');
  }

  async #move({ index, by }: { index: number; by: number }): Promise<void> {
    const questions = this.#questions;
    const to = index + by;
    if (to < 0 || to >= questions.length) return;
    this.#change({ ...this.definition, questions: moveQuestion(questions, index, to) });
    await this.#focusQuestion(to, by < 0 ? 'up' : 'down');
  }

  async #remove(index: number): Promise<void> {
    const questions = this.#questions;
    this.#change({ ...this.definition, questions: questions.filter((_, other) => other !== index) });
    await this.updateComplete;
    // Focus goes to the question that took its place, or to adding one when none is left.
    if (questions.length > 1) await this.#focusQuestion(Math.min(index, questions.length - 2), 'up');
    else this.renderRoot.querySelector<HTMLElement>('#new-type')?.focus();
  }

  async #focusQuestion(index: number, control: 'up' | 'down' | 'text'): Promise<void> {
    await this.updateComplete;
    const editor = this.renderRoot.querySelectorAll<QuestionEditorElement>('builder-question-editor')[index];
    if (!editor) return;
    await afterRender(editor);
    editor.focusControl(control);
  }
}
