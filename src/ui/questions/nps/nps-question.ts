import type { NpsQuestion } from '../../../core/types.js';
import { ScaleQuestionElement, range, type ScalePoint } from '../scale/scale-question.js';

/**
 * Net Promoter Score, 0–10: radios named exactly "0" to "10" in a radiogroup named by the question.
 * It looks like every scale, so it has no styles of its own.
 *
 * @event earshot-change - The visitor picked a score; `detail.value` is the number, `detail.settled` whether a pointer picked it.
 * @csspart options - The row of scores.
 * @csspart option - What one score shows.
 * @csspart labels - The labels under both ends.
 */
export class NpsQuestionElement extends ScaleQuestionElement<NpsQuestion> {
  protected override points(): ScalePoint[] {
    return range(11, 0).map((score) => [score]);
  }

  protected override ends() {
    const { question, strings } = this;
    return [question.lowLabel ?? strings.npsLow, question.highLabel ?? strings.npsHigh];
  }
}
