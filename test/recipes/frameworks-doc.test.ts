// docs/frameworks.md shows the framework recipes as the tested files are: each one whole, in its own code block.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// A path, not a URL: under happy-dom `URL` is the simulated browser's.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const page = read('docs/frameworks.md');

it.each([
  ['tsx', 'examples/react/EarshotSurvey.tsx'],
  ['tsx', 'examples/react/App.tsx'],
  ['tsx', 'examples/nextjs/app/earshot-init.tsx'],
  ['tsx', 'examples/nextjs/app/layout.tsx'],
  ['tsx', 'examples/nextjs/app/earshot-survey.tsx'],
  ['tsx', 'examples/nextjs/app/feedback-button.tsx'],
  ['tsx', 'examples/nextjs/app/page.tsx'],
  ['ts', 'examples/vue/EarshotSurvey.ts'],
  ['svelte', 'examples/sveltekit/src/lib/EarshotSurvey.svelte'],
  ['svelte', 'examples/sveltekit/src/routes/+layout.svelte'],
  ['svelte', 'examples/sveltekit/src/routes/+page.svelte'],
])('docs/frameworks.md shows %s file %s as it is', (language, path) => {
  expect(page).toContain(`\`\`\`${language}\n${read(path)}\`\`\`\n`);
});

it('cites only files and folders of examples/ and test/ that exist', () => {
  const cited = (page.match(/`(?:examples|test)\/[^`\s]+`/g) ?? []).map((quoted) => quoted.slice(1, -1));
  expect(cited.length).toBeGreaterThan(10);
  expect(cited.filter((path) => !existsSync(join(REPO, path)))).toEqual([]);
});
