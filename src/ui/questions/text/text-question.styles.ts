import { css } from 'lit';

export const textQuestionStyles = css`
  textarea,
  input {
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    line-height: 1.4;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .counter {
    margin: 4px 0 0;
    font-size: 0.8em;
    color: var(--_muted);
    text-align: end;
  }
`;
