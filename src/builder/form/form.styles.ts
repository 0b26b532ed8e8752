import { css } from 'lit';

/** What every part of the builder's form shares: fields, their errors, groups and buttons. */
export const formStyles = css`
  :host {
    display: block;
    color: #1c1b1f;
    font: 15px/1.45 system-ui, sans-serif;
  }
  fieldset {
    border: 1px solid #c9c5d0;
    border-radius: 8px;
    margin: 0 0 1rem;
    padding: 0.75rem 1rem 1rem;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0;
  }
  .check {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    margin: 0.5rem 0;
  }
  .check > .hint,
  .check > .error {
    flex-basis: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: end;
  }
  .row > .field {
    flex: 1 1 10rem;
  }
  label {
    font-weight: 500;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid #79747e;
    border-radius: 6px;
    background: #fff;
    color: inherit;
    min-height: 2.25rem;
    box-sizing: border-box;
    inline-size: 100%;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  [aria-invalid='true'] {
    border-color: #b3261e;
    border-width: 2px;
  }
  :focus-visible {
    outline: 3px solid #4f46e5;
    outline-offset: 2px;
  }
  .hint {
    margin: 0;
    color: #49454f;
    font-size: 0.875rem;
  }
  .error {
    margin: 0;
    color: #b3261e;
    font-size: 0.875rem;
    font-weight: 500;
  }
  .error::before {
    content: '⚠ ';
  }
  button {
    font: inherit;
    padding: 0.4rem 0.8rem;
    min-height: 2.25rem;
    border: 1px solid #4f46e5;
    border-radius: 6px;
    background: #fff;
    color: #3730a3;
    cursor: pointer;
  }
  button:disabled {
    border-color: #c9c5d0;
    color: #6b6870;
    cursor: default;
  }
  button.primary {
    background: #4f46e5;
    color: #fff;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
  }
`;
