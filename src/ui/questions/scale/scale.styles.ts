import { css } from 'lit';

/** A row of points that stays one row (narrow screens shrink the points; coarse pointers make them taller). */
export const scaleStyles = css`
  .scale {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(24px, 1fr);
    gap: 4px;
  }
  /* Eleven points of 24 px fit a 320 px wide window. */
  @media (max-width: 480px) {
    .scale {
      gap: 2px;
    }
  }
  .box {
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
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
