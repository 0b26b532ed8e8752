// The docs as a reader follows them: every relative link and picture in README.md and docs/*.md
// leads to a file that exists (and to a heading that exists, for links with an anchor), every
// repository path they cite exists, the sizes the README quotes are the budgets size-limit
// enforces, and docs/performance.md holds the bench's table in the form `npm run bench` writes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_HEADER, TABLE_START, benchBlock, formatTable, withBenchBlock, type Row } from '../bench/table.mjs';

// A path, not a URL: under happy-dom `URL` is the simulated browser's.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const PAGES = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

// Paths the docs name that the code creates at run time, so a checkout does not hold them.
const MADE_AT_RUN_TIME = new Set(['examples/collector/data/earshot.sqlite']);

/** The page without fenced code blocks, where `[a](b)` and `# a` are not Markdown. */
const prose = (markdown: string) => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const plain = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** Every inline link and picture target in the page's prose (code spans left out). */
function links(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(([, target]) => target);
}

describe.each(PAGES)('%s', (page) => {
  const markdown = read(page);

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const target of links(markdown)) {
      if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue; // https:, mailto: and the like
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : normalize(join(dirname(page), decodeURI(path)));
      if (relative(REPO, join(REPO, file)).startsWith('..')) {
        broken.push(`${target}: outside the repository`);
        continue;
      }
      if (!existsSync(join(REPO, file))) {
        broken.push(`${target}: no file ${file}`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchors(read(file)).has(anchor)) {
        broken.push(`${target}: no heading #${anchor} in ${file}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('cites only repository paths that exist', () => {
    const cited = [...prose(markdown).matchAll(/`((?:src|test|examples)\/[\w./-]+)`/g)].map(([, path]) => path);
    const missing = cited.filter((path) => !MADE_AT_RUN_TIME.has(path) && !existsSync(join(REPO, path)));
    expect(missing).toEqual([]);
  });
});

it('finds the links, pictures and headings it checks', () => {
  // The checks above pass vacuously if the parsing finds nothing: hold it to a page we know.
  const sample = '# Getting `started`\n## Why didn\'t it show?\n## Why didn\'t it show?\n[a](api.md#initconfig) ![b](images/x.png) `[c](not-a-link.md)`\n```md\n[d](in-code.md)\n# Not a heading\n```\n';
  expect(links(sample)).toEqual(['api.md#initconfig', 'images/x.png']);
  expect([...anchors(sample)]).toEqual(['getting-started', 'why-didnt-it-show', 'why-didnt-it-show-1']);
  expect(anchors(read('docs/api.md'))).toContain('consentstate');
  expect(links(read('docs/survey-definitions.md')).filter((target) => target.startsWith('images/')).length).toBeGreaterThan(20);
});

it('the README quotes each size budget that size-limit enforces, and no other', () => {
  const budgets = (JSON.parse(read('package.json'))['size-limit'] as { path: string; limit: string }[]).map(({ path, limit }) => [path, limit]);
  const quoted = [...read('README.md').matchAll(/^ *\| `(dist\/[^`]+)` \|[^|\n]*\| ([\d.]+ kB) \|$/gm)].map(([, path, limit]) => [path, limit]);
  expect(budgets.length).toBeGreaterThan(0);
  expect(quoted).toEqual(budgets);
});

describe('docs/performance.md', () => {
  const page = read('docs/performance.md');

  it('holds one bench table between its markers, in the form npm run bench writes it', () => {
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const block = page.slice(start + TABLE_START.length, end).trim();
    const [summary] = block.match(/^Earshot bench: Chromium .+; \d+ s$/m) ?? [''];
    expect(summary).not.toBe('');
    const rows = block
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(2)
      .map((line) => line.slice(2, -2).split(' | ').map((cell) => cell.trimEnd()) as Row);
    expect(rows.length).toBeGreaterThan(40);
    // Written by the bench: rendering its own rows again gives the very same text.
    expect(block).toBe(benchBlock(summary, rows));
    expect(formatTable([])[0]).toBe(`| ${TABLE_HEADER.join(' | ')} |`);
    expect(TABLE_HEADER.join(' ')).not.toMatch(/#\d/);
  });

  it('gets a new table from the bench with the rest of the page untouched', () => {
    const block = benchBlock('Earshot bench: a test run; 1 s', [['**Bytes**', '', ''], ['earshot.min.js (min / gzip / brotli)', '1 / 2 / 3 B', 'a goal']]);
    const written = withBenchBlock(page, block);
    const before = (text: string) => text.slice(0, text.indexOf(TABLE_START));
    const after = (text: string) => text.slice(text.indexOf(TABLE_END));
    expect(before(written)).toBe(before(page));
    expect(after(written)).toBe(after(page));
    expect(written).toContain(`${TABLE_START}\n${block}\n${TABLE_END}`);
    expect(written).not.toContain('87,605');
    expect(withBenchBlock(written, block)).toBe(written);
  });

  it('is refused by the bench when its markers are missing, doubled or out of order', () => {
    expect(() => withBenchBlock('# Performance\n', 'x')).toThrow(/once each/);
    expect(() => withBenchBlock(`${TABLE_START}\n${TABLE_END}\n${TABLE_START}\n${TABLE_END}`, 'x')).toThrow(/once each/);
    expect(() => withBenchBlock(`${TABLE_END}\n${TABLE_START}`, 'x')).toThrow(/once each/);
  });
});
