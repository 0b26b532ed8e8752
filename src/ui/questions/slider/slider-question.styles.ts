import { css } from 'lit';

/** The range across the card, its value at the end of the line, its end labels under the range. */
export const sliderQuestionStyles = css`
  .slider {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 12px;
  }
  input {
    width: 100%;
    min-width: 0;
    height: 32px;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* Not moved yet: the thumb is a suggestion, not an answer. */
  input:not(.moved) {
    opacity: 0.6;
  }
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .value {
    min-width: 3ch;
    max-width: 10em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  input:not(.moved) + .value {
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .ends {
    grid-column: 1;
    display: flex;
    justify-content: space-between;
    gap: 8px;
    margin-top: 4px;
    font-size: 0.8em;
    color: var(--_muted);
  }
  @media (pointer: coarse) {
    input {
      height: 44px;
    }
  }
`;
