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
    overflow: visible !important;
  }
  :host([position='bottom-left']) {
    inset: auto auto 16px 16px !important;
  }
  :host([position='top-right']) {
    inset: 16px 16px auto auto !important;
  }
  :host([position='top-left']) {
    inset: 16px auto auto 16px !important;
  }
  :host([position='center']) {
    inset: 0 !important;
    margin: auto !important;
    height: fit-content !important;
  }
  /* A modal's dialog sits in the top layer; an inline survey flows in its target. */
  :host([display='modal']),
  :host([display='inline']) {
    position: static !important;
    width: auto !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Narrow screens: a popover becomes a sheet along the bottom edge. */
  @media (max-width: 480px) {
    :host([display='popover']),
    :host([display='tab']) {
      inset: auto 0 0 !important;
      width: 100% !important;
      margin: 0 !important;
    }
    :host([display='popover']) .card,
    :host([display='tab']) .card {
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
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
  /* The card takes focus only as a fallback target; its controls show where focus is. */
  .card:focus {
    outline: none;
  }
  dialog.card {
    width: min(440px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    margin: auto;
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  :host([display='inline']) .card {
    box-shadow: none;
    animation: none;
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
  button:focus-visible,
  a:focus-visible {
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
  .progress {
    margin: 0 0 8px;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .actions button,
  .thanks a {
    min-height: 36px;
    padding: 0 16px;
    border-radius: calc(var(--_radius) / 2);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  @media (pointer: coarse) {
    .actions button,
    .close {
      min-height: 44px;
      min-width: 44px;
    }
  }
  .thanks a {
    display: inline-flex;
    align-items: center;
    margin-top: 12px;
    text-decoration: none;
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
    padding-inline-end: 28px;
    font-weight: 600;
  }
  .thanks p {
    margin: 0;
  }
`;
