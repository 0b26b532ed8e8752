import { css } from 'lit';

/** One item per line: a drag handle, its rank, its label, and its two buttons at the end. */
export const rankingQuestionStyles = css`
  .items {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 36px;
    padding-inline: 4px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  .item.dragged {
    border-color: var(--_accent);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .handle {
    padding: 4px;
    color: var(--_muted);
    cursor: grab;
    touch-action: none;
    user-select: none;
  }
  .position {
    min-width: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .label {
    flex: 1;
  }
  button {
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    button {
      width: 44px;
      height: 44px;
    }
  }
`;
