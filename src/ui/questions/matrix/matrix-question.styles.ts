import { css } from 'lit';

/**
 * A grid whose columns line up from row to row (each row is a grid of the same tracks). Below
 * 30rem of card (a popover, a modal, a phone) each row stacks: its statement, then its points,
 * each with its label, since the heading row would be too far and too cramped.
 */
export const matrixQuestionStyles = css`
  :host {
    container-type: inline-size;
  }
  .grid {
    display: grid;
    gap: 6px;
  }
  .head,
  .row {
    display: grid;
    grid-template-columns: minmax(0, 3fr) repeat(var(--columns), minmax(0, 1fr));
    align-items: center;
    gap: 4px;
  }
  .row + .row {
    padding-top: 6px;
    border-top: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  /* A point shows as a radio's circle, filled once picked. */
  .box::before {
    content: '';
    width: 14px;
    height: 14px;
    box-sizing: border-box;
    border: 2px solid currentColor;
    border-radius: 50%;
  }
  :checked + .box::before {
    background: currentColor;
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  .head {
    font-size: 0.8em;
    color: var(--_muted);
    text-align: center;
    overflow-wrap: anywhere;
  }
  .statement {
    padding-inline-end: 8px;
  }
  .label {
    display: none;
  }
  @container (max-width: 30rem) {
    .head {
      display: none;
    }
    .row {
      grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
      padding-block: 4px;
    }
    .statement {
      grid-column: 1 / -1;
      padding: 0;
    }
    .box::before {
      display: none;
    }
    .label {
      display: block;
      padding: 4px 2px;
      font-size: 0.75em;
      line-height: 1.2;
      text-align: center;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .box {
      height: 100%;
      min-height: 36px;
    }
  }
`;
