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
`;
