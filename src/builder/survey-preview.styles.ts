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
  `,
];
