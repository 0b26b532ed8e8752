// The results page: one server-rendered HTML document, readable without JavaScript. Every chart
// is an SVG image with a title and a description of its data, and the numbers behind it are in a
// table; the comparisons per journey point and per page are tables first.
import { countOf, dayOf, formatDay, formatMoment, formatShortDay } from './format.mjs';
import { html, renderToString } from './html.mjs';
import { figure, numbersTable, part, tile } from './page-parts.mjs';
import { QUESTION_KINDS } from './question-kinds.mjs';
import { renderQuestion } from './question-views.mjs';
import { RESULTS_PAGE_STYLE } from './results-page.styles.mjs';
import { barChart, columnChart, lineChart } from './svg-charts.mjs';
import { renderTemplateScores } from './template-views.mjs';

/** Column labels for the scored questions; a kind asked twice gets the question id added. */
function metricLabels(summary) {
  const scored = summary.scoredQuestionKeys.map((key) => summary.questions.find((q) => q.key === key));
  return scored.map((question) => {
    const { label } = QUESTION_KINDS[question.kind].headline;
    const sameKind = scored.filter((q) => q.kind === question.kind).length > 1;
    return sameKind ? `${label} (${question.id})` : label;
  });
}

function keyQuestionOf(summary) {
  return summary.questions.find((q) => q.key === summary.keyQuestionKey) ?? null;
}

/** One tile per scored question with its headline number: the survey at a glance. */
function renderTiles(summary) {
  const labels = metricLabels(summary);
  const tiles = summary.scoredQuestionKeys.map((key, i) => {
    const question = summary.questions.find((q) => q.key === key);
    const { headline } = QUESTION_KINDS[question.kind];
    return tile(labels[i], headline.format(headline.value(question.result)), countOf(question.result.answers, 'answer'));
  });
  return tiles.length > 0 ? html`<ul class="tiles">${tiles}</ul>` : '';
}

/** Responses per day, and the key question's score per day, as charts and one table. */
function renderTrend(summary, id) {
  const key = keyQuestionOf(summary);
  const { days, earlierResponses } = summary.trend;
  const perDay = 'Responses per day';
  const responseColumns = days.map((d) => ({ label: formatShortDay(d.day), value: d.responses }));
  const responsesChart = figure(
    perDay,
    columnChart({
      id: `${id}-per-day`,
      title: perDay,
      description: `${perDay} (UTC), ${formatDay(days[0].day)} to ${formatDay(days.at(-1).day)}: ${days.map((d) => `${formatDay(d.day)}: ${d.responses}`).join('; ')}.`,
      columns: responseColumns,
    }),
    '',
  );
  let scoreChart = '';
  const trendHead = ['Day', 'Responses'];
  const trendRows = days.map((d) => [formatDay(d.day), d.responses]);
  if (key) {
    const { headline } = QUESTION_KINDS[key.kind];
    const domain = headline.domain(key.result);
    const title = `${headline.label} per day`;
    scoreChart = figure(
      title,
      lineChart({
        id: `${id}-score-per-day`,
        title,
        description: `${title} (UTC): ${days.map((d) => `${formatDay(d.day)}: ${d.keyValue === null ? 'no answers' : headline.format(d.keyValue)}`).join('; ')}.`,
        points: days.map((d) => ({ label: formatShortDay(d.day), value: d.keyValue })),
        domain,
        gridValues: domain[0] < 0 ? [domain[0], 0, domain[1]] : [domain[0], (domain[0] + domain[1]) / 2, domain[1]],
        formatValue: headline.format,
      }),
      '',
    );
    trendHead.push(headline.label, `${QUESTION_KINDS[key.kind].name} answers`);
    days.forEach((d, i) => trendRows[i].push(headline.format(d.keyValue), d.keyAnswers));
  }
  return part(
    `${id}-trend`,
    'Daily trend',
    html`<p class="hint">Days in UTC, by when the visitor first answered.${
      earlierResponses > 0 ? ` ${countOf(earlierResponses, 'earlier response')} before ${formatDay(days[0].day)} not drawn.` : ''
    }</p>
    <div class="charts">${responsesChart}${scoreChart}</div>
    ${numbersTable('Daily trend', trendHead, trendRows)}`,
  );
}

