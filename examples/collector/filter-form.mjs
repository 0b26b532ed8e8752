// The results page's filters as one GET form: it works without JavaScript, and the URL it makes is
// the view, so a link to it shares exactly what was seen (behind the read key). Every section of
// the page, the CSV and the JSON take the same parameters (result-filter.mjs).
import { html } from './html.mjs';
import { SCORE_GROUPS } from './result-filter.mjs';

const RANGE_LABELS = { '': 'All time', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };
/** Zones offered in the list; any other IANA name can be typed. */
const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** A URL of the page with `params` changed by `changes` (null removes a parameter), keeping the rest of the view. */
export function linkWith(path, params, changes, hash = '') {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) next.delete(name);
    else next.set(name, String(value));
  }
  const query = next.toString();
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

const option = (value, label, selected) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

function select(name, label, choices, current, anyLabel) {
  const known = choices.includes(current);
  return html`<label><span>${label}</span><select name="${name}">${option('', anyLabel, current === null)}${choices.map((choice) => option(choice, choice, choice === current))}${
    current !== null && !known ? option(current, current, true) : ''
  }</select></label>`;
}

/**
 * The form: `params` the request's query; `choices` (`{ journeyPoints, pages, contextKeys }`, or
 * null on the page of all surveys) fills the lists; `zone` is the time zone in use.
 */
export function renderFilterForm({ path, params, choices, zone, exportLinks }) {
  const get = (name) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  const range = get('range') ?? '';
  const wheres = params.getAll('where').filter((w) => w !== '');
  const keys = choices?.contextKeys ?? [];
  const active = ['from', 'to', 'range', 'journey', 'page', 'group', 'by', 'q'].some((name) => get(name) !== null) || wheres.length > 0;
  return html`<form class="filters" method="get" action="${path}" aria-label="Filters">
    ${get('survey') !== null ? html`<input type="hidden" name="survey" value="${get('survey')}">` : ''}
    <fieldset><legend>When</legend>
      <label><span>Range</span><select name="range">${Object.keys(RANGE_LABELS).map((value) => option(value, RANGE_LABELS[value], value === range))}</select></label>
      <label><span>From (custom)</span><input type="date" name="from" value="${get('from') ?? ''}"></label>
      <label><span>To (custom)</span><input type="date" name="to" value="${get('to') ?? ''}"></label>
      <label><span>Time zone</span><input name="tz" value="${zone}" list="earshot-zones" autocomplete="off" spellcheck="false"></label>
      <datalist id="earshot-zones">${COMMON_ZONES.map((name) => html`<option value="${name}"></option>`)}</datalist>
    </fieldset>
    <fieldset><legend>Who and where</legend>
      ${
        choices
          ? [select('journey', 'Journey point', choices.journeyPoints, get('journey'), 'All journey points'), select('page', 'Page', choices.pages, get('page'), 'All pages')]
          : html`<label><span>Journey point</span><input name="journey" value="${get('journey') ?? ''}"></label><label><span>Page</span><input name="page" value="${get('page') ?? ''}"></label>`
      }
      ${select('group', 'NPS group', Object.keys(SCORE_GROUPS), get('group'), 'Everyone')}
      ${[...wheres, ''].map(
        (where, i) =>
          html`<label><span>${i === 0 ? 'Context is' : 'and context is'}</span><input name="where" value="${where}" placeholder="context.plan:pro" list="earshot-context" autocomplete="off" spellcheck="false"></label>`,
      )}
      <datalist id="earshot-context">${keys.map((key) => html`<option value="context.${key}:"></option>`)}</datalist>
      <label><span>Break down by</span><select name="by">${option('', 'Nothing', get('by') === null)}${keys.map((key) => option(`context.${key}`, `context.${key}`, get('by') === `context.${key}`))}${
        get('by') !== null && !keys.includes(get('by').replace(/^context\./, '')) ? option(get('by'), get('by'), true) : ''
      }</select></label>
    </fieldset>
    <fieldset><legend>Comments</legend>
      <label><span>Containing</span><input type="search" name="q" value="${get('q') ?? ''}" maxlength="200"></label>
    </fieldset>
    <p class="actions"><button type="submit">Apply</button>${active ? html` <a href="${linkWith(path, new URLSearchParams(get('survey') ? { survey: get('survey') } : {}), {})}">Clear filters</a>` : ''} · This view as <a href="${exportLinks.csv}">CSV</a> · <a href="${exportLinks.json}">JSON</a></p>
  </form>`;
}
