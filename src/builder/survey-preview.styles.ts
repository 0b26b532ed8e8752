import { css } from 'lit';
import { formStyles } from './form/form.styles.js';

export const previewStyles = [
  formStyles,
  css`
    .stage {
      margin: 0.75rem 0;
      padding: 1rem;
      border-radius: 8px;
      background: repeating-linear-gradient(45deg, #f4f3f7, #f4f3f7 10px, #ecebf0 10px, #ecebf0 20px);
      min-height: 8rem;
    }
    .mode,
    .paused {
      margin: 0.25rem 0;
    }
    .paused {
      color: #7a4b00;
      font-weight: 500;
    }
    .start {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .choice {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      font-weight: 400;
    }
    .choice input {
      inline-size: 1.1rem;
      block-size: 1.1rem;
      min-height: 0;
      margin: 0;
    }
    .simulation {
      border: 1px dashed #79747e;
      border-radius: 8px;
      padding: 0.5rem 1rem;
    }
    .simulation p {
      margin: 0.4rem 0;
    }
    .state {
      font-weight: 600;
    }
    .state.shown {
      color: #1b5e20;
    }
    .state.never {
      color: #b3261e;
    }
  `,
];
