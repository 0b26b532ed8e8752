import { css } from 'lit';

export const thumbsQuestionStyles = css`
  .scale {
    grid-auto-columns: 64px;
    justify-content: start;
  }
  .box {
    font-size: 1.4em;
    font-family: 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', sans-serif;
  }
`;
