import { css } from 'lit';

export const feedbackTabStyles = css`
  /* Placement is !important for the same reason as the survey's: host-page rules may match the element. */
  :host {
    all: initial !important;
    position: fixed !important;
    inset: 50% 0 auto auto !important;
    z-index: 2147483646 !important;
    display: block !important;
    transform: translateY(-50%) !important;
  }
  button {
    color-scheme: light;
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    min-width: 32px;
    padding: 14px 8px;
    border: 0;
    border-radius: 0 var(--earshot-radius, 8px) var(--earshot-radius, 8px) 0;
    background: var(--earshot-accent, light-dark(#4338ca, var(--earshot-dark-accent, #a5b4fc)));
    color: var(--earshot-on-accent, light-dark(#fff, var(--earshot-dark-on-accent, #111827)));
    font: 600 14px/1 var(--earshot-font, system-ui, sans-serif);
    letter-spacing: 0.02em;
    cursor: pointer;
  }
  :host([scheme='dark']) button {
    color-scheme: dark;
  }
  :host([scheme='auto']) button {
    color-scheme: light dark;
  }
  @supports not (color: light-dark(#000, #fff)) {
    button {
      background: var(--earshot-accent, #4338ca);
      color: var(--earshot-on-accent, #fff);
    }
  }
  button:focus-visible {
    outline: 2px solid var(--earshot-accent, light-dark(#4338ca, var(--earshot-dark-accent, #a5b4fc)));
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    button {
      min-width: 44px;
    }
  }
`;
