// HTML (and inline SVG) built from template literals. Everything interpolated is escaped unless it
// is markup made by `html` itself: the results page shows what visitors typed, so nothing they
// wrote may ever become markup.

class Markup {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function toMarkupText(value) {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(toMarkupText).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Tagged template: `html`<p>${text}</p>``. Arrays are joined; null, undefined and false vanish. */
export function html(strings, ...values) {
  let text = strings[0];
  values.forEach((value, i) => {
    text += toMarkupText(value) + strings[i + 1];
  });
  return new Markup(text);
}

/** The final document text. */
export function renderToString(markup) {
  return toMarkupText(markup);
}

/** Constant markup written in the collector's own source (a style or script block), never anything received. */
export const constantMarkup = (text) => new Markup(text);
