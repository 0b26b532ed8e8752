import { css } from 'lit';
import { formStyles } from './form/form.styles.js';

export const builderStyles = [
  formStyles,
  css`
    :host {
      max-width: 90rem;
      margin: 0 auto;
      padding: 1rem;
    }
    header h1 {
      margin: 0 0 0.25rem;
      font-size: 1.6rem;
    }
    header p {
      margin: 0 0 1rem;
      color: #49454f;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 1.5rem;
      align-items: start;
    }
    aside {
      position: sticky;
      top: 0;
      max-height: 100vh;
      overflow: auto;
      padding-bottom: 1rem;
    }
    @media (max-width: 60rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      aside {
        position: static;
        max-height: none;
      }
    }
    .summary {
      border: 1px solid #2e7d32;
      border-radius: 8px;
      padding: 0.5rem 1rem;
      margin-bottom: 1rem;
      background: #f1f8f1;
    }
    .summary.has-problems {
      border-color: #b3261e;
      background: #fdf3f2;
    }
    .summary p {
      margin: 0.25rem 0;
      font-weight: 600;
    }
    .summary ul {
      margin: 0.25rem 0;
      padding-inline-start: 1.25rem;
    }
    /* A problem in the summary is a button that goes to its field, worded as the validator words it. */
    button.problem {
      border: none;
      padding: 0.1rem 0;
      min-height: 1.5rem;
      background: none;
      color: #8c1d18;
      text-align: start;
      text-decoration: underline;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 1.5rem;
    }
    .add select {
      inline-size: auto;
    }
    .keeping {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: center;
      margin-bottom: 1rem;
    }
    .keeping p {
      margin: 0;
      color: #49454f;
    }
  `,
];
