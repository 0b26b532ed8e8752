// The recipes in docs/recipes.md are the tested files: each is shown whole, in its own code block.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// A path, not a URL: under happy-dom `URL` is the simulated browser's.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const recipes = read('docs/recipes.md');

it.each([
  ['html', 'examples/embed/index.html'],
  ['html', 'examples/tag-manager/earshot-tag.html'],
  ['html', 'examples/import-map/index.html'],
])('docs/recipes.md shows %s file %s as it is', (language, path) => {
  expect(recipes).toContain(`\`${path}\``);
  expect(recipes).toContain(`\`\`\`${language}\n${read(path)}\`\`\`\n`);
});
