import { css } from 'lit';

/** The title, its text, and the button in the accent colour, as the survey's own primary button. */
export const ctaQuestionStyles = css`
  .body {
    margin: 0 0 12px;
    white-space: pre-line;
  }
  .action {
    display: inline-flex;
    align-items: center;
    min-height: 36px;
    padding: 0 16px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .action:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    .action {
      min-height: 44px;
    }
  }
`;
