// The layout of docs/architecture.md §5, held against the imports: a file that reaches across a
// layer fails here, naming the file and what it imports. And every citation of a docs page in the
// code and tests points at a page, and a section, that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Paths, not URLs: under happy-dom `URL` is the simulated browser's.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const filesUnder = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : /\.(ts|mts|mjs)$/.test(entry.name) ? [join(folder, entry.name)] : [],
  );

/** What a source file imports: package names as written, Earshot's own files as paths from the repository root. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    ([, from, dynamic]) => from ?? dynamic,
  );
  return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier));
}

/** The imports of every file under `folder` that `forbidden` says no to, as `file → import`. */
const crossings = (folder: string, forbidden: (imported: string) => boolean) =>
  filesUnder(folder).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((imported) => `${file} → ${imported}`),
  );

const isLit = (imported: string) => imported === 'lit' || imported.startsWith('lit/') || imported.startsWith('@lit/');
const inFolder = (folder: string) => (imported: string) => imported.startsWith(`${folder}/`);

describe('the layers of docs/architecture.md §5', () => {
  it('finds the imports it checks (a check that reads nothing would pass)', () => {
    expect(importsOf('src/ui/survey/survey.ts')).toEqual(expect.arrayContaining(['lit', 'src/core/definition/flow.js']));
    expect(importsOf('src/ui/present.ts')).toEqual(expect.arrayContaining(['src/ui/define.js', 'src/ui/debug-panel/show-debug-panel.js']));
  });

  it('src/core imports neither Lit nor src/ui, src/api or src/builder', () => {
    expect(crossings('src/core', (imported) => isLit(imported) || ['src/ui', 'src/api', 'src/builder'].some((folder) => inFolder(folder)(imported)))).toEqual([]);
  });

  it('src/ui never imports src/builder or src/api', () => {
    expect(crossings('src/ui', (imported) => inFolder('src/builder')(imported) || inFolder('src/api')(imported))).toEqual([]);
  });

  it('src/i18n and src/a11y, shared by the core and the UI, import nothing of Earshot but types', () => {
    const own = (imported: string) => imported.startsWith('src/') || isLit(imported);
    const typeOnly = (file: string) => readFileSync(join(ROOT, file), 'utf8').match(/^import (?!type )[^\n]*$/gm) ?? [];
    expect([...crossings('src/i18n', own), ...crossings('src/a11y', own)].filter((crossing) => typeOnly(crossing.split(' → ')[0]).length)).toEqual([]);
  });

  it('nothing outside src/builder imports it', () => {
    const others = readdirSync(join(ROOT, 'src')).filter((name) => name !== 'builder' && !name.includes('.'));
    expect(others.flatMap((folder) => crossings(join('src', folder), inFolder('src/builder')))).toEqual([]);
  });
});

describe('citations of the docs', () => {
  // The collector's tests are its own; this file names pages only as examples.
  const citing = [
    ...filesUnder('src'),
    ...filesUnder('test').filter((file) => file !== 'test/architecture/layers.test.ts'),
    ...filesUnder('examples/collector'),
    'src/schema/batch.schema.json',
    'src/schema/survey.schema.json',
  ];
  const citations = citing.flatMap((file) =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bdocs\/([\w-]+\.md)(?: §(\d+))?/g)].map(([, page, section]) => ({ file, page, section })),
  );

  it('are found (a check that reads nothing would pass)', () => {
    expect(citations.some(({ page, section }) => page === 'architecture.md' && section === '3')).toBe(true);
  });

  it('name pages and sections that exist', () => {
    const missing = citations.filter(({ page, section }) => {
      const path = join(ROOT, 'docs', page);
      if (!existsSync(path)) return true;
      return section !== undefined && !new RegExp(`^## ${section}\\. `, 'm').test(readFileSync(path, 'utf8'));
    });
    expect(missing.map(({ file, page, section }) => `${file}: docs/${page}${section ? ` §${section}` : ''}`)).toEqual([]);
  });

  // The design document kept outside the repository: a reader of the code could not open it.
  it('cite docs/ only, never the design file kept outside the repository', () => {
    expect(citing.filter((file) => /\bDESIGN\.md\b/.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
