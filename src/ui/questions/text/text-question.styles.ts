import { css } from 'lit';

export const textQuestionStyles = css`
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  .counter {
    margin: 4px 0 0;
    font-size: 0.8em;
    color: var(--_muted);
    text-align: end;
  }
`;
