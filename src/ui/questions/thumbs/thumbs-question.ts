import { css } from 'lit';
import type { ThumbsQuestion } from '../../../core/types.js';
import { ScaleQuestionElement, type ScalePoint, scaleQuestionStyles } from '../scale/scale-question.js';
import { thumbsQuestionStyles } from './thumbs-question.styles.js';

/**
 * Thumbs up (1) or down (0): two radios named "Thumbs up" and "Thumbs down" in a radiogroup named by the question.
 *
 * @event earshot-change - The visitor picked one; `detail.value` is 1 or 0, `detail.settled` whether a pointer picked it.
 * @csspart options - The two thumbs.
 * @csspart option - What one thumb shows.
 */
export class ThumbsQuestionElement extends ScaleQuestionElement<ThumbsQuestion> {
  // One sheet, not one per part: fewer for the browser to build as a survey first shows.
  static override styles = css`${scaleQuestionStyles}${thumbsQuestionStyles}`;

  protected override points(): ScalePoint[] {
    return [
      [1, this.strings.thumbsUp, '👍'],
      [0, this.strings.thumbsDown, '👎'],
    ];
  }
}
