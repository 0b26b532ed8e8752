import { css } from 'lit';

export const thumbsQuestionStyles = css`
  .scale {
    grid-auto-columns: 64px;
    justify-content: start;
  }
  .box {
    font-size: 1.4em;
  }
`;
