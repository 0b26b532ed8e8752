import { END_OF_SURVEY } from '../../core/definition/flow.js';
import type { Question, QuestionType } from '../../core/types.js';
import { BUILDER_KINDS } from '../question-kinds.js';

/** A new question of `type` with the first free id `q1`, `q2`, … */
export function newQuestion(type: QuestionType, taken: readonly string[]): Question {
  let number = 1;
  while (taken.includes(`q${number}`)) number++;
  return { id: `q${number}`, type, text: '', ...BUILDER_KINDS[type].starting } as Question;
}

/** The question as another kind: what every kind has (id, text, optional, rule, jump) is kept, the rest starts afresh. */
export function changeType(question: Question, type: QuestionType): Question {
  const { id, text, optional, if: rule, next } = question;
  return {
    id,
    type,
    text,
    ...(optional !== undefined && { optional }),
    ...(rule && { if: rule }),
    ...(next !== undefined && { next }),
    ...BUILDER_KINDS[type].starting,
  } as Question;
}

/** The list with the question at `from` moved to `to`. */
export function moveQuestion<T>(questions: readonly T[], from: number, to: number): T[] {
  const list = [...questions];
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved);
  return list;
}

/** The questions with rules and jumps that named `from` now naming `to`, so a renamed question keeps its branches. */
export function renameReferences(questions: readonly Question[], from: string, to: string): Question[] {
  if (from === to || from === END_OF_SURVEY) return [...questions];
  return questions.map((question) => {
    let renamed = question;
    if (question.if?.question === from) renamed = { ...renamed, if: { ...question.if, question: to } };
    if (question.next === from) renamed = { ...renamed, next: to };
    return renamed;
  });
}
