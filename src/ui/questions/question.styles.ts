import { css } from 'lit';

/** Layout every question kind shares: the question text above its control. */
export const questionStyles = css`
  :host {
    display: block;
  }
  .text {
    display: block;
    margin: 0 0 12px;
    font-size: 1em;
    font-weight: 600;
    line-height: 1.4;
  }
`;
