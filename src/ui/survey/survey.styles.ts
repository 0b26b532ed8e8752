import { css } from 'lit';

export const surveyStyles = css`
  /*
   * Host-page rules that match <earshot-survey> itself (even a bare "*") beat normal :host rules,
   * so the placement is !important (inside a shadow root that wins over the page's !important too);
   * "all: initial" stops inherited text styles at the host, and the card sets the theme's own.
   */
  :host {
    all: initial !important;
    position: fixed !important;
    inset: auto 16px 16px auto !important;
    z-index: 2147483647 !important;
    display: block !important;
    width: min(380px, calc(100vw - 32px)) !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The theme's defaults, resolved once; question elements inside read the --_ names. */
  .card {
    --_accent: var(--earshot-accent, #4338ca);
    --_radius: var(--earshot-radius, 12px);
    --_border: var(--earshot-border, #c7ccd6);
    --_surface: var(--earshot-surface, #fff);
    --_on-accent: var(--earshot-on-accent, #fff);
    --_muted: var(--earshot-muted, #4b5563);
    position: relative;
    color: var(--earshot-text, #111827);
    font-family: var(--earshot-font, system-ui, sans-serif);
    font-size: var(--earshot-font-size, 15px);
    line-height: 1.4;
    box-sizing: border-box;
    padding: 20px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--earshot-shadow, 0 10px 30px rgb(0 0 0 / 0.18));
    animation: earshot-in 160ms ease-out;
  }
  @keyframes earshot-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .card {
      animation: none;
    }
  }
  .close {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 22px;
    line-height: 1;
    cursor: pointer;
  }
  .question {
    padding-inline-end: 28px;
  }
  .close:hover {
    background: var(--earshot-hover, rgb(0 0 0 / 0.06));
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    margin: 10px 0 0;
    color: var(--earshot-error, #b42318);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 16px;
  }
  .actions button {
    min-height: 36px;
    padding: 0 16px;
    border-radius: calc(var(--_radius) / 2);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .primary {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
  }
  .thanks {
    margin: 0;
    padding-inline-end: 28px;
    font-weight: 600;
  }
`;
