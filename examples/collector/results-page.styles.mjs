// Styles of the results page, inlined into it so the page is one self-contained document.
// Written as static markup: interpolated text would be escaped, and entities mean nothing in CSS.
import { html } from './html.mjs';

export const RESULTS_PAGE_STYLE = html`<style>
:root {
  --ink: #1d2330; --muted: #5d6575; --line: #e3e6ec; --paper: #fff; --wash: #f5f6f8;
  --accent: #0f6b5c; --low: #c2410c; --middle: #8a8f98; --high: #15803d;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--wash); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #7cc4b6; outline-offset: 2px; }
code { font-size: 0.9em; background: #eceff3; padding: 0.1em 0.35em; border-radius: 4px; }
.page-header { background: var(--paper); border-bottom: 1px solid var(--line); padding: 1rem 1.5rem; }
.page-header h1 { margin: 0; font-size: 1.4rem; }
.page-header p { margin: 0.25rem 0 0; color: var(--muted); }
.page-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0.5rem 0 0; padding: 0; }
main { max-width: 1120px; margin: 1.5rem auto; padding: 0 1.5rem; }
.survey { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 1.5rem; margin-bottom: 2rem; }
.survey > h2 { margin: 0; font-size: 1.3rem; }
.counts { margin: 0.25rem 0 1rem; color: var(--muted); }
.counts strong { color: var(--ink); }
h3 { font-size: 1.1rem; margin: 2rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--line); }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
.figure-line { margin: 0 0 0.5rem; }
.figure-line strong { font-size: 1.35rem; font-variant-numeric: tabular-nums; }
.hint, .kind, .note { color: var(--muted); margin: 0 0 0.75rem; font-size: 0.92rem; }
.tiles { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.tile { border: 1px solid var(--line); border-radius: 10px; padding: 0.6rem 1rem; min-width: 9rem; }
.tile-label { display: block; font-size: 0.85rem; color: var(--muted); }
.tile-value { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.tile-note { display: block; font-size: 0.85rem; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem 2rem; }
figure { margin: 0 0 0.75rem; }
figcaption { font-weight: 600; font-size: 0.92rem; margin-bottom: 0.25rem; }
svg.chart { display: block; width: 100%; max-width: 560px; height: auto; }
.question { margin: 0 0 1.75rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0.4rem 0 0.75rem; font-size: 0.92rem; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.05em; }
.swatch.low { background: var(--low); } .swatch.middle { background: var(--middle); } .swatch.high { background: var(--high); }
details { margin: 0.25rem 0 0.75rem; font-size: 0.92rem; }
summary { cursor: pointer; color: var(--accent); }
table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 0.35rem 0.75rem 0.35rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
td.number, th.number { text-align: right; }
thead th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
.scroll { overflow-x: auto; }
.answers { list-style: none; padding: 0; margin: 0; max-height: 28rem; overflow-y: auto; }
.answers li { border-left: 3px solid var(--line); padding: 0.25rem 0 0.25rem 0.75rem; margin-bottom: 0.6rem; }
.answers blockquote { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.answers .meta { margin: 0.1rem 0 0; color: var(--muted); font-size: 0.85rem; }
.contrast { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1rem 2rem; }
.contrast section { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; }
.contrast .low h4 { color: var(--low); } .contrast .high h4 { color: var(--high); }
h5 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0.75rem 0 0.25rem; }
.terms { margin: 0; padding-left: 1.4rem; }
.terms .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.scores { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0.75rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.score { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; }
.score .figure-line, .score-sample { margin: 0 0 0.25rem; }
.score-sample { font-size: 0.92rem; }
.small-sample { background: #fdf1d8; color: #7a4a00; border-radius: 4px; padding: 0 0.35em; font-size: 0.85rem; }
.score svg.chart { max-width: 100%; margin: 0.25rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.matrix-row { margin: 0 0 0.6rem; }
.matrix-label { margin: 0 0 0.2rem; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin: 0.75rem 0 0; }
.filters fieldset { border: 1px solid var(--line); border-radius: 8px; padding: 0.4rem 0.75rem 0.6rem; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; }
.filters legend { font-size: 0.85rem; color: var(--muted); padding: 0 0.25rem; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
.filters input, .filters select { font: inherit; font-size: 0.92rem; padding: 0.2rem 0.35rem; max-width: 16rem; }
.filters .actions { margin: 0; flex-basis: 100%; }
.filters button { font: inherit; padding: 0.3rem 1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
.pager p { margin: 0.25rem 0; font-size: 0.92rem; }
.empty { background: var(--paper); border: 1px dashed #c9ced8; border-radius: 12px; padding: 2rem; text-align: center; }
</style>`;
