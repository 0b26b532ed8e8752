import { css } from 'lit';

export const debugPanelStyles = css`
  /* Placement is !important: host-page rules may match the element itself (see the survey's styles). */
  :host {
    all: initial !important;
    position: fixed !important;
    inset: auto auto 16px 16px !important;
    z-index: 2147483646 !important;
    display: block !important;
    width: min(360px, calc(100vw - 32px)) !important;
  }
  section {
    box-sizing: border-box;
    max-height: min(60vh, 480px);
    display: flex;
    flex-direction: column;
    border: 1px solid #6b7280;
    border-radius: 8px;
    background: #fff;
    color: #111827;
    font: 13px/1.4 system-ui, sans-serif;
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 8px 8px 8px 12px;
    border-bottom: 1px solid #d1d5db;
  }
  h2 {
    margin: 0;
    font-size: 13px;
  }
  .close {
    width: 28px;
    height: 28px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    font-size: 20px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: rgb(0 0 0 / 0.06);
  }
  button:focus-visible,
  .list:focus-visible {
    outline: 2px solid #4338ca;
    outline-offset: -2px;
  }
  .list {
    overflow: auto;
    padding: 4px 12px 8px;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li + li {
    margin-top: 8px;
  }
  p {
    margin: 4px 0;
  }
  .yes {
    color: #166534;
  }
  .no {
    color: #b42318;
  }
  .reasons li {
    margin: 2px 0 0;
    padding-left: 8px;
    border-left: 2px solid #d1d5db;
  }
  code {
    font: 12px ui-monospace, monospace;
    color: #4b5563;
  }
  h3 {
    margin: 6px 0 2px;
    font-size: 13px;
  }
  .problems li {
    margin: 2px 0 0;
    padding-left: 8px;
    border-left: 2px solid #b42318;
  }
`;
