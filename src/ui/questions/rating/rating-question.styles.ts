import { css } from 'lit';

/** Stars fill up to the one picked, or the one under the pointer; faces are larger than numbers. */
export const ratingQuestionStyles = css`
  .stars {
    grid-auto-columns: 2em;
    justify-content: start;
  }
  .stars .box {
    border: 0;
    background: none;
    color: var(--_border);
    -webkit-text-stroke: 1px var(--_muted);
  }
  .stars:is(:hover, :has(:checked)) .box {
    color: var(--_accent);
  }
  .stars:not(:hover) .option:has(:checked) ~ * .box,
  .stars .option:hover ~ * .box {
    color: var(--_border);
  }
  .stars .box,
  .emoji .box {
    font-size: 1.6em;
  }
  /* Colour emoji fonts first: text fonts such as DejaVu carry a few faces in black and white. */
  .emoji .box {
    font-family: 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', sans-serif;
  }
`;
