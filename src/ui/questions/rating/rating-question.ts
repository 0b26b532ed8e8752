import { css } from 'lit';
import { DEFAULT_RATING_SCALE } from '../../../core/definition/question-kinds.js';
import type { RatingQuestion } from '../../../core/types.js';
import { format } from '../../../i18n/strings.js';
import { ScaleQuestionElement, range, type ScalePoint, scaleQuestionStyles } from '../scale/scale-question.js';
import { ratingQuestionStyles } from './rating-question.styles.js';

/** Five faces, saddest first; a scale of 3 takes the first, middle and last. */
const FACES = [...'😞🙁😐🙂😄'];

/**
 * A rating from 1 to `scale` (3, 5, 7 or 10; default 5) as radios in a radiogroup named by the
 * question: numbers (named "1"…), stars (named "1 star", "2 stars"…) or faces (named "1"…, for 3 or 5).
 *
 * @event earshot-change - The visitor picked a point; `detail.value` is the number, `detail.settled` whether a pointer picked it.
 * @csspart options - The row of points.
 * @csspart option - What one point shows: a number, a star or a face.
 * @csspart labels - The labels under both ends.
 */
export class RatingQuestionElement extends ScaleQuestionElement<RatingQuestion> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${scaleQuestionStyles}${ratingQuestionStyles}`;

  protected override get look(): string {
    return this.question.style ?? '';
  }

  protected override points(): ScalePoint[] {
    const { scale = DEFAULT_RATING_SCALE, style } = this.question;
    return range(scale).map((point) =>
      style == 'stars'
        ? [point, format(this.strings, this.strings.stars, { n: point }), '★']
        : [point, undefined, style == 'emoji' ? FACES[((point - 1) * 4) / (scale - 1)] : undefined],
    );
  }

  protected override ends() {
    return [this.question.lowLabel, this.question.highLabel];
  }
}
