// Short, readable names for where a response came from: the journey point (the response's
// `trigger`) and the page, used to group responses on the results page and in the CSV export.

/** `{ event: "checkout_completed" }` → `event: checkout_completed`; `{ manual: true }` → `manual (…)`. */
export function describeTrigger(trigger) {
  if (typeof trigger !== 'object' || trigger === null) return 'unknown';
  const [kind, value] = Object.entries(trigger)[0] ?? [];
  switch (kind) {
    case 'manual':
      return 'manual: show(), feedback tab or embed';
    case 'event':
      return `event: ${value}`;
    case 'url':
      return typeof value === 'string'
        ? `url: ${value}`
        : `url ${Object.entries(value)
            .map(([op, text]) => `${op} ${text}`)
            .join('')}`;
    case 'selector':
      return `click: ${value}`;
    case 'scroll':
      return `scroll: ${value}%`;
    case 'exitIntent':
      return 'exit intent';
    case 'delay':
      return `after ${value} s on page`;
    case 'all':
    case 'any':
      return `${kind} of (${value.map(describeTrigger).join('; ')})`;
    default:
      return JSON.stringify(trigger);
  }
}

/**
 * The journey point of a response or an impression as results group by it: its `label` where the
 * survey or the part that fired has one; else the part that fired (`firedBy`) within the whole
 * trigger, so visitors who waited 20 s are told apart from visitors about to leave; else the trigger.
 */
export function journeyPointOf({ trigger, firedBy, label }) {
  if (typeof label === 'string' && label.trim() !== '') return label.trim();
  const whole = describeTrigger(trigger);
  if (typeof firedBy === 'object' && firedBy !== null) return `${describeTrigger(firedBy)}, in ${whole}`;
  return whole;
}

/** The page's path without query or fragment (`/shop/done.html`), so visits of one page group together. */
export function pageOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
