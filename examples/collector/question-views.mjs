// How each question kind is shown on the results page: NPS groups and spread, CSAT and CES
// scores, ratings, thumbs, choice counts and the text answers. One renderer per kind.
import { countOf, formatAverage, formatMarginOf, formatMoment, formatNps, formatPercent } from './format.mjs';
import { html } from './html.mjs';
import { figure, legend, numbersTable, shareOf, smallSampleMark, trustLine } from './page-parts.mjs';
import { QUESTION_KINDS } from './question-kinds.mjs';
import { CES_SCALE_MAX, CSAT_SATISFIED_MIN, CSAT_SCALE_MAX, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from './scoring.mjs';
import { barChart, columnChart, sequentialFills, shareBar } from './svg-charts.mjs';

/** Text formats whose answers are a person's contact details. */
const CONTACT_FORMATS = new Set(['email', 'phone', 'url']);
const formatNumber = (value) => (value === null ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Options drawn per choice question (the SDK allows 30 per question). */
export const MAX_OPTIONS_SHOWN = 30;
/** Distinct "Other" texts listed per choice question, most frequent first. */
export const MAX_OTHER_TEXTS_SHOWN = 50;

function ignoredNote(result, scaleText) {
  return result.ignored > 0 ? html`<p class="note">${countOf(result.ignored, 'answer')} outside ${scaleText} left out.</p>` : '';
}

/** Answers per scale point as a chart and a table; `toneOf` colours the bars by meaning. */
function distribution(id, caption, result, toneOf = () => 'neutral') {
  const columns = result.distribution.map(({ value, count }) => ({ label: String(value), value: count, tone: toneOf(value) }));
  const description = `${caption}, from ${columns[0].label} to ${columns.at(-1).label}: ${columns.map((c) => `${c.label}: ${countOf(c.value, 'answer')}`).join('; ')}.`;
  return figure(
    caption,
    columnChart({ id, title: caption, description, columns }),
    numbersTable(
      caption,
      ['Score', 'Answers', 'Share'],
      result.distribution.map(({ value, count }) => [value, count, shareOf(count, result.answers)]),
    ),
  );
}

/** Identical texts (ignoring case and surrounding space) once each, with how often, most frequent first. */
function sameTextsCounted(texts) {
  const byText = new Map();
  for (const text of texts) {
    const key = text.trim().toLocaleLowerCase();
    const entry = byText.get(key) ?? { text: text.trim(), count: 0 };
    entry.count++;
    byText.set(key, entry);
  }
  return [...byText.values()].sort((a, b) => b.count - a.count);
}

const npsTone = (score) => (score <= NPS_DETRACTOR_MAX ? 'low' : score >= NPS_PROMOTER_MIN ? 'high' : 'middle');
const csatTone = (score) => (score >= CSAT_SATISFIED_MIN ? 'high' : score === CSAT_SATISFIED_MIN - 1 ? 'middle' : 'low');

const RENDER_KIND = {
  nps(question, id) {
    const r = question.result;
    const groups = [
      { label: `Detractors (0–${NPS_DETRACTOR_MAX})`, count: r.detractors, tone: 'low' },
      { label: `Passives (${NPS_DETRACTOR_MAX + 1}–${NPS_PROMOTER_MIN - 1})`, count: r.passives, tone: 'middle' },
      { label: `Promoters (${NPS_PROMOTER_MIN}–10)`, count: r.promoters, tone: 'high' },
    ];
    const groupText = groups.map((g) => `${g.label}: ${g.count} (${shareOf(g.count, r.answers)})`).join('; ');
    return html`<p class="figure-line">NPS <strong>${formatNps(r.score)}</strong>: % promoters − % detractors. ${trustLine(formatMarginOf(r.margin, 0), r.answers)}</p>
      ${shareBar({ id: `${id}-groups`, title: 'Detractors, passives and promoters', description: `${groupText}.`, parts: groups })}
      ${legend(groups, r.answers)}
      ${ignoredNote(r, 'the 0–10 scale')}
      ${distribution(`${id}-distribution`, 'Answers per score', r, npsTone)}`;
  },
  csat(question, id) {
    const r = question.result;
    return html`<p class="figure-line"><strong>${formatPercent(r.percentSatisfied)}</strong> ${formatMarginOf(r.margin, 0, ' pts')} satisfied (${r.satisfied} of ${r.answers} answered ${CSAT_SATISFIED_MIN} or ${CSAT_SCALE_MAX}) · average <strong>${formatAverage(
      r.average,
    )}</strong> ${formatMarginOf(r.averageMargin, 1)} on 1–${CSAT_SCALE_MAX}. ${trustLine('', r.answers)}</p>
      ${ignoredNote(r, `the 1–${CSAT_SCALE_MAX} scale`)}
      ${distribution(`${id}-distribution`, 'Answers per score', r, csatTone)}`;
  },
  ces(question, id) {
    const r = question.result;
    return html`<p class="figure-line">Average <strong>${formatAverage(r.average)}</strong> on 1–${CES_SCALE_MAX}. ${trustLine(formatMarginOf(r.margin, 1), r.answers)}</p>
      ${ignoredNote(r, `the 1–${CES_SCALE_MAX} scale`)}
      ${distribution(`${id}-distribution`, 'Answers per score', r)}`;
  },
  rating(question, id) {
    const r = question.result;
    return html`<p class="figure-line">Average <strong>${formatAverage(r.average)}</strong> on 1–${r.scale}. ${trustLine(formatMarginOf(r.margin, 1), r.answers)}</p>
      ${ignoredNote(r, `the 1–${r.scale} scale`)}
      ${distribution(`${id}-distribution`, 'Answers per rating', r)}`;
  },
  thumbs(question, id) {
    const r = question.result;
    const votes = [
      { label: 'Thumbs up', count: r.up, tone: 'high' },
      { label: 'Thumbs down', count: r.down, tone: 'low' },
    ];
    return html`<p class="figure-line"><strong>${formatPercent(r.percentUp)}</strong> thumbs up. ${trustLine(formatMarginOf(r.margin, 0, ' pts'), r.answers)}</p>
      ${shareBar({ id: `${id}-votes`, title: 'Thumbs up and down', description: `${votes.map((v) => `${v.label}: ${v.count} (${shareOf(v.count, r.answers)})`).join('; ')}.`, parts: votes })}
      ${legend(votes, r.answers)}
      ${ignoredNote(r, 'up (1) and down (0)')}`;
  },
  choice(question, id) {
    const r = question.result;
    // Options come from what was posted: past the most picked ones, the rest are counted, not drawn.
    const shown = r.options.slice(0, MAX_OPTIONS_SHOWN);
    const notShown = (r.optionCount ?? r.options.length) - shown.length;
    const rows = [...shown.map((o) => ({ label: o.option, count: o.count, percent: o.percent })), ...(r.other.count > 0 ? [{ label: 'Other', ...r.other }] : [])];
    const bars = rows.map((row) => ({ label: row.label, value: row.percent, valueText: `${row.count} (${formatPercent(row.percent)})` }));
    const caption = 'Answers per option';
    const picksMoreThanOne = rows.reduce((sum, row) => sum + row.count, 0) > r.answers;
    return html`${
      rows.length === 0
        ? ''
        : figure(
            caption,
            barChart({ id: `${id}-options`, title: caption, description: `${bars.map((b) => `${b.label}: ${b.valueText}`).join('; ')}.`, bars, domain: [0, 100] }),
            numbersTable(
              caption,
              ['Option', 'Answers', 'Share of answers'],
              rows.map((row) => [row.label, row.count, formatPercent(row.percent)]),
            ),
          )
    }
      ${picksMoreThanOne ? html`<p class="note">Some answers picked several options, so the shares add up to more than 100%.</p>` : ''}
      ${notShown > 0 ? html`<p class="note">${countOf(notShown, 'less picked option')} not shown: see the CSV export.</p>` : ''}
      ${ignoredNote(r, 'the options')}
      ${
        r.other.texts.length > 0
          ? html`<h5>Typed into “Other”</h5><ul class="answers">${sameTextsCounted(r.other.texts)
              .slice(0, MAX_OTHER_TEXTS_SHOWN)
              .map(({ text, count }) => html`<li><blockquote>${text}</blockquote>${count > 1 ? html`<p class="meta">${countOf(count, 'answer')}</p>` : ''}</li>`)}</ul>`
          : ''
      }`;
  },
  matrix(question, id) {
    const r = question.result;
    const fills = sequentialFills(r.columns.length);
    const swatches = html`<ul class="legend">${r.columns.map((column, i) => html`<li><span class="swatch" style="background: ${fills[i]}"></span>${column.label} (${column.value})</li>`)}</ul>`;
    const bars = r.rows.map((row, i) => {
      const description = `${row.label}: ${row.columns.map((c) => `${c.label} ${c.count} (${shareOf(c.count, row.answers)})`).join('; ')}; average ${formatAverage(row.average)}.`;
      return html`<div class="matrix-row"><p class="matrix-label">${row.label} <span class="note">average ${formatAverage(row.average)} ${formatMarginOf(row.margin, 1)} · ${countOf(row.answers, 'answer')}${smallSampleMark(row.answers)}</span></p>${shareBar(
        {
          id: `${id}-row-${i + 1}`,
          title: row.label,
          description,
          parts: row.columns.map((c, k) => ({ label: c.label, count: c.count, fill: fills[k] })),
        },
      )}</div>`;
    });
    return html`${swatches}${bars}${numbersTable(
      'Answers per statement',
      ['Statement', ...r.columns.map((c) => `${c.label} (${c.value})`), 'Answers', 'Average'],
      r.rows.map((row) => [
        row.label,
        ...row.columns.map((c) => `${c.count} (${shareOf(c.count, row.answers)})`),
        row.answers,
        `${formatAverage(row.average)} ${formatMarginOf(row.margin, 1)}`.trim(),
      ]),
    )}`;
  },
  ranking(question, id) {
    const r = question.result;
    if (r.answers === 0) return html`<p class="note">No rankings yet.</p>`;
    const caption = 'Average rank (1 is first)';
    const top = Math.max(...r.options.map((o) => o.averageRank), 1);
    return html`<p class="figure-line">Ranked first most often: <strong>${r.options.slice().sort((a, b) => b.first - a.first)[0].label}</strong>. ${trustLine('', r.answers)}</p>${figure(
      caption,
      barChart({
        id: `${id}-ranks`,
        title: caption,
        description: `${r.options.map((o) => `${o.label}: average rank ${formatAverage(o.averageRank)}, first in ${formatPercent(o.firstShare)}`).join('; ')}.`,
        bars: r.options.map((o) => ({
          label: o.label,
          value: ((top + 1 - o.averageRank) / top) * 100,
          valueText: `${formatAverage(o.averageRank)} · first ${formatPercent(o.firstShare)}`,
        })),
        domain: [0, 100],
      }),
      numbersTable(
        caption,
        ['Option', 'Average rank', 'Ranked first', 'Share ranked first'],
        r.options.map((o) => [
          o.label,
          `${formatAverage(o.averageRank)} ${formatMarginOf(o.margin, 1)}`.trim(),
          o.first,
          `${formatPercent(o.firstShare)} ${formatMarginOf(o.firstMargin, 0, ' pts')}`.trim(),
        ]),
      ),
    )}`;
  },
  slider(question, id) {
    const r = question.result;
    if (r.answers === 0) return html`<p class="note">No answers yet.</p>`;
    const label = (bin) => (bin.from === bin.to ? formatNumber(bin.from) : `${formatNumber(bin.from)}–${formatNumber(bin.to)}`);
    const caption = r.binned ? `Answers in ${r.bins.length} equal ranges from ${formatNumber(r.min)} to ${formatNumber(r.max)}` : 'Answers per value';
    return html`<p class="figure-line">Median <strong>${formatNumber(r.median)}</strong> · average ${formatNumber(r.average)} ${formatMarginOf(r.margin, 1)} on ${formatNumber(r.min)}–${formatNumber(r.max)}. ${trustLine('', r.answers)}</p>
      ${figure(
        caption,
        columnChart({
          id: `${id}-histogram`,
          title: caption,
          description: `${r.bins.map((b) => `${label(b)}: ${countOf(b.count, 'answer')}`).join('; ')}.`,
          columns: r.bins.map((b) => ({ label: label(b), value: b.count })),
        }),
        numbersTable(
          caption,
          ['Value', 'Answers', 'Share'],
          r.bins.map((b) => [label(b), b.count, shareOf(b.count, r.answers)]),
        ),
      )}`;
  },
  cta(question) {
    const r = question.result;
    return html`<p class="figure-line">Click-through rate <strong>${formatPercent(r.rate)}</strong> ${formatMarginOf(r.margin, 0, ' pts')}: ${countOf(r.clicks, 'click')} of ${countOf(r.reached, 'response')} that reached it. ${trustLine('', r.reached, 'response')}</p>
      <p class="note">A skipped call to action leaves no trace, so the responses that reached it are the completed ones and the partial ones that clicked.</p>`;
  },
  text(question, id, { zone = 'UTC', link = null } = {}) {
    const r = question.result;
    if (r.answers === 0) return html`<p class="note">No text answers yet.</p>`;
    const pages = Math.max(1, Math.ceil(r.found / r.pageSize));
    const first = r.page * r.pageSize;
    const searchLine = r.search
      ? html`<p class="note search">${countOf(r.found, 'answer')} containing “${r.search}”${link ? html` · <a href="${link({ q: null, comments: null }, `#${id}-heading`)}">show all</a>` : ''}</p>`
      : '';
    const pager =
      pages > 1 && link
        ? html`<nav class="pager" aria-label="Pages of “${question.text || question.id}”"><p>Answers ${first + 1}–${Math.min(first + r.pageSize, r.found)} of ${r.found}, newest first${
            r.page > 0 ? html` · <a href="${link({ comments: r.page === 1 ? null : r.page }, `#${id}-heading`)}" rel="prev">Newer</a>` : ''
          }${r.page + 1 < pages ? html` · <a href="${link({ comments: r.page + 2 }, `#${id}-heading`)}" rel="next">Older</a>` : ''}</p></nav>`
        : '';
    const contact = question.format
      ? html`<p class="note contact">${CONTACT_FORMATS.has(question.format) ? 'Contact details' : `Answers of format ${question.format}`}: listed here and in the CSV, never counted into words.</p>`
      : '';
    return html`${contact}${searchLine}${
      r.items.length === 0
        ? html`<p class="note">No answers here.</p>`
        : html`<ol class="answers">${r.items.map(
            (item) =>
              html`<li><blockquote>${item.text}</blockquote><p class="meta">${[item.keyAnswer, formatMoment(item.at, zone), item.journeyPoint, item.page].filter(Boolean).join(' · ')}</p></li>`,
          )}</ol>`
    }${pager}`;
  },
};

function kindLine(question) {
  const { name } = QUESTION_KINDS[question.kind] ?? { name: question.kind };
  const style = question.style ? ` (${question.style})` : '';
  return `${name}${style} · ${countOf(question.result.answers, 'answer')}`;
}

/** One question's block; `view` carries the time zone and `link(changes, hash)` for links within the view. */
export function renderQuestion(question, id, view = {}) {
  return html`<article class="question" aria-labelledby="${id}-heading"><h4 id="${id}-heading">${question.text || question.id}</h4><p class="kind">${kindLine(question)} · id <code>${question.id}</code></p>${(RENDER_KIND[question.kind] ?? (() => ''))(question, id, view)}</article>`;
}
