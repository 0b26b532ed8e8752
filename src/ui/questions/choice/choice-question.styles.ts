import { css } from 'lit';

/** Options one under another; a checkbox's square tells a multiple choice from a single one. */
export const choiceQuestionStyles = css`
  .options {
    display: grid;
    gap: 6px;
  }
  .box {
    justify-content: start;
    padding: 4px 12px;
  }
  [type='checkbox'] + .box::before {
    content: '';
    display: grid;
    place-items: center;
    width: 1em;
    height: 1em;
    margin-inline-end: 10px;
    border: 1px solid;
    border-radius: 3px;
    font-size: 0.85em;
    line-height: 1;
  }
  [type='checkbox']:checked + .box::before {
    content: '✓';
  }
  .field {
    margin-top: 6px;
  }

  /* Pictures: a grid of cards, the picture above its label. */
  .pictures {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 96px), 1fr));
  }
  .pictures .box {
    flex-direction: column;
    justify-content: start;
    align-items: stretch;
    height: 100%;
    box-sizing: border-box;
    padding: 6px;
    gap: 6px;
    text-align: center;
  }
  .pictures .box > span {
    margin-block: auto;
  }
  .pictures img {
    display: block;
    width: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 3);
    background: var(--_border);
  }
  .pictures [type='checkbox'] + .box::before {
    position: absolute;
    inset-block-start: 10px;
    inset-inline-start: 10px;
    margin: 0;
    background: var(--_surface);
    color: var(--_text);
  }
`;
