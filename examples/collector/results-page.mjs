// The results page: one server-rendered HTML document, readable without JavaScript. Every chart
// is an SVG image with a title and a description of its data, and the numbers behind it are in a
// table; the comparisons per journey point and per page are tables first.
import { createHash } from 'node:crypto';
import { renderFilterForm, linkWith } from './filter-form.mjs';
import { countOf, dayOf, formatDay, formatMoment, formatPercent, formatShortDay } from './format.mjs';
import { constantMarkup, html, renderToString } from './html.mjs';
import { figure, numbersTable, part, tile, trustLine } from './page-parts.mjs';
import { QUESTION_KINDS } from './question-kinds.mjs';
import { renderQuestion } from './question-views.mjs';
import { RESULTS_PAGE_STYLE } from './results-page.styles.mjs';
import { barChart, columnChart, lineChart } from './svg-charts.mjs';
import { SMALL_SAMPLE } from './template-scores.mjs';
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
    const { result } = question;
    return tile(labels[i], headline.format(headline.value(result)), trustLine(headline.formatMargin(result.margin), result.answers));
  });
  return tiles.length > 0 ? html`<ul class="tiles">${tiles}</ul>` : '';
}

/** Responses per day, and the key question's score per day, as charts and one table. */
function renderTrend(summary, id) {
  const zone = summary.timeZone ?? 'UTC';
  const key = keyQuestionOf(summary);
  const { days, earlierResponses } = summary.trend;
  const perDay = 'Responses per day';
  const responseColumns = days.map((d) => ({ label: formatShortDay(d.day), value: d.responses }));
  const responsesChart = figure(
    perDay,
    columnChart({
      id: `${id}-per-day`,
      title: perDay,
      description: `${perDay} (${zone}), ${formatDay(days[0].day)} to ${formatDay(days.at(-1).day)}: ${days.map((d) => `${formatDay(d.day)}: ${d.responses}`).join('; ')}.`,
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
        description: `${title} (${zone}): ${days.map((d) => `${formatDay(d.day)}: ${d.keyValue === null ? 'no answers' : headline.format(d.keyValue)}`).join('; ')}.`,
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
    html`<p class="hint">Days in ${zone}, by when the visitor first answered.${
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
  const headlines = summary.scoredQuestionKeys.map((k) => QUESTION_KINDS[summary.questions.find((q) => q.key === k).kind].headline);
  const table = html`<div class="scroll"><table><caption class="visually-hidden">${title}</caption><thead><tr><th scope="col">${column}</th><th scope="col" class="number">Responses</th>${labels.map(
    (label) => html`<th scope="col" class="number">${label}</th>`,
  )}</tr></thead><tbody>${segments.map(
    (segment) =>
      html`<tr class="${segment.small ? 'small' : ''}"><th scope="row">${segment.label}${segment.small ? html` <mark class="small-sample">fewer than ${SMALL_SAMPLE}: not ranked</mark>` : ''}</th><td class="number">${segment.responses}</td>${segment.metrics.map(
        (metric, i) =>
          html`<td class="number">${headlines[i].format(metric.value)} <span class="note">${[headlines[i].formatMargin(metric.margin), countOf(metric.answers, 'answer')].filter(Boolean).join(' · ')}</span></td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
  let chart = '';
  // Only groups with enough answers are drawn and ranked: one answer must not make the biggest bar.
  const ranked = segments.filter((segment) => !segment.small);
  if (key && ranked.length > 1) {
    const { headline } = QUESTION_KINDS[key.kind];
    const chartTitle = `${headline.label} ${title.toLowerCase()}`;
    const bars = ranked.map((segment) => ({
      label: segment.label,
      value: segment.metrics[keyIndex].value,
      valueText: `${headline.format(segment.metrics[keyIndex].value)} ${headline.formatMargin(segment.metrics[keyIndex].margin)}`.trim(),
    }));
    chart = figure(
      chartTitle,
      barChart({ id: `${id}-chart`, title: chartTitle, description: `${bars.map((b) => `${b.label}: ${b.valueText}`).join('; ')}.`, bars, domain: headline.domain(key.result) }),
      '',
    );
  }
  const order = key ? `Lowest ${QUESTION_KINDS[key.kind].headline.label} first.` : 'Most responses first.';
  const smallCount = segments.length - ranked.length;
  const smallNote = smallCount > 0 ? ` Groups with fewer than ${SMALL_SAMPLE} answers come last, marked, and are neither ranked nor drawn.` : '';
  return part(id, title, html`<p class="hint">${order} Each column counts the answers given in that group; ± is the 95% margin of error.${smallNote}</p>${table}${chart}`);
}

const rateText = (rate) => (rate === null ? '–' : formatPercent(rate));

/** Shown → started → completed, the answers per question in order, and the same per journey point. */
function renderFunnel(summary, id) {
  const f = summary.funnel;
  const steps = [
    ...(f.comparable ? [{ label: 'Shown', count: f.shown, rate: null, of: '' }] : []),
    { label: 'Started (first answer)', count: f.started, rate: f.startRate, of: 'of shown' },
    { label: 'Completed', count: f.completed, rate: f.completionRate, of: 'of started' },
  ];
  const sentence = steps.map((step) => `${step.label.split(' ')[0].toLowerCase()} ${step.count}`).join(' → ');
  const top = Math.max(1, ...steps.map((step) => step.count));
  const chart = figure(
    'Funnel',
    barChart({
      id: `${id}-chart`,
      title: 'Funnel',
      description: `${steps.map((step) => `${step.label}: ${step.count}${step.rate === null ? '' : ` (${rateText(step.rate)} ${step.of})`}`).join('; ')}.`,
      bars: steps.map((step) => ({ label: step.label, value: (step.count / top) * 100, valueText: `${step.count}${step.rate === null ? '' : ` (${rateText(step.rate)})`}` })),
      // Room right of the longest bar for its figures.
      domain: [0, 130],
    }),
    numbersTable(
      'Funnel',
      ['Step', 'Visitors', 'Rate'],
      steps.map((step) => [step.label, step.count, step.rate === null ? '' : `${rateText(step.rate)} ${step.of}`]),
    ),
  );
  const notes = [];
  if (!f.comparable) notes.push('Shown counts are not filtered by page, context or score group (a showing carries none of them), so the shown step is left out here.');
  else if (f.shown < f.started) notes.push('More responses than showings: answers from SDK versions before impressions, or showings still on their way, have no shown event.');
  if (f.comparable && f.dismissed > 0) notes.push(`${countOf(f.dismissed, 'dismissal')} (closed without finishing).`);
  const questionTable = html`<div class="scroll"><table><caption>Answers per question, in survey order</caption><thead><tr><th scope="col">Question</th><th scope="col" class="number">Answered</th><th scope="col" class="number">Share of started</th><th scope="col" class="number">Lost since the step before</th></tr></thead><tbody>${f.questions.map(
    (q) =>
      html`<tr><th scope="row">${q.text || q.id} <span class="note">(${q.id})</span></th><td class="number">${q.answered}</td><td class="number">${rateText(q.share)}</td><td class="number">${Math.max(0, q.dropped)}</td></tr>`,
  )}</tbody></table></div>`;
  const pointTable =
    f.journeyPoints.length === 0
      ? ''
      : html`<div class="scroll"><table><caption>Per journey point</caption><thead><tr><th scope="col">Journey point</th><th scope="col" class="number">Shown</th><th scope="col" class="number">Started</th><th scope="col" class="number">Start rate</th><th scope="col" class="number">Completed</th><th scope="col" class="number">Completion rate</th></tr></thead><tbody>${f.journeyPoints.map(
          (p) =>
            html`<tr><th scope="row">${p.label}</th><td class="number">${p.shown ?? '–'}</td><td class="number">${p.started}</td><td class="number">${rateText(p.startRate)}</td><td class="number">${p.completed}</td><td class="number">${rateText(p.completionRate)}</td></tr>`,
        )}</tbody></table></div>`;
  return part(
    id,
    'Funnel',
    html`<p class="figure-line funnel-line">${sentence}</p>
    <p class="hint">A response starts with its first answer. Start rate: started ÷ shown; completion rate: completed ÷ started.</p>
    ${notes.map((note) => html`<p class="note">${note}</p>`)}
    ${chart}${questionTable}${pointTable}`,
  );
}

function termList(heading, terms, linkOf) {
  return html`<h5>${heading}</h5>${
    terms.length === 0
      ? html`<p class="note">None yet.</p>`
      : html`<ol class="terms">${terms.map((t) => html`<li><a href="${linkOf(t.term)}">${t.term}</a> <span class="count">(${countOf(t.count, 'answer')})</span></li>`)}</ol>`
  }`;
}

function renderTerms(terms, id, linkTo) {
  // A term opens the comments that contain it, among that side's answers where the side is an NPS group.
  const groupOf = (tone) => (terms.basis === 'NPS' ? (tone === 'low' ? 'detractors' : 'promoters') : null);
  const side = (group, tone) =>
    html`<section class="${tone}" aria-labelledby="${id}-${tone}"><h4 id="${id}-${tone}">${group.label}</h4><p class="note">${countOf(group.answers, 'text answer')}${group.sampled ? ` among the ${group.sample.toLocaleString('en')} most recent` : ''}</p>${termList('Words', group.words, (term) => linkTo(term, groupOf(tone)))}${termList('Two-word phrases', group.phrases, (term) => linkTo(term, groupOf(tone)))}</section>`;
  return part(
    id,
    'Reading between the lines',
    html`<p class="hint">The most frequent words and two-word phrases in the text answers, by ${terms.basis} answer in the same response. Stop words are left out; a term counts once per answer; each opens the comments that contain it.</p>
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
    ${!summary.failed && summary.responses === 0 ? html`<p><strong>No responses to <code>${summary.surveyId}</code> yet.</strong></p>` : ''}
    ${previewNote(summary)}
    ${unreadableNote(summary)}
    <p class="hint"><a href="${links.csv}?survey=${encodeURIComponent(summary.surveyId)}">Download this survey's responses as CSV</a></p>
  </section>`;
}

/** `1 preview answer left out`: answers given in a preview are stored, never counted. */
function previewNote(summary) {
  return summary.previews > 0 ? html`<p class="note previews">${countOf(summary.previews, 'preview answer')} left out.</p>` : '';
}

function countsLine(summary) {
  const zone = summary.timeZone ?? 'UTC';
  const period =
    summary.firstAt === null
      ? ''
      : dayOf(summary.firstAt, zone) === dayOf(summary.lastAt, zone)
        ? ` · ${formatDay(dayOf(summary.firstAt, zone))}`
        : ` · ${formatDay(dayOf(summary.firstAt, zone))} to ${formatDay(dayOf(summary.lastAt, zone))}`;
  return html`<p class="counts"><strong>${countOf(summary.responses, 'response')}</strong>: <strong>${summary.completed}</strong> complete, <strong>${summary.partial}</strong> partial${period}</p>`;
}

function renderSurvey(summary, index, links, viewLinks) {
  if (summary.failed || summary.responses === 0) return renderUnsummarized(summary, index, links);
  const id = `survey-${index + 1}`;
  const zone = summary.timeZone ?? 'UTC';
  // Links within this survey's view: its own survey id, the rest of the view kept.
  const link = (changes, hash = '') => linkWith(viewLinks.path, viewLinks.params, { survey: summary.surveyId, ...changes }, hash);
  return html`<section class="survey" aria-labelledby="${id}-heading" data-survey-id="${summary.surveyId}">
    <h2 id="${id}-heading">Survey <code>${summary.surveyId}</code></h2>
    ${countsLine(summary)}
    ${previewNote(summary)}
    ${unreadableNote(summary)}
    ${summary.templates.length > 0 ? html`<p class="hint">From template ${summary.templates.join(', ')}.</p>` : ''}
    <p class="hint"><a href="${linkWith(links.csv, viewLinks.params, { survey: summary.surveyId })}">Download this view of the survey's responses as CSV</a> · <a href="${linkWith(links.summary, viewLinks.params, { survey: summary.surveyId })}">as JSON</a></p>
    ${renderTiles(summary)}
    ${renderFunnel(summary, `${id}-funnel`)}
    ${renderTemplateScores(summary.templateScores, `${id}-scores`)}
    ${renderTrend(summary, id)}
    ${part(
      `${id}-questions`,
      'Questions',
      html`<p class="hint">Partial responses count for the questions they answered.</p>
    ${summary.questionsLeftOut > 0 ? html`<p class="note">${countOf(summary.questionsLeftOut, 'more question')} not shown: see the CSV export.</p>` : ''}
    ${summary.questions.map((question, i) => renderQuestion(question, `${id}-q${i + 1}`, { zone, link }))}`,
    )}
    ${renderSegments(summary, summary.journeyPoints, { id: `${id}-journey-points`, title: 'By journey point', column: 'Journey point (trigger)' })}
    ${renderSegments(summary, summary.pages, { id: `${id}-pages`, title: 'By page', column: 'Page (path)' })}
    ${summary.breakdown ? renderSegments(summary, summary.breakdown.segments, { id: `${id}-by`, title: `By context.${summary.breakdown.key}`, column: `context.${summary.breakdown.key}` }) : ''}
    ${summary.terms ? renderTerms(summary.terms, `${id}-terms`, (term, group) => link({ q: term, group, comments: null }, `#${id}-questions`)) : ''}
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
 * Sets the time zone to the viewer's when the URL names none: the page's only script, allowed by
 * its hash in the CSP (TIME_ZONE_SCRIPT_HASH), so nothing else can run. Without JavaScript the
 * page stays in UTC until a zone is chosen in the form.
 */
export const TIME_ZONE_SCRIPT =
  "if(!new URLSearchParams(location.search).has('tz')){var u=new URL(location.href);u.searchParams.set('tz',Intl.DateTimeFormat().resolvedOptions().timeZone||'UTC');location.replace(u.href)}";
export const TIME_ZONE_SCRIPT_HASH = `sha256-${createHash('sha256').update(TIME_ZONE_SCRIPT).digest('base64')}`;

/**
 * The whole results page. `summaries` come from `summarizeSurvey` (with `unreadable`, the rows
 * that could not be shown, or `failed` when none could be summarized); `notSummarized` lists
 * surveys (`{ surveyId, responses }`) only linked; `links` holds the paths of the JSON list, the
 * CSV export and (optionally) the demo shop; `surveyId` is set when the page shows only that survey.
 */
export function renderResultsPage({
  summaries,
  notSummarized = [],
  links,
  surveyId = null,
  params = new URLSearchParams(),
  view = { zone: 'UTC' },
  filterChoices = null,
  generatedAt = new Date(),
}) {
  const zone = view.zone ?? 'UTC';
  const viewLinks = { path: links.results, params };
  const filterQuery = params.toString();
  const exportLinks = {
    csv: `${links.csv}${filterQuery ? `?${filterQuery}` : ''}`,
    json: surveyId ? `${links.summary}?${filterQuery}` : `${links.responses}${filterQuery ? `?${filterQuery}` : ''}`,
  };
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
<script>${constantMarkup(TIME_ZONE_SCRIPT)}</script>
${RESULTS_PAGE_STYLE}
</head>
<body>
<header class="page-header">
  <h1>Survey results</h1>
  <p>${countOf(totalResponses, 'response')} in ${countOf(surveyCount, 'survey')}${unreadable > 0 ? ` (${countOf(unreadable, 'response')} could not be shown)` : ''} · generated ${formatMoment(generatedAt.toISOString(), zone)} · reload for the latest answers ·
    <a href="${links.csv}">CSV export</a> · <a href="${links.responses}">JSON</a>${surveyId ? html` · <a href="${links.results}">all surveys</a>` : ''}</p>
  ${nav}
  ${renderFilterForm({ path: links.results, params, choices: filterChoices, zone, exportLinks })}
</header>
<main>
${surveyCount === 0 ? renderEmpty(links, surveyId) : [summaries.map((summary, i) => renderSurvey(summary, i, links, viewLinks)), renderNotSummarized(notSummarized, links)]}
</main>
</body>
</html>
`;
  return renderToString(page);
}
