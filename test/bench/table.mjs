// The bench's table as Markdown, and where `npm run bench` writes it: between two markers in
// docs/performance.md, so the page's prose stays as written and only the measured rows change.
// No dependencies, so a unit test can hold the page to this format.

export const TABLE_HEADER = ['measure', 'value', 'goal'];
export const TABLE_START = '<!-- bench table: npm run bench rewrites everything from here to the end marker -->';
export const TABLE_END = '<!-- end of bench table -->';

/** Rows are [measure, value, goal?]; the lines of one Markdown table, columns padded to line up. */
export function formatTable(rows) {
  const cells = rows.map(([name, value, goal = '']) => [name, value, goal]);
  const widths = TABLE_HEADER.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(TABLE_HEADER), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}

/** The block the bench writes: the run's one-line summary, then the table. */
export function benchBlock(summary, rows) {
  return ['```', summary, '```', '', ...formatTable(rows)].join('\n');
}

/**
 * `page` with the text between its two markers replaced by `block`. Throws unless the page has
 * each marker once, start before end: a bench that cannot find its place must say so, not
 * append a second table or write nothing.
 */
export function withBenchBlock(page, block) {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  const once = (marker) => page.indexOf(marker) === page.lastIndexOf(marker);
  if (start < 0 || end < 0 || end < start || !once(TABLE_START) || !once(TABLE_END)) {
    throw new Error(`the page needs "${TABLE_START}" and then "${TABLE_END}", once each`);
  }
  return `${page.slice(0, start + TABLE_START.length)}\n${block}\n${page.slice(end)}`;
}
