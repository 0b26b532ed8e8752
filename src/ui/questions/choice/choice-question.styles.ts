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
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 10px;
    border: 1px solid;
    border-radius: 3px;
  }
  :checked + .box::before {
    background: currentColor;
  }
  .field {
    margin-top: 6px;
  }
`;
