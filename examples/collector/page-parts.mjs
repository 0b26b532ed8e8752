// Building blocks shared by the results page and its question views: tiles, titled parts, figures
// with their numbers as a table, and colour legends.
import { countOf, formatPercent } from './format.mjs';
import { html } from './html.mjs';
import { SMALL_SAMPLE } from './template-scores.mjs';

/** The share of `count` in `total`, as shown next to counts: `25%`. */
export const shareOf = (count, total) => formatPercent(total === 0 ? null : (count / total) * 100);

export function tile(label, value, note, mark = '') {
  return html`<li class="tile"><span class="tile-label">${label}</span> <span class="tile-value">${value}</span> <span class="tile-note">${note}</span>${mark}</li>`;
}

/** The mark on a figure from fewer than SMALL_SAMPLE answers: too few to read as a fact or to rank. */
export function smallSampleMark(answers) {
  return answers < SMALL_SAMPLE ? html` <mark class="small-sample">small sample: fewer than ${SMALL_SAMPLE}</mark>` : '';
}

/** `±12 · 8 answers`: a score's margin of error (95 %) and its count, with the small-sample mark. */
export function trustLine(margin, answers, unit = 'answer') {
  return html`<span class="trust">${margin ? html`<span class="margin" title="95% margin of error">${margin}</span> · ` : ''}n = ${countOf(answers, unit)}${smallSampleMark(answers)}</span>`;
}

/** A titled part of a survey's results (trend, questions, comparisons), named by its heading. */
export function part(id, title, content) {
  return html`<section class="part" aria-labelledby="${id}"><h3 id="${id}">${title}</h3>${content}</section>`;
}

export function figure(caption, chart, numbers) {
  return html`<figure><figcaption>${caption}</figcaption>${chart}${numbers}</figure>`;
}

/** The numbers of a chart as a table, folded away under a summary so the page stays short. */
export function numbersTable(caption, head, rows) {
  return html`<details><summary>${caption}: the numbers</summary><div class="scroll"><table><caption class="visually-hidden">${caption}</caption><thead><tr>${head.map(
    (cell, i) => html`<th scope="col" class="${i > 0 ? 'number' : ''}">${cell}</th>`,
  )}</tr></thead><tbody>${rows.map(
    ([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((cell) => html`<td class="number">${cell}</td>`)}</tr>`,
  )}</tbody></table></div></details>`;
}

export function legend(parts, total) {
  return html`<ul class="legend">${parts.map((part) => html`<li><span class="swatch ${part.tone}"></span>${part.label}: ${part.count} (${shareOf(part.count, total)})</li>`)}</ul>`;
}
