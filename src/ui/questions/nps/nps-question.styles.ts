import { css } from 'lit';

export const npsQuestionStyles = css`
  .scale {
    display: grid;
    grid-template-columns: repeat(11, minmax(24px, 1fr));
    gap: 4px;
  }
  .option {
    position: relative;
    display: block;
  }
  /* The native radio stays in place (keyboard, screen readers); the box beside it is what shows. */
  input {
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
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  input:hover + .box {
    border-color: var(--_accent);
  }
  input:checked + .box {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  input:focus-visible + .box {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    margin-top: 6px;
    font-size: 0.8em;
    color: var(--_muted);
  }
`;
