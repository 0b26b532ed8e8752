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
    /* Room for eleven NPS points of 24 px in a 320 px wide window. */
    .card {
      padding: 16px;
    }
  }
  /*
   * The theme's defaults for both schemes, resolved once; question elements inside read the --_
   * names. Text and its background differ by at least 4.5:1, borders by 3:1, in both.
   */
  .card {
    color-scheme: light;
    --_accent: var(--earshot-accent, light-dark(#4338ca, var(--earshot-dark-accent, #a5b4fc)));
    --_radius: var(--earshot-radius, 12px);
    --_border: var(--earshot-border, light-dark(#858c99, var(--earshot-dark-border, #6b7280)));
    --_surface: var(--earshot-surface, light-dark(#fff, var(--earshot-dark-surface, #1c1f26)));
    --_on-accent: var(--earshot-on-accent, light-dark(#fff, var(--earshot-dark-on-accent, #111827)));
    --_muted: var(--earshot-muted, light-dark(#4b5563, var(--earshot-dark-muted, #a9b1bf)));
    --_text: var(--earshot-text, light-dark(#111827, var(--earshot-dark-text, #eceff4)));
    position: relative;
    color: var(--_text);
    font-family: var(--earshot-font, system-ui, sans-serif);
    font-size: var(--earshot-font-size, 15px);
    line-height: 1.4;
    box-sizing: border-box;
    padding: 20px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--earshot-shadow, 0 10px 30px rgb(0 0 0 / 0.25));
    animation: earshot-in 160ms ease-out;
  }
  :host([scheme='dark']) .card {
    color-scheme: dark;
  }
  :host([scheme='auto']) .card {
    color-scheme: light dark;
  }
  @supports not (color: light-dark(#000, #fff)) {
    .card {
      --_accent: var(--earshot-accent, #4338ca);
      --_border: var(--earshot-border, #858c99);
      --_surface: var(--earshot-surface, #fff);
      --_on-accent: var(--earshot-on-accent, #fff);
      --_muted: var(--earshot-muted, #4b5563);
      --_text: var(--earshot-text, #111827);
    }
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
  /* Visible and clickable from its first frame: it fades up from half, not from nothing. */
  @keyframes earshot-in {
    from {
      opacity: 0.5;
      transform: translateY(6px);
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
  /* The first line keeps clear of the Close button; a scale below may use the full width. */
  .progress {
    padding-inline-end: 28px;
  }
  .close:hover {
    background: var(--earshot-hover, light-dark(rgb(0 0 0 / 0.06), var(--earshot-dark-hover, rgb(255 255 255 / 0.1))));
  }
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    margin: 10px 0 0;
    color: var(--earshot-error, light-dark(#b42318, var(--earshot-dark-error, #fca5a5)));
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
  .badge {
    display: inline-block;
    margin: 0 0 8px;
    padding: 1px 8px;
    border: 1px dashed currentColor;
    border-radius: 999px;
    color: var(--_accent);
    font-size: 0.75em;
    font-weight: 600;
  }
`;
