// A collector process holds only what its work needs: on SQLite it never loads the PostgreSQL
// driver, and the batch validator (Ajv and the compiled schema), the stop-word lists and ICU's
// date formats are loaded when a batch, a results page or a date first needs them. Each costs
// megabytes of every process's memory (the CSV export's peak is measured against it, issue #20).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeUnderTest } from './support/test-store';

const COLLECTOR = fileURLToPath(new URL('../../examples/collector/collector.mjs', import.meta.url));

/** Runs `steps` in a fresh node process after opening a SQLite collector; prints the packages loaded by then. */
const SCRIPT = `
import { createRequire } from 'node:module';
const { createCollector } = await import(process.env.COLLECTOR);
const collector = createCollector({ database: ':memory:', postsPerMinute: 0 });
await collector.ready;
const loaded = () => Object.keys(createRequire(import.meta.url).cache).map((file) => /node_modules\\/(pg|ajv|stopword)\\//.exec(file)?.[1]).filter(Boolean);
const before = [...new Set(loaded())].sort();
const problems = (await import(process.env.COLLECTOR.replace('collector.mjs', 'ingestion-rules.mjs'))).problemsWithBatch({ sentAt: 'yesterday', responses: [] });
const after = [...new Set(loaded())].sort();
await collector.close();
console.log(JSON.stringify({ before, after, problems }));
`;

function run(): Promise<{ before: string[]; after: string[]; problems: string[] }> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', SCRIPT], { env: { PATH: process.env.PATH, COLLECTOR } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}

// It opens a SQLite collector of its own: once, in the SQLite run.
describe.runIf(storeUnderTest === 'sqlite')('a SQLite collector process', () => {
  it('starts without the PostgreSQL driver, the batch validator or the stop-word lists, and loads the validator at the first batch', async () => {
    const { before, after, problems } = await run();
    expect(before).toEqual([]);
    expect(after).toEqual(['ajv']);
    // The validator it loaded still names the field at fault.
    expect(problems.join('\n')).toContain('sentAt');
  }, 30_000);
});
