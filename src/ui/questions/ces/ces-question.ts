import type { LocalizedText, CesQuestion } from '../../../core/types.js';
import { LabelledScaleElement } from '../scale/scale-question.js';

/**
 * Customer effort, 1–7: radios named "1 Very difficult" … "7 Very easy" (the labels are
 * replaceable) in a radiogroup named by the question, showing the numbers with the end labels
 * under them. It looks like every scale, so it has no styles of its own.
 *
 * @event earshot-change - The visitor picked a point; `detail.value` is the number, `detail.settled` whether a pointer picked it.
 * @csspart options - The row of points.
 * @csspart option - What one point shows.
 * @csspart labels - The labels under both ends.
 */
export class CesQuestionElement extends LabelledScaleElement<CesQuestion> {
  protected override labels(): LocalizedText[] {
    return this.question.labels ?? this.strings.ces;
  }
}
