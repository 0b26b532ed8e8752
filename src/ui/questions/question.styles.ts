import { css } from 'lit';

/** Layout every question kind shares: the question text above its control. */
export const questionStyles = css`
  :host {
    display: block;
  }
  .text {
    display: block;
    margin: 0 0 12px;
    /* Clear of the survey's Close button when it is the first line. */
    padding-inline-end: 28px;
    font-weight: 600;
    line-height: 1.4;
  }
`;

/**
 * An option the visitor picks: the native input lies transparent over the face that shows, so
 * pointer clicks land on the input itself (the click a label forwards reports no click count in
 * WebKit, and that count tells a pick from an arrow key) while keyboards and screen readers use it as usual.
 */
export const optionStyles = css`
  .option {
    position: relative;
  }
  .option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .box {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 32px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  :hover + .box {
    border-color: var(--_accent);
  }
  :checked + .box {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  :focus-visible + .box {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    .box {
      min-height: 44px;
    }
  }
  /* Forced colours replace backgrounds: the picked option keeps the system's highlight. */
  @media (forced-colors: active) {
    .option :checked + .box {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
  }
`;

/** A text field (an open answer, or the detail of "Other"). */
export const fieldStyles = css`
  .field {
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .field:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
`;
