import { LitElement, html, nothing } from 'lit';
import type { Appearance } from '../core/presenter.js';
import { QUESTION_TYPES } from '../core/definition/question-kinds.js';
import type { Question, QuestionType, Survey, SurveyDefinition } from '../core/types.js';
import { builderStyles } from './builder-app.styles.js';
import { EDIT_EVENT, type EditEvent } from './editors/editor-element.js';
import { IMPORT_EVENT } from './editors/json-panel.js';
import { setIn } from './model/paths.js';
import { previewedSurvey } from './model/previewed-survey.js';
import { checkDraft, problemsAt, type DraftReport } from './model/problems.js';
import { MOVE_EVENT, REMOVE_EVENT, type QuestionEditorElement } from './editors/question-editor.js';
import { BUILDER_KINDS } from './question-kinds.js';
import { moveQuestion, newQuestion, renameReferences } from './model/questions.js';
import { afterRender } from './form/after-render.js';
import { findField } from './form/find-field.js';

/** What a new survey starts as: valid, so the preview shows something at once. */
export const STARTING_SURVEY: SurveyDefinition = {
  id: 'new-survey',
  questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend us to a friend?' }],
};

/**
 * The survey builder: a form for every part of a definition, checked as you type by the same
 * validator as `init` (each problem next to its field), the real widget previewing it, and the
 * JSON to copy, download or load.
 */
export class BuilderAppElement extends LitElement {
  static override styles = builderStyles;
  static override properties = {
    definition: { state: true },
    appearance: { state: true },
  };

  protected definition: SurveyDefinition = STARTING_SURVEY;
  protected appearance: Appearance = {};
  #report: DraftReport = { problems: [], warnings: [] };
  /** The preview of the last definition without problems. */
  #preview: { survey: Survey; locale: string } | undefined;

  constructor() {
    super();
    this.addEventListener(EDIT_EVENT, (event) => this.#edit(event as EditEvent));
    this.addEventListener(MOVE_EVENT, (event) => void this.#move((event as CustomEvent<{ index: number; by: number }>).detail));
    this.addEventListener(REMOVE_EVENT, (event) => void this.#remove((event as CustomEvent<{ index: number }>).detail.index));
    this.addEventListener(IMPORT_EVENT, (event) => {
      this.definition = (event as CustomEvent<SurveyDefinition>).detail;
    });
  }

  override willUpdate(): void {
    this.#report = checkDraft(this.definition, this.appearance);
    if (!this.#report.problems.length) this.#preview = previewedSurvey(this.definition);
  }

  get #questions(): Question[] {
    return Array.isArray(this.definition.questions) ? this.definition.questions : [];
  }

  override render() {
    const { definition, appearance } = this;
    const { problems, warnings } = this.#report;
    const questions = this.#questions;
    const ids = questions.map((question) => question.id);
    const listProblems = problemsAt(problems, 'questions');
    return html`<header>
        <h1>Earshot survey builder</h1>
        <p>Compose a survey, watch it in the real widget, then copy or download its JSON for your site’s <code>earshot.init</code>, <code>surveysUrl</code> or an <code>&lt;earshot-survey&gt;</code> embed.</p>
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
                .later=${ids.slice(index + 1)}
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
          <builder-audience-editor .audience=${definition.audience} .problems=${problems}></builder-audience-editor>
          <builder-frequency-editor .survey=${definition} .problems=${problems}></builder-frequency-editor>
          <builder-display-editor .survey=${definition} .problems=${problems}></builder-display-editor>
          <builder-thanks-editor .thanks=${definition.thanks} .problems=${problems}></builder-thanks-editor>
          <builder-theme-editor .appearance=${appearance} .problems=${problems}></builder-theme-editor>
          ${warnings.length ? html`<p class="hint">Ignored by Earshot: ${warnings.map(({ path }) => path).join(', ')} (unknown keys).</p>` : nothing}
        </form>
        <aside>
          <builder-survey-preview
            .survey=${this.#preview?.survey}
            .locale=${this.#preview?.locale ?? 'en'}
            .display=${definition.display}
            .appearance=${appearance}
            .problemCount=${problems.length}
          ></builder-survey-preview>
          <builder-json-panel .definition=${definition} .appearance=${appearance} .problems=${problems}></builder-json-panel>
        </aside>
      </div>`;
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

  #edit({ detail: { path, value } }: EditEvent): void {
    if (path[0] === 'theme' || path[0] === 'colorScheme') {
      this.appearance = setIn(this.appearance, path, value);
      return;
    }
    let definition = setIn(this.definition, path, value);
    // A renamed question keeps the rules and jumps that named it.
    const [part, index, field] = path;
    if (part === 'questions' && field === 'id' && path.length === 3) {
      const before = this.#questions[index as number]?.id;
      definition = { ...definition, questions: renameReferences(definition.questions ?? [], before, value as string) };
    }
    this.definition = definition;
  }

  async #add(): Promise<void> {
    const type = this.renderRoot.querySelector<HTMLSelectElement>('#new-type')!.value as QuestionType;
    const questions = this.#questions;
    this.definition = {
      ...this.definition,
      questions: [
        ...questions,
        newQuestion(
          type,
          questions.map((question) => question.id),
        ),
      ],
    };
    await this.#focusQuestion(questions.length, 'text');
  }

  async #move({ index, by }: { index: number; by: number }): Promise<void> {
    const questions = this.#questions;
    const to = index + by;
    if (to < 0 || to >= questions.length) return;
    this.definition = { ...this.definition, questions: moveQuestion(questions, index, to) };
    await this.#focusQuestion(to, by < 0 ? 'up' : 'down');
  }

  async #remove(index: number): Promise<void> {
    const questions = this.#questions;
    this.definition = { ...this.definition, questions: questions.filter((_, other) => other !== index) };
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