function renderSegments(summary, segments, { id, title, column }) {
  const labels = metricLabels(summary);
  const key = keyQuestionOf(summary);
  const keyIndex = summary.scoredQuestionKeys.indexOf(summary.keyQuestionKey);
  const formats = summary.scoredQuestionKeys.map((k) => QUESTION_KINDS[summary.questions.find((q) => q.key === k).kind].headline.format);
  const table = html`<div class="scroll"><table><caption class="visually-hidden">${title}</caption><thead><tr><th scope="col">${column}</th><th scope="col" class="number">Responses</th>${labels.map(
    (label) => html`<th scope="col" class="number">${label}</th>`,
  )}</tr></thead><tbody>${segments.map(
    (segment) =>
      html`<tr><th scope="row">${segment.label}</th><td class="number">${segment.responses}</td>${segment.metrics.map(
        (metric, i) => html`<td class="number">${formats[i](metric.value)} <span class="note">(${countOf(metric.answers, 'answer')})</span></td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
  let chart = '';
  if (key && segments.length > 1) {
    const { headline } = QUESTION_KINDS[key.kind];
    const chartTitle = `${headline.label} ${title.toLowerCase()}`;
    const bars = segments.map((segment) => ({
      label: segment.label,
      value: segment.metrics[keyIndex].value,
      valueText: headline.format(segment.metrics[keyIndex].value),
    }));
    chart = figure(
      chartTitle,
      barChart({ id: `${id}-chart`, title: chartTitle, description: `${bars.map((b) => `${b.label}: ${b.valueText}`).join('; ')}.`, bars, domain: headline.domain(key.result) }),
      '',
    );
  }
  const order = key ? `Lowest ${QUESTION_KINDS[key.kind].headline.label} first.` : 'Most responses first.';
  return part(id, title, html`<p class="hint">${order} Each column counts the answers given in that group.</p>${table}${chart}`);
}

function termList(heading, terms) {
  return html`<h5>${heading}</h5>${
    terms.length === 0
      ? html`<p class="note">None yet.</p>`
      : html`<ol class="terms">${terms.map((t) => html`<li>${t.term} <span class="count">(${countOf(t.count, 'answer')})</span></li>`)}</ol>`
  }`;
}

function renderTerms(terms, id) {
  const side = (group, tone) =>
    html`<section class="${tone}" aria-labelledby="${id}-${tone}"><h4 id="${id}-${tone}">${group.label}</h4><p class="note">${countOf(group.answers, 'text answer')}${group.sampled ? ` among the ${group.sample.toLocaleString('en')} most recent` : ''}</p>${termList(
      'Words',
      group.words,
    )}${termList('Two-word phrases', group.phrases)}</section>`;
  return part(
    id,
    'Reading between the lines',
    html`<p class="hint">The most frequent words and two-word phrases in the text answers, by ${terms.basis} answer in the same response. Stop words are left out; a term counts once per answer.</p>
    <div class="contrast">${side(terms.low, 'low')}${side(terms.high, 'high')}</div>`,
  );
}

/** Rows left out of a survey's results: stored, but not summarizable (readable-response.mjs). */
function unreadableNote(summary) {
  return summary.unreadable > 0
    ? html`<p class="note unreadable">${countOf(summary.unreadable, 'response')} could not be shown: stored by an older collector without today's checks, or damaged; the JSON list has ${summary.unreadable === 1 ? 'it' : 'them'}.</p>`
    : '';
}

/** A survey whose responses could not be summarized at all: its heading, counts and links, never an error page. */
function renderUnsummarized(summary, index, links) {
  const id = `survey-${index + 1}`;
  return html`<section class="survey" aria-labelledby="${id}-heading" data-survey-id="${summary.surveyId}">
    <h2 id="${id}-heading">Survey <code>${summary.surveyId}</code></h2>
    ${summary.failed ? html`<p class="note unreadable">${countOf(summary.responses, 'response')} could not be summarized; the CSV export and the JSON list have them.</p>` : ''}
    ${unreadableNote(summary)}
    <p class="hint"><a href="${links.csv}?survey=${encodeURIComponent(summary.surveyId)}">Download this survey's responses as CSV</a></p>
  </section>`;
}

function countsLine(summary) {
  const period =
    summary.firstAt === null
      ? ''
      : dayOf(summary.firstAt) === dayOf(summary.lastAt)
        ? ` · ${formatDay(dayOf(summary.firstAt))}`
        : ` · ${formatDay(dayOf(summary.firstAt))} to ${formatDay(dayOf(summary.lastAt))}`;
  return html`<p class="counts"><strong>${countOf(summary.responses, 'response')}</strong>: <strong>${summary.completed}</strong> complete, <strong>${summary.partial}</strong> partial${period}</p>`;
}

function renderSurvey(summary, index, links) {
  if (summary.failed || summary.responses === 0) return renderUnsummarized(summary, index, links);
  const id = `survey-${index + 1}`;
  return html`<section class="survey" aria-labelledby="${id}-heading" data-survey-id="${summary.surveyId}">
    <h2 id="${id}-heading">Survey <code>${summary.surveyId}</code></h2>
    ${countsLine(summary)}
    ${unreadableNote(summary)}
    ${summary.templates.length > 0 ? html`<p class="hint">From template ${summary.templates.join(', ')}.</p>` : ''}
    <p class="hint"><a href="${links.csv}?survey=${encodeURIComponent(summary.surveyId)}">Download this survey's responses as CSV</a></p>
    ${renderTiles(summary)}
    ${renderTemplateScores(summary.templateScores, `${id}-scores`)}
    ${renderTrend(summary, id)}
    ${part(
      `${id}-questions`,
      'Questions',
      html`<p class="hint">Partial responses count for the questions they answered.</p>
    ${summary.questionsLeftOut > 0 ? html`<p class="note">${countOf(summary.questionsLeftOut, 'more question')} not shown: see the CSV export.</p>` : ''}
    ${summary.questions.map((question, i) => renderQuestion(question, `${id}-q${i + 1}`))}`,
    )}
    ${renderSegments(summary, summary.journeyPoints, { id: `${id}-journey-points`, title: 'By journey point', column: 'Journey point (trigger)' })}
    ${renderSegments(summary, summary.pages, { id: `${id}-pages`, title: 'By page', column: 'Page (path)' })}
    ${summary.terms ? renderTerms(summary.terms, `${id}-terms`) : ''}
  </section>`;
}

function renderEmpty(links, surveyId) {
  return html`<div class="empty"><p><strong>${surveyId ? html`No responses to <code>${surveyId}</code> yet.` : 'No responses yet.'}</strong></p>${
    links.demo ? html`<p>Answer the survey on the <a href="${links.demo}">demo shop</a>, then reload this page.</p>` : ''
  }</div>`;
}

/** Surveys past the ones summarized, each linked to its own page. */
function renderNotSummarized(surveys, links) {
  if (surveys.length === 0) return '';
  return html`<section class="survey" aria-labelledby="more-surveys"><h2 id="more-surveys">${countOf(surveys.length, 'more survey')}</h2>
    <p class="hint">Each opens on a page of its own.</p>
    <ul>${surveys.map((s) => html`<li><a href="${links.results}?survey=${encodeURIComponent(s.surveyId)}">${s.surveyId}</a> (${countOf(s.responses, 'response')})</li>`)}</ul></section>`;
}

/**
 * The whole results page. `summaries` come from `summarizeSurvey` (with `unreadable`, the rows
 * that could not be shown, or `failed` when none could be summarized); `notSummarized` lists
 * surveys (`{ surveyId, responses }`) only linked; `links` holds the paths of the JSON list, the
 * CSV export and (optionally) the demo shop; `surveyId` is set when the page shows only that survey.
 */
export function renderResultsPage({ summaries, notSummarized = [], links, surveyId = null, generatedAt = new Date() }) {
  const totalResponses = summaries.reduce((sum, s) => sum + s.responses, 0) + notSummarized.reduce((sum, s) => sum + s.responses, 0);
  const surveyCount = summaries.length + notSummarized.length;
  const unreadable = summaries.reduce((sum, s) => sum + s.unreadable, 0);
  const nav =
    summaries.length > 1
      ? html`<nav aria-label="Surveys"><ul>${summaries.map(
          (s, i) => html`<li><a href="#survey-${i + 1}-heading">${s.surveyId}</a> (${s.responses})</li>`,
        )}${notSummarized.length > 0 ? html`<li><a href="#more-surveys">${countOf(notSummarized.length, 'more survey')}</a></li>` : ''}</ul></nav>`
      : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${surveyId ? `${surveyId} · ` : ''}Survey results · Earshot</title>
${RESULTS_PAGE_STYLE}
</head>
<body>
<header class="page-header">
  <h1>Survey results</h1>
  <p>${countOf(totalResponses, 'response')} in ${countOf(surveyCount, 'survey')}${unreadable > 0 ? ` (${countOf(unreadable, 'response')} could not be shown)` : ''} · generated ${formatMoment(generatedAt.toISOString())} · reload for the latest answers ·
    <a href="${links.csv}">CSV export</a> · <a href="${links.responses}">JSON</a>${surveyId ? html` · <a href="${links.results}">all surveys</a>` : ''}</p>
  ${nav}
</header>
<main>
${surveyCount === 0 ? renderEmpty(links, surveyId) : [summaries.map((summary, i) => renderSurvey(summary, i, links)), renderNotSummarized(notSummarized, links)]}
</main>
</body>
</html>
`;
  return renderToString(page);
}
