// Server-rendered SVG charts for the results page. Each chart is an image named by its title and
// described by a sentence stating its data (role="img", aria-labelledby, aria-describedby), so it
// reads without sight and without JavaScript; the page puts a table of the same numbers beside it.
import { html } from './html.mjs';

/** Fill colours; each has at least 3:1 contrast against the white page. */
export const TONES = {
  neutral: '#0f6b5c',
  low: '#c2410c',
  middle: '#8a8f98',
  high: '#15803d',
  line: '#1d4ed8',
};
const INK = '#3d4452';
const GRID = '#d9dde4';
const WIDTH = 560;

function labelled(id, title, description, width, height, body) {
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${title}</title><desc id="${id}-desc">${description}</desc>${body}</svg>`;
}

const round = (n) => Math.round(n * 10) / 10;

/** Shortens a label to fit beside a bar; the full text is in the description and the table. */
function fitLabel(text, maxChars) {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

/**
 * Vertical bars, one per `columns` item (`{ label, value, tone? }`), with the value above each bar.
 * With many columns only some labels are written under the axis, so they never overlap.
 */
export function columnChart({ id, title, description, columns, height = 180 }) {
  const top = 18;
  const bottom = 24;
  const plotHeight = height - top - bottom;
  const slot = WIDTH / Math.max(columns.length, 1);
  const barWidth = Math.min(slot * 0.7, 48);
  const highest = columns.reduce((max, c) => Math.max(max, c.value), 1);
  const labelEvery = Math.ceil(columns.length / 14);
  const body = columns.map((column, i) => {
    const barHeight = (column.value / highest) * plotHeight;
    const x = i * slot + (slot - barWidth) / 2;
    const centre = round(i * slot + slot / 2);
    const showLabel = i % labelEvery === 0 || i === columns.length - 1;
    return html`<rect x="${round(x)}" y="${round(top + plotHeight - barHeight)}" width="${round(barWidth)}" height="${round(Math.max(barHeight, column.value > 0 ? 1 : 0))}" rx="2" fill="${TONES[column.tone ?? 'neutral']}"/>${
      labelEvery === 1 || column.value > 0
        ? html`<text x="${centre}" y="${round(top + plotHeight - barHeight - 4)}" text-anchor="middle" font-size="11" fill="${INK}">${column.value}</text>`
        : ''
    }${showLabel ? html`<text x="${centre}" y="${height - 6}" text-anchor="middle" font-size="11" fill="${INK}">${column.label}</text>` : ''}`;
  });
  const axis = html`<line x1="0" x2="${WIDTH}" y1="${top + plotHeight + 0.5}" y2="${top + plotHeight + 0.5}" stroke="${GRID}"/>`;
  return labelled(id, title, description, WIDTH, height, [axis, body]);
}

/**
 * Horizontal bars (`{ label, value, valueText }`) on a scale from `domain[0]` to `domain[1]`; a
 * negative domain start draws the bars from a zero line, as NPS needs.
 */
export function barChart({ id, title, description, bars, domain }) {
  const rowHeight = 26;
  const labelWidth = 200;
  const valueWidth = 56;
  const plotWidth = WIDTH - labelWidth - valueWidth;
  const [min, max] = domain;
  const toX = (value) => labelWidth + ((Math.min(Math.max(value, min), max) - min) / (max - min)) * plotWidth;
  const zeroX = toX(Math.max(min, 0));
  const height = bars.length * rowHeight + 8;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 4;
    const hasValue = bar.value !== null;
    const start = hasValue ? Math.min(zeroX, toX(bar.value)) : zeroX;
    const end = hasValue ? Math.max(zeroX, toX(bar.value)) : zeroX;
    const tone = bar.tone ?? (hasValue && bar.value < 0 ? 'low' : 'neutral');
    return html`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="${INK}">${fitLabel(bar.label, 26)}</text><rect x="${round(start)}" y="${y + 3}" width="${round(Math.max(end - start, hasValue ? 1 : 0))}" height="${rowHeight - 10}" rx="2" fill="${TONES[tone]}"/><text x="${round(hasValue && bar.value < 0 ? zeroX + 4 : end + 4)}" y="${y + 15}" font-size="12" fill="${INK}">${bar.valueText}</text>`;
  });
  const zeroLine = min < 0 ? html`<line x1="${round(zeroX)}" x2="${round(zeroX)}" y1="0" y2="${height}" stroke="${INK}" stroke-width="1"/>` : '';
  return labelled(id, title, description, WIDTH, height, [rows, zeroLine]);
}

/** One bar split into parts (`{ label, count, tone }`, or `fill` for a colour of a sequence) in proportion to their counts. */
export function shareBar({ id, title, description, parts }) {
  const height = 28;
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  let x = 0;
  const body = parts.map((part) => {
    const width = total === 0 ? 0 : (part.count / total) * WIDTH;
    const rect = html`<rect x="${round(x)}" y="0" width="${round(width)}" height="${height}" fill="${part.fill ?? TONES[part.tone]}"/>`;
    x += width;
    return rect;
  });
  return labelled(id, title, description, WIDTH, height, body);
}

/**
 * A line through `points` (`{ label, value }`, value null where a day has no data, which leaves a
 * gap) on a fixed vertical `domain`, with grid lines at `gridValues`.
 */
export function lineChart({ id, title, description, points, domain, gridValues, formatValue }) {
  const height = 180;
  const left = 48;
  const right = 28;
  const top = 16;
  const bottom = 24;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const [min, max] = domain;
  const toY = (value) => top + ((max - value) / (max - min)) * plotHeight;
  const toX = (i) => left + (points.length === 1 ? plotWidth / 2 : (i / (points.length - 1)) * plotWidth);
  const grid = gridValues.map(
    (value) =>
      html`<line x1="${left}" x2="${WIDTH - right}" y1="${round(toY(value))}" y2="${round(toY(value))}" stroke="${GRID}"/><text x="${left - 6}" y="${round(toY(value) + 4)}" text-anchor="end" font-size="11" fill="${INK}">${formatValue(value)}</text>`,
  );
  // Consecutive points with values form one stretch of line; a day without data ends it.
  const stretches = [];
  let current = [];
  points.forEach((point, i) => {
    if (point.value === null) {
      if (current.length) stretches.push(current);
      current = [];
    } else current.push(`${round(toX(i))},${round(toY(point.value))}`);
  });
  if (current.length) stretches.push(current);
  const lines = stretches
    .filter((stretch) => stretch.length > 1)
    .map((stretch) => html`<polyline points="${stretch.join(' ')}" fill="none" stroke="${TONES.line}" stroke-width="2"/>`);
  const labelEvery = Math.ceil(points.length / 8);
  const writeValues = points.filter((p) => p.value !== null).length <= 14;
  const dots = points.map((point, i) => {
    const x = round(toX(i));
    const axisLabel =
      i % labelEvery === 0 || i === points.length - 1 ? html`<text x="${x}" y="${height - 6}" text-anchor="middle" font-size="11" fill="${INK}">${point.label}</text>` : '';
    if (point.value === null) return axisLabel;
    const y = round(toY(point.value));
    return html`<circle cx="${x}" cy="${y}" r="3.5" fill="${TONES.line}"/>${
      writeValues ? html`<text x="${x}" y="${round(y - 7)}" text-anchor="middle" font-size="11" fill="${INK}">${formatValue(point.value)}</text>` : ''
    }${axisLabel}`;
  });
  return labelled(id, title, description, WIDTH, height, [grid, lines, dots]);
}

/** One share (0–100) as a bar, with a marked line where a benchmark lies (PMF's 40%). */
export function benchmarkBar({ id, title, description, percent, benchmark, tone = 'neutral' }) {
  const [top, barHeight, height] = [16, 20, 40];
  const toX = (value) => round((Math.min(Math.max(value, 0), 100) / 100) * WIDTH);
  const line = toX(benchmark);
  return labelled(
    id,
    title,
    description,
    WIDTH,
    height,
    html`<rect x="0" y="${top}" width="${WIDTH}" height="${barHeight}" fill="${GRID}"/><rect x="0" y="${top}" width="${toX(percent ?? 0)}" height="${barHeight}" fill="${TONES[tone]}"/><line x1="${line}" x2="${line}" y1="2" y2="${height}" stroke="${INK}" stroke-width="2" stroke-dasharray="4 2"/><text x="${line + 4}" y="12" font-size="11" fill="${INK}">${benchmark}% benchmark</text>`,
  );
}

/** `count` colours from light to dark, for the points of a scale lowest first (a matrix's columns). */
export function sequentialFills(count) {
  return Array.from({ length: count }, (_, i) => `hsl(168 45% ${Math.round(86 - (count === 1 ? 0 : (i / (count - 1)) * 62))}%)`);
}
